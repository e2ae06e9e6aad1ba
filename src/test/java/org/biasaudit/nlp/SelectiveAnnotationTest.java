package org.biasaudit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.ingest.ArticleRecord;
import org.junit.jupiter.api.Test;

/**
 * The job parses and scores only the sentences that name a tracked actor, one at a time. This proves the
 * results for those sentences are the same as annotating the whole article at once, and that annotation
 * (quotes included) gives the same results from many threads as from one.
 */
class SelectiveAnnotationTest {
  private static final ActorRegistry REGISTRY = ActorRegistry.load(Path.of("conf/actors.yaml"));
  private static final AuditConfig CONFIG = AuditConfig.defaults();

  private static final String TEXT = "The harbour reopened on Monday after repairs.\n\n"
      + "President Biden praised the crews, calling the work a remarkable achievement for the region. "
      + "Local shops reported busy weekends.\n\n"
      + "\u201CThis is a proud day,\u201D Biden said. Critics said Putin's ruthless campaign had raised fuel costs. "
      + "The ferry timetable will change in June.";

  @Test
  void selectedSentencesScoreAsInAWholeArticleRun() {
    ArticleRecord article = new ArticleRecord("s1", false, "Wire", LocalDate.of(2024, 5, 6), null, "2024-05-06", null,
        null, TEXT, "test", 1);
    AnnotatedArticle selective = new ArticleAnnotator(CONFIG, REGISTRY).annotate(article);

    Properties props = CoreNlpProperties.splitter(CONFIG.nlp());
    props.putAll(CoreNlpProperties.deep(CONFIG.nlp()));
    props.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
    props.setProperty("enforceRequirements", "true");
    Annotation whole = new Annotation(TEXT);
    new StanfordCoreNLP(props).annotate(whole);
    List<CoreMap> sentences = whole.get(CoreAnnotations.SentencesAnnotation.class);

    assertThat(selective.mentions()).hasSize(3);
    for (Mention mention : selective.mentions()) {
      Tree tree = sentences.get(mention.sentenceIndex()).get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
      assertThat(mention.sentenceSentiment()).as(mention.sentence()).isEqualTo(TreeSentiment.score(tree));
      assertThat(sentences.get(mention.sentenceIndex()).get(CoreAnnotations.TextAnnotation.class)).isEqualTo(mention.sentence());
    }
  }

  @Test
  void manyThreadsGiveTheSameResultsAsOne() throws Exception {
    List<ArticleRecord> articles = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("sample-data/northgate-herald.jsonl"))) {
      var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
      articles.add(new ArticleRecord(node.get("id").asText(), false, "Northgate Herald", null, null, null, null,
          node.get("title").asText(), node.get("text").asText(), "test", 0));
    }
    ArticleAnnotator single = new ArticleAnnotator(CONFIG, REGISTRY);
    List<AnnotatedArticle> sequential = new ArrayList<>();
    for (ArticleRecord article : articles) {
      sequential.add(single.annotate(article));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<AnnotatedArticle>> futures = new ArrayList<>();
      ArticleAnnotator shared = new ArticleAnnotator(CONFIG, REGISTRY);
      for (ArticleRecord article : articles) {
        futures.add(pool.submit(() -> shared.annotate(article)));
      }
      for (int i = 0; i < articles.size(); i++) {
        AnnotatedArticle parallel = futures.get(i).get();
        assertThat(parallel.quotes()).as(articles.get(i).id()).isEqualTo(sequential.get(i).quotes());
        assertThat(parallel.mentions()).as(articles.get(i).id()).isEqualTo(sequential.get(i).mentions());
      }
    } finally {
      pool.shutdown();
    }
    assertThat(sequential.stream().mapToInt(a -> a.quotes().size()).sum()).isGreaterThan(20);
  }

  @Test
  void articleTimeLimitStopsAnnotationAndSaysSo() {
    // 4,000 sentences take many seconds to split, resolve and parse on any machine: the one-second limit is hit.
    AuditConfig oneSecond = AuditConfig.fromMap(java.util.Map.of("nlp", java.util.Map.of("article_time_limit_seconds", 1),
        "input", java.util.Map.of("max_article_chars", 1_000_000)), "test");
    String text = "President Biden praised the governors of several states for their excellent budget plan today. ".repeat(4000);
    AnnotatedArticle result = new ArticleAnnotator(oneSecond, REGISTRY).annotate(
        new ArticleRecord("t", false, "Wire", null, null, null, null, null, text, "test", 1));
    assertThat(result.status()).isEqualTo(AnnotatedArticle.TIME_LIMIT);
    assertThat(result.mentions()).hasSize(4000);
    // Whatever was parsed before the limit keeps its result; from the first time_limit on, nothing is parsed.
    List<String> statuses = result.mentions().stream().map(Mention::sentimentStatus).toList();
    int first = statuses.indexOf("time_limit");
    assertThat(first).isNotNegative();
    assertThat(statuses.subList(first, statuses.size())).containsOnly("time_limit");
    assertThat(statuses.subList(0, first)).doesNotContain("time_limit");
  }
}
