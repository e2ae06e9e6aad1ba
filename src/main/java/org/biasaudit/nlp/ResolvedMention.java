package org.biasaudit.nlp;

/**
 * A reference to a tracked actor found by {@link MentionResolver}, before sentiment.
 *
 * @param type {@code NAME}, {@code NOMINAL} or {@code PRONOUN}
 * @param chainId 1-based id of the chain within the article that the mention belongs to
 * @param resolution how it was resolved (see {@link org.biasaudit.actors.Reference}, plus
 *     {@link MentionResolver#PRONOUN_RULE} and {@link MentionResolver#COREF})
 */
public record ResolvedMention(String actorId, String surface, int begin, int end, int sentenceIndex, String type,
    int chainId, String resolution) {}
