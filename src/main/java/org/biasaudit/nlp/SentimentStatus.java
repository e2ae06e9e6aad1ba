package org.biasaudit.nlp;

/**
 * Values of {@code mentions.sentiment_status}: {@code ok}, or why the target score is missing or forced to
 * neutral. Each case is a defined result, never an exception.
 */
public final class SentimentStatus {
  /** Scored. */
  public static final String OK = "ok";
  /** Over {@code nlp.max_sentence_tokens}: not parsed, no scores, label neutral. */
  public static final String SENTENCE_TOO_LONG = "sentence_too_long";
  /** The article's time limit was reached before this sentence: no scores, label neutral. */
  public static final String TIME_LIMIT = "time_limit";
  /** CoreNLP gave no usable tree: no scores, label neutral. */
  public static final String NO_TREE = "no_tree";
  /** Every cased word is in capitals: not parsed (models trained on normal case misread it), label neutral. */
  public static final String ALL_CAPS = "all_caps";
  /** Every content word capitalised, as in a headline: not parsed, no scores, label neutral. */
  public static final String HEADLINE_CASE = "headline_case";
  /** A title without a verb ("Putin and Xi"): the sentence is scored, the target is not; label neutral. */
  public static final String NO_VERB = "no_verb";
  /** No sentiment-bearing word outside the mention: target score 0, label neutral. */
  public static final String NO_SENTIMENT_WORDS = "no_sentiment_words";
  /** The target step failed on this sentence (a bug, reported rather than thrown): no target score. */
  public static final String TARGET_ERROR = "target_error";

  private SentimentStatus() {}
}
