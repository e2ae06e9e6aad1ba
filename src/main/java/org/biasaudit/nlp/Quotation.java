package org.biasaudit.nlp;

import java.util.List;
import java.util.Map;

/**
 * One quotation in an article's text: a direct quotation, or a tracked actor's reported speech.
 *
 * @param kind {@code direct} (words between quote marks) or {@code indirect} (the reported clause of
 *     "Putin said the West ...", "according to Erdogan, ...")
 * @param begin offset of the opening mark, or of the clause's first word (end-exclusive offsets, Java
 *     String, into the text field)
 * @param end offset just past the closing mark, or the clause's last word
 * @param text the words between the marks, or the clause
 * @param speakerSurface how the text names the speaker ("Biden", "he", "the senator", "one official")
 * @param speakerName the speaker's name as resolved (the full name when the article gives it); null for
 *     an anonymous source or no speaker
 * @param speakerActorId the registry id when the speaker is a tracked actor
 * @param speakerMethod how the speaker was found: {@code named}, {@code pronoun}, {@code nominal},
 *     {@code continued}, {@code carried_over}, {@code anonymous} or {@code none}
 * @param attributionVerb lemma of the speech verb, null when none
 * @param attributionClass framing class of that verb ({@link SpeechVerbs})
 * @param mentionedActorIds tracked actors named inside the quotation
 * @param mentionedActorSentiment for each of those actors, the mean target sentiment of its mentions
 *     inside the quotation (only actors with a scored mention)
 */
public record Quotation(
    String kind,
    int begin,
    int end,
    String text,
    String speakerSurface,
    String speakerName,
    String speakerActorId,
    String speakerMethod,
    String attributionVerb,
    String attributionClass,
    List<String> mentionedActorIds,
    Map<String, Double> mentionedActorSentiment) {

  public static final String DIRECT = "direct";
  public static final String INDIRECT = "indirect";

  /** The same quotation with the sentiment toward the actors named inside it. */
  public Quotation withSentiment(Map<String, Double> sentiment) {
    return new Quotation(kind, begin, end, text, speakerSurface, speakerName, speakerActorId, speakerMethod,
        attributionVerb, attributionClass, mentionedActorIds, Map.copyOf(sentiment));
  }
}
