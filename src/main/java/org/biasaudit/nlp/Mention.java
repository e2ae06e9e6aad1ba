package org.biasaudit.nlp;

/**
 * One reference to a tracked actor, with the sentiment around it.
 *
 * @param field {@code title} or {@code text}
 * @param begin end-exclusive Java String offsets into that field
 * @param sentenceIndex 0-based sentence number within the field
 * @param sentenceSentiment CoreNLP's score of the whole sentence on [-1, 1], null when not scored
 * @param targetSentiment the score toward this actor on [-1, 1], null when not scored
 * @param targetLabel {@code negative}, {@code neutral} or {@code positive} (neutral when not scored)
 * @param sentimentStatus {@code ok}, or why no score: {@code sentence_too_long}, {@code time_limit}
 * @param chainId 1-based id, within the article, of the chain of references the mention belongs to
 * @param resolution how the mention was tied to the actor ({@link ResolvedMention})
 */
public record Mention(
    String actorId,
    String surface,
    String field,
    int begin,
    int end,
    int sentenceIndex,
    String mentionType,
    Double sentenceSentiment,
    Double targetSentiment,
    String targetLabel,
    String sentimentStatus,
    String sentence,
    int chainId,
    String resolution) {

  public static final String NAME = "NAME";
  public static final String PRONOUN = "PRONOUN";
  public static final String NOMINAL = "NOMINAL";
}
