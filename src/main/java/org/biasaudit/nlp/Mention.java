package org.biasaudit.nlp;

import java.util.List;

/**
 * One reference to a tracked actor, with the sentiment around it.
 *
 * @param field {@code title} or {@code text}
 * @param begin end-exclusive Java String offsets into that field
 * @param sentenceIndex 0-based sentence number within the field
 * @param sentenceSentiment CoreNLP's score of the whole sentence on [-1, 1], null when not scored
 * @param targetSentiment the score toward this actor on [-1, 1], null when not scored
 * @param targetLabel {@code negative}, {@code neutral} or {@code positive} (neutral when not scored)
 * @param chainId 1-based id, within the article, of the chain of references the mention belongs to
 * @param resolution how the mention was tied to the actor ({@link ResolvedMention})
 * @param sentimentStatus {@code ok}, or why the score is missing or neutral ({@link SentimentStatus})
 * @param role {@code agent}, {@code patient}, {@code possessor} or {@code other} ({@link MentionGrammar}); null when
 *     the sentence was not parsed
 * @param governingVerb lemma of the verb governing the mention, null when none or not parsed
 * @param descriptors descriptive words attached to the mention (adjectives, appositives, nominal predicates)
 * @param inQuote true when the mention is inside a direct quotation
 * @param quoteSpeakerId the registry id of that quotation's speaker, when it is a tracked actor
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
    String resolution,
    String role,
    String governingVerb,
    List<String> descriptors,
    boolean inQuote,
    String quoteSpeakerId) {

  public static final String NAME = "NAME";
  public static final String PRONOUN = "PRONOUN";
  public static final String NOMINAL = "NOMINAL";
}
