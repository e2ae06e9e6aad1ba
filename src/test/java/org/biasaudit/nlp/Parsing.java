package org.biasaudit.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.util.List;
import org.biasaudit.config.AuditConfig;

/** Parses test sentences with the job's own pipelines (loaded once per JVM by {@link NlpEngines}). */
final class Parsing {
  static final AuditConfig CONFIG = AuditConfig.defaults();
  static final NlpEngines.Pipelines PIPELINES = NlpEngines.pipelines(CONFIG.nlp());
  static final MentionAnalyzer ANALYZER = new MentionAnalyzer(PIPELINES.deep(), NlpEngines.targetModel(), CONFIG.nlp(),
      CONFIG.sentiment());

  private Parsing() {}

  /** The first sentence of {@code text}, split by the job's splitter. */
  static CoreMap split(String text) {
    Annotation document = new Annotation(text);
    PIPELINES.splitter().annotate(document);
    List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
    return sentences.get(0);
  }

  /** The first sentence of {@code text}, through the deep step, in the target step's form. */
  static ParsedSentence parse(String text) {
    CoreMap sentence = split(text);
    MentionAnalyzer.Deep deep = ANALYZER.deepStep(sentence, false);
    if (!deep.status().equals(SentimentStatus.OK)) {
      throw new AssertionError("not parsed: " + deep.status());
    }
    return ParsedSentence.of(sentence);
  }

  /** The grammar of the first occurrence of {@code mention} in {@code text}. */
  static MentionGrammar grammar(String text, String mention) {
    ParsedSentence s = parse(text);
    int begin = text.indexOf(mention);
    int[] span = MentionAnalyzer.tokenSpan(s, begin, begin + mention.length());
    return MentionGrammar.of(s, span[0], span[1]);
  }
}
