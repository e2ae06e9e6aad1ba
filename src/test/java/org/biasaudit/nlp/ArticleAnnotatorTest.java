package org.biasaudit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.ingest.ArticleRecord;
import org.junit.jupiter.api.Test;

/** Runs the real CoreNLP models (loaded once per JVM through {@link NlpEngines}). */
class ArticleAnnotatorTest {
  private static final ActorRegistry REGISTRY = ActorRegistry.load(Path.of("conf/actors.yaml"));
  private static final AuditConfig CONFIG = AuditConfig.defaults();
  private static final ArticleAnnotator ANNOTATOR = new ArticleAnnotator(CONFIG, REGISTRY);

  private static ArticleRecord article(String title, String text) {
    return new ArticleRecord("t1", false, "Test Outlet", LocalDate.of(2024, 1, 2), null, "2024-01-02", null, title, text,
        "test", 1);
  }

  @Test
  void articleWithoutTrackedActorsNeverReachesTheDeepAnnotators() {
    AnnotatedArticle result = ANNOTATOR.annotate(article("Bakery opens", "A new bakery opened downtown. It sells bread."));
    assertThat(result.status()).isEqualTo(AnnotatedArticle.NO_ACTOR);
    assertThat(result.mentions()).isEmpty();
    assertThat(result.quotes()).isEmpty();
    assertThat(result.sentenceCount()).isEqualTo(3);
    assertThat(result.tokenCount()).isGreaterThan(10);
  }

  @Test
  void mentionsCarryOffsetsSentencesAndSentiment() {
    String text = "The weather was mild.\n\nA weak and confused Vladimir Putin failed again. "
        + "Biden delivered a brilliant, inspiring speech.";
    AnnotatedArticle result = ANNOTATOR.annotate(article("Putin and Biden", text));
    assertThat(result.status()).isEqualTo(AnnotatedArticle.ANNOTATED);
    assertThat(result.actorIds()).containsExactly("biden", "putin");
    Mention putin = result.mentions().stream().filter(m -> m.field().equals("text") && m.actorId().equals("putin")).findFirst().orElseThrow();
    assertThat(text.substring(putin.begin(), putin.end())).isEqualTo("Vladimir Putin");
    assertThat(putin.sentenceIndex()).isEqualTo(1); // the blank line ends the first sentence
    assertThat(putin.sentimentStatus()).isEqualTo("ok");
    assertThat(putin.targetSentiment()).isLessThan(-0.1);
    assertThat(putin.targetLabel()).isEqualTo("negative");
    Mention biden = result.mentions().stream().filter(m -> m.field().equals("text") && m.actorId().equals("biden")).findFirst().orElseThrow();
    assertThat(biden.targetSentiment()).isGreaterThan(0.1);
    assertThat(biden.targetLabel()).isEqualTo("positive");
    assertThat(result.mentions()).filteredOn(m -> m.field().equals("title")).hasSize(2)
        .allSatisfy(m -> assertThat(m.sentimentStatus()).isEqualTo(SentimentStatus.NO_VERB));
  }

  @Test
  void mentionsCarryTheirGrammarAndTheQuoteTheyAreIn() {
    String text = "Schumer said: \u201CPutin is a ruthless dictator who lies constantly.\u201D\n\n"
        + "Biden praised Zelensky on Tuesday.";
    AnnotatedArticle result = ANNOTATOR.annotate(article("", text));
    Mention putin = result.mentions().stream().filter(m -> m.actorId().equals("putin")).findFirst().orElseThrow();
    assertThat(putin.inQuote()).isTrue();
    assertThat(putin.quoteSpeakerId()).isEqualTo("schumer");
    assertThat(putin.descriptors()).contains("dictator");
    assertThat(putin.targetLabel()).isEqualTo("negative");
    Mention schumer = result.mentions().stream().filter(m -> m.actorId().equals("schumer")).findFirst().orElseThrow();
    assertThat(schumer.inQuote()).isFalse();
    assertThat(schumer.quoteSpeakerId()).isNull();
    assertThat(schumer.role()).isEqualTo("agent");
    assertThat(schumer.governingVerb()).isEqualTo("say");
    Mention zelensky = result.mentions().stream().filter(m -> m.actorId().equals("zelensky")).findFirst().orElseThrow();
    assertThat(zelensky.role()).isEqualTo("patient");
    assertThat(zelensky.governingVerb()).isEqualTo("praise");
  }

  @Test
  void overlongSentencesAreNotParsedButStillCounted() {
    String endless = "Biden " + "and the committee discussed the budget ".repeat(40) + "today.";
    AnnotatedArticle result = ANNOTATOR.annotate(article("", endless));
    Mention mention = result.mentions().get(0);
    assertThat(mention.sentimentStatus()).isEqualTo("sentence_too_long");
    assertThat(mention.targetSentiment()).isNull();
    assertThat(mention.targetLabel()).isEqualTo("neutral");
  }

  @Test
  void longTextsAreCutAtTheConfiguredCap() {
    AuditConfig small = AuditConfig.fromMap(Map.of("input", Map.of("max_article_chars", 1000)), "test");
    String text = "Biden spoke. " + "Filler sentence without names. ".repeat(100) + "Putin answered.";
    AnnotatedArticle result = new ArticleAnnotator(small, REGISTRY).annotate(article("", text));
    assertThat(result.textTruncated()).isTrue();
    assertThat(result.actorIds()).containsExactly("biden");
  }

  @Test
  void quotesCarryTheSentimentTowardTheActorsNamedInside() {
    String text = "“Putin is a brutal, murderous and cruel dictator,” Zelensky said. "
        + "Biden said the allies would stand together. “We will defend every inch,” he added.";
    AnnotatedArticle result = ANNOTATOR.annotate(article("Quotes", text));
    Quotation first = result.quotes().get(0);
    assertThat(first.speakerActorId()).isEqualTo("zelensky");
    assertThat(first.mentionedActorIds()).containsExactly("putin");
    Mention putin = result.mentions().stream().filter(m -> m.field().equals("text") && m.actorId().equals("putin"))
        .findFirst().orElseThrow();
    assertThat(first.mentionedActorSentiment()).containsOnlyKeys("putin");
    assertThat(first.mentionedActorSentiment().get("putin")).isEqualTo(putin.targetSentiment()).isLessThan(0.0);
    assertThat(result.quotes()).filteredOn(q -> q.kind().equals(Quotation.INDIRECT)).singleElement()
        .satisfies(q -> {
          assertThat(q.speakerActorId()).isEqualTo("biden");
          assertThat(q.text()).isEqualTo("the allies would stand together");
          assertThat(q.mentionedActorSentiment()).isEmpty();
        });
    assertThat(result.quotes().get(1).speakerActorId()).isEqualTo("biden");
  }
}
