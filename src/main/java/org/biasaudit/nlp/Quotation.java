package org.biasaudit.nlp;

import java.util.List;

/**
 * One direct quotation in an article's text.
 *
 * @param begin offset of the opening mark (end-exclusive offsets, Java String, into the text field)
 * @param end offset just past the closing mark
 * @param text the words between the marks
 * @param speakerSurface how the text names the speaker next to the quote ("Biden", "he", "the senator")
 * @param speakerName the speaker's name as resolved (the full name when the article gives it)
 * @param speakerActorId the registry id when the speaker is a tracked actor
 * @param speakerMethod how the speaker was found: {@code named}, {@code pronoun}, {@code nominal},
 *     {@code carried_over} or {@code none}
 * @param attributionVerb lemma of the speech verb, null when none
 * @param attributionClass framing class of that verb ({@link SpeechVerbs})
 * @param mentionedActorIds tracked actors named inside the quote
 */
public record Quotation(
    int begin,
    int end,
    String text,
    String speakerSurface,
    String speakerName,
    String speakerActorId,
    String speakerMethod,
    String attributionVerb,
    String attributionClass,
    List<String> mentionedActorIds) {}
