package org.biasaudit.nlp;

import java.util.Properties;
import org.biasaudit.config.AuditConfig;

/**
 * The one place where CoreNLP {@link Properties} are built from the audit's settings. Two pipelines:
 * a cheap one (tokenize, ssplit) that runs on every article, and a deep one (pos, parse, sentiment) that
 * runs sentence by sentence, only on sentences that mention a tracked actor.
 */
public final class CoreNlpProperties {
  static final String SR_MODEL = "edu/stanford/nlp/models/srparser/englishSR.ser.gz";
  static final String PCFG_MODEL = "edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz";

  private CoreNlpProperties() {}

  public static Properties splitter(AuditConfig.Nlp settings) {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit");
    props.setProperty("tokenize.language", "en");
    // Undecodable characters are dropped silently instead of one warning per character.
    props.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=true");
    // CoreNLP does not end a sentence at a blank line by default: headlines and paragraph ends would merge.
    props.setProperty("ssplit.newlineIsSentenceBreak", settings.paragraphBreak());
    return props;
  }

  public static Properties deep(AuditConfig.Nlp settings) {
    Properties props = new Properties();
    props.setProperty("annotators", "pos,parse,sentiment");
    // Tokens and sentences come from the splitter pipeline; this one only sees selected sentences.
    props.setProperty("enforceRequirements", "false");
    props.setProperty("parse.model", "sr".equals(settings.parser()) ? SR_MODEL : PCFG_MODEL);
    props.setProperty("parse.binaryTrees", "true");
    // The parse annotator would also convert every tree to three kinds of dependency graph; only the
    // target-level step needs dependencies (basic ones), and it converts the tree itself (ParsedSentence).
    props.setProperty("parse.buildgraphs", "false");
    props.setProperty("parse.maxlen", Integer.toString(settings.maxSentenceTokens()));
    props.setProperty("pos.maxlen", Integer.toString(settings.maxSentenceTokens()));
    return props;
  }

  /**
   * The {@code full} coreference tier: statistical coreference (about 2.5x faster than the neural model on
   * news) with rule-based mention detection, which needs constituency trees; the dependency-based mention
   * detector does not load in CoreNLP 4.5.10. Tokenization and sentence splitting match {@link #splitter}.
   */
  public static Properties coref(AuditConfig.Nlp settings) {
    Properties props = splitter(settings);
    props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,parse,coref");
    props.setProperty("ner.useSUTime", "false");
    props.setProperty("ner.applyNumericClassifiers", "false");
    props.setProperty("ner.applyFineGrained", "false");
    props.setProperty("parse.model", "sr".equals(settings.parser()) ? SR_MODEL : PCFG_MODEL);
    props.setProperty("parse.maxlen", Integer.toString(settings.maxSentenceTokens()));
    props.setProperty("pos.maxlen", Integer.toString(settings.maxSentenceTokens()));
    props.setProperty("coref.algorithm", "statistical");
    props.setProperty("coref.md.type", "rule");
    props.setProperty("coref.language", "en");
    return props;
  }
}
