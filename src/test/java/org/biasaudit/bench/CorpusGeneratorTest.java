package org.biasaudit.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.biasaudit.bench.CorpusGenerator.Article;
import org.biasaudit.bench.CorpusGenerator.Copy;
import org.biasaudit.metrics.MinHashSignatures;
import org.junit.jupiter.api.Test;

/** The generated corpus: the same for the same seed, and its copies of the two kinds real news has. */
class CorpusGeneratorTest {
  @Test
  void theSameSeedGivesTheSameCorpusAndNoCopyShareLeavesItAsItWas() {
    List<Article> plain = new CorpusGenerator(3).generate(300, 0.33, 6);
    assertThat(new CorpusGenerator(3).generate(300, 0.33, 6)).isEqualTo(plain);
    assertThat(new CorpusGenerator(3).generate(300, 0.33, 6, 0.0)).isEqualTo(plain);
    assertThat(plain).allSatisfy(a -> {
      assertThat(a.copy()).isEqualTo(Copy.NONE);
      assertThat(a.copyOf()).isNull();
    });
    assertThat(CorpusGenerator.describe(plain)).doesNotContain("copies");
  }

  @Test
  void copiesComeInTheAskedShareHalfRepostsHalfWireCopiesOfEarlierOriginals() {
    List<Article> corpus = new CorpusGenerator(5).generate(2000, 0.33, 6, 0.2);
    Map<String, Article> byId = corpus.stream().collect(Collectors.toMap(Article::id, Function.identity()));
    long reposts = corpus.stream().filter(a -> a.copy() == Copy.REPOST).count();
    long wireCopies = corpus.stream().filter(a -> a.copy() == Copy.WIRE_COPY).count();
    // 0.2 of 1,999 draws: 400 expected, a standard deviation of about 18.
    assertThat(reposts + wireCopies).isBetween(330L, 470L);
    assertThat(reposts).isBetween(140L, 260L);
    assertThat(wireCopies).isBetween(140L, 260L);
    assertThat(corpus.stream().map(Article::id).distinct()).hasSize(2000);
    for (Article copy : corpus) {
      if (copy.copy() == Copy.NONE) {
        continue;
      }
      Article original = byId.get(copy.copyOf());
      assertThat(original.copy()).isEqualTo(Copy.NONE);
      assertThat(original.id()).isLessThan(copy.id());
      assertThat(copy.namesActors()).isEqualTo(original.namesActors());
    }
    assertThat(CorpusGenerator.describe(corpus)).contains(reposts + " reposts, " + wireCopies + " wire copies");
  }

  /** Each copy of the given kind in a 500-article corpus with a fifth of copies, with the article it copies. */
  private static Map<Article, Article> copiesWithOriginals(Copy kind) {
    List<Article> corpus = new CorpusGenerator(5).generate(500, 0.33, 6, 0.2);
    Map<String, Article> byId = corpus.stream().collect(Collectors.toMap(Article::id, Function.identity()));
    Map<Article, Article> copies = new LinkedHashMap<>();
    corpus.stream().filter(a -> a.copy() == kind).forEach(a -> copies.put(a, byId.get(a.copyOf())));
    assertThat(copies).isNotEmpty();
    return copies;
  }

  @Test
  void aRepostHasItsOriginalsTitleTextAndDate() {
    for (Map.Entry<Article, Article> pair : copiesWithOriginals(Copy.REPOST).entrySet()) {
      Article repost = pair.getKey();
      Article original = pair.getValue();
      assertThat(repost.title()).isEqualTo(original.title());
      assertThat(repost.text()).isEqualTo(original.text());
      assertThat(repost.published()).isEqualTo(original.published());
    }
  }

  @Test
  void aWireCopyDiffersInHeadlineAndDatelineButKeepsMostOfTheStory() {
    boolean someCut = false;
    for (Map.Entry<Article, Article> pair : copiesWithOriginals(Copy.WIRE_COPY).entrySet()) {
      Article copy = pair.getKey();
      Article original = pair.getValue();
      assertThat(copy.title()).isNotEqualTo(original.title()).endsWith(original.title());
      assertThat(copy.text()).isNotEqualTo(original.text()).contains("(" + original.outlet() + ") \u2014 ");
      assertThat(copy.published()).isBetween(original.published(), original.published().plusDays(1));
      someCut |= copy.text().length() < original.text().length();
      // Within reach of the copy search at its default threshold (0.6), whatever was cut.
      double similarity = MinHashSignatures.jaccard(MinHashSignatures.shingles(copy.text(), 3),
          MinHashSignatures.shingles(original.text(), 3));
      assertThat(similarity).as("similarity of %s to %s", copy.id(), original.id()).isGreaterThan(0.7);
    }
    assertThat(someCut).isTrue();
  }

  @Test
  void rejectsAShareOutsideZeroToOne() {
    assertThatThrownBy(() -> new CorpusGenerator(1).generate(10, 0.33, 6, 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CorpusGenerator(1).generate(10, 0.33, 6, -0.1)).isInstanceOf(IllegalArgumentException.class);
  }
}
