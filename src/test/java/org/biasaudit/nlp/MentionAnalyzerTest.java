package org.biasaudit.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import java.util.List;
import java.util.Map;
import org.biasaudit.actors.ActorRegistry;
import org.junit.jupiter.api.Test;

/** The target step with the shipped classifier on the real models, including the input it cannot judge. */
class MentionAnalyzerTest {
  private static final MentionAnalyzer ANALYZER = Parsing.ANALYZER;

  /** Analyses the first occurrence of each name in a one-sentence text (with the quote finder's quotes). */
  private static List<MentionAnalyzer.Result> analyze(String text, boolean title, String... names) {
    CoreMap sentence = Parsing.split(text);
    List<MentionAnalyzer.TargetSpan> targets = new java.util.ArrayList<>();
    for (String name : names) {
      int begin = text.indexOf(name);
      targets.add(new MentionAnalyzer.TargetSpan(begin, begin + name.length(), name.toLowerCase(), name));
    }
    List<Quotation> quotes = new QuoteFinder(new ActorRegistry("(test)", List.of())).find(text, List.of());
    return ANALYZER.analyze(sentence, title, targets, quotes, false);
  }

  private static MentionAnalyzer.Result one(String text, boolean title, String name) {
    return analyze(text, title, name).get(0);
  }

  @Test
  void twoActorsInOneSentenceCanGetOppositeLabels() {
    List<MentionAnalyzer.Result> r = analyze("The brave Zelensky defended his country while the ruthless Putin bombed hospitals.",
        false, "Zelensky", "Putin");
    assertThat(r.get(0).targetLabel()).isEqualTo("positive");
    assertThat(r.get(1).targetLabel()).isEqualTo("negative");
    assertThat(r.get(0).sentenceSentiment()).isEqualTo(r.get(1).sentenceSentiment());
    assertThat(r.get(0).descriptors()).containsExactly("brave");
    assertThat(r.get(1).descriptors()).containsExactly("ruthless");
  }

  @Test
  void scoresFollowTheWordsAboutTheActor() {
    MentionAnalyzer.Result weak = one("A weak and confused Vladimir Putin failed again.", false, "Vladimir Putin");
    assertThat(weak.status()).isEqualTo(SentimentStatus.OK);
    assertThat(weak.targetLabel()).isEqualTo("negative");
    assertThat(weak.targetSentiment()).isLessThan(-0.5);
    MentionAnalyzer.Result brilliant = one("Biden delivered a brilliant, inspiring speech.", false, "Biden");
    assertThat(brilliant.targetLabel()).isEqualTo("positive");
    assertThat(brilliant.targetSentiment()).isGreaterThan(0.5);
  }

  @Test
  void aQuoteSpokenByTheActorIsNotSentimentTowardIt() {
    String text = "\"This plan is a complete disaster and a disgrace,\" Biden said.";
    CoreMap sentence = Parsing.split(text);
    MentionAnalyzer.Deep deep = ANALYZER.deepStep(sentence, false);
    int begin = text.indexOf("Biden");
    MentionAnalyzer.TargetSpan biden = new MentionAnalyzer.TargetSpan(begin, begin + 5, "biden", "Biden");
    List<Quotation> quotes = new QuoteFinder(new ActorRegistry("(test)", List.of())).find(text, List.of());
    assertThat(quotes).hasSize(1);
    Map<String, Double> spoken = ANALYZER.features(deep, biden, quotes);
    assertThat(spoken).containsKey("speaker");
    assertThat(spoken.keySet()).noneMatch(f -> f.contains("disaster") || f.contains("disgrace"));
    // Without the quote marks the same words are reported speech, which the classifier does see.
    Map<String, Double> unquoted = ANALYZER.features(deep, biden, List.of());
    assertThat(unquoted).containsKeys("rep:disaster", "rep:disgrace").doesNotContainKey("speaker");
    assertThat(ANALYZER.targets(deep, false, List.of(biden), quotes).get(0).targetLabel()).isNotEqualTo("negative");
  }

  @Test
  void aMentionInsideAQuoteKeepsItsScoreAndNamesTheSpeaker() {
    String text = "Schumer said: \"Putin is a ruthless dictator who lies constantly.\"";
    CoreMap sentence = Parsing.split(text);
    int begin = text.indexOf("Putin");
    List<Quotation> quotes = List.of(new Quotation(Quotation.DIRECT, text.indexOf('"'), text.length(), "Putin is ...", "Schumer",
        "Chuck Schumer", "schumer", "named", "say", "neutral", List.of("putin"), Map.of()));
    MentionAnalyzer.Result putin = ANALYZER.analyze(sentence, false,
        List.of(new MentionAnalyzer.TargetSpan(begin, begin + 5, "putin", "Putin")), quotes, false).get(0);
    assertThat(putin.inQuote()).isTrue();
    assertThat(putin.quoteSpeakerId()).isEqualTo("schumer");
    assertThat(putin.targetLabel()).isEqualTo("negative");
    assertThat(putin.descriptors()).contains("dictator");
  }

  // ------------------------------------------------------------------ input the models cannot judge

  @Test
  void sentencesOverTheTokenLimitAreNotParsed() {
    String endless = "Biden " + "and the committee discussed the budget ".repeat(20) + "today.";
    MentionAnalyzer.Result r = one(endless, false, "Biden");
    assertThat(r.status()).isEqualTo(SentimentStatus.SENTENCE_TOO_LONG);
    assertThat(r.targetSentiment()).isNull();
    assertThat(r.sentenceSentiment()).isNull();
    assertThat(r.targetLabel()).isEqualTo("neutral");
    assertThat(r.role()).isNull();
  }

  @Test
  void allCapitalsAndHeadlineCaseAreFlaggedNeutral() {
    MentionAnalyzer.Result caps = one("BIDEN SLAMS PUTIN OVER DISGRACEFUL WAR CRIMES", false, "BIDEN");
    assertThat(caps.status()).isEqualTo(SentimentStatus.ALL_CAPS);
    assertThat(caps.targetSentiment()).isNull();
    assertThat(caps.targetLabel()).isEqualTo("neutral");
    MentionAnalyzer.Result headline = one("Border Deal Collapses in Humiliating Defeat for Biden", true, "Biden");
    assertThat(headline.status()).isEqualTo(SentimentStatus.HEADLINE_CASE);
    assertThat(headline.targetSentiment()).isNull();
    assertThat(headline.targetLabel()).isEqualTo("neutral");
  }

  @Test
  void aTitleWithoutAVerbGetsOnlyTheSentenceScore() {
    MentionAnalyzer.Result r = one("Putin and Xi", true, "Putin");
    assertThat(r.status()).isEqualTo(SentimentStatus.NO_VERB);
    assertThat(r.sentenceSentiment()).isNotNull();
    assertThat(r.targetSentiment()).isNull();
    assertThat(r.targetLabel()).isEqualTo("neutral");
    // The same words in the body are an ordinary (verbless) sentence.
    assertThat(one("Putin and Xi.", false, "Putin").status()).isNotEqualTo(SentimentStatus.NO_VERB);
    // A title with a verb, in sentence case, is scored.
    assertThat(one("Biden signs a historic climate bill", true, "Biden").status()).isEqualTo(SentimentStatus.OK);
  }

  @Test
  void noSentimentBearingWordsGiveAScoredNeutral() {
    MentionAnalyzer.Result r = one("Trump and Biden.", false, "Biden");
    assertThat(r.status()).isEqualTo(SentimentStatus.NO_SENTIMENT_WORDS);
    assertThat(r.targetSentiment()).isZero();
    assertThat(r.targetLabel()).isEqualTo("neutral");
  }

  @Test
  void junkNeverThrows() {
    for (String junk : List.of("@@ ### Biden $$$ %%% ^^^", "Biden", "Biden 😀 🙃 !!!", "Biden ... ... ...", "(Biden)",
        "Biden\u0000\u0001 said", "“Biden”", "Biden's'' \"\"")) {
      assertThatCode(() -> {
        MentionAnalyzer.Result r = one(junk, false, "Biden");
        assertThat(r.targetLabel()).isIn("negative", "neutral", "positive");
        assertThat(r.status()).isNotNull();
      }).as(junk).doesNotThrowAnyException();
    }
  }

  @Test
  void casingRules() {
    assertThat(MentionAnalyzer.casing(tokens("PUTIN ORDERS NEW OFFENSIVE"))).isEqualTo(SentimentStatus.ALL_CAPS);
    assertThat(MentionAnalyzer.casing(tokens("Putin Orders a New Offensive in the East"))).isEqualTo(SentimentStatus.HEADLINE_CASE);
    assertThat(MentionAnalyzer.casing(tokens("Senate Majority Leader Chuck Schumer and House Speaker Mike Johnson met."))).isNull();
    assertThat(MentionAnalyzer.casing(tokens("NATO and the EU agreed on new sanctions."))).isNull();
    assertThat(MentionAnalyzer.casing(tokens("Putin orders a new offensive"))).isNull();
  }

  private static List<CoreLabel> tokens(String text) {
    return Parsing.split(text).get(CoreAnnotations.TokensAnnotation.class);
  }
}
