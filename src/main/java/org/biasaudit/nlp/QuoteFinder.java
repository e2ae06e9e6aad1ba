package org.biasaudit.nlp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.biasaudit.actors.Actor;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.actors.AliasMatch;

/**
 * Finds direct quotations and their speakers with rules written for news copy. It reads curly and
 * straight double quotes, doubled apostrophes ({@code ''...''}), guillemets and curly single quotes; a
 * quote may be closed by a mark of another style; a quote that reopens at the start of the next paragraph
 * continues across it. Anything unbalanced (an opener with no closer before the paragraph ends, an inch
 * mark, an apostrophe) yields no quote rather than a runaway span, and no quote is longer than
 * {@link #MAX_QUOTE_CHARS}. Cost is linear in the text.
 *
 * <p>Speakers come from the attribution next to the quote, after it ({@code "...," Biden said},
 * {@code "...," said Trump}) or before it ({@code Biden said: "..."}); pronouns and definite nominals
 * ("he", "the senator") resolve to the last speaker or named person before them; a quote that opens a
 * paragraph with no attribution of its own keeps the previous paragraph's speaker.
 */
public final class QuoteFinder {
  static final int MAX_QUOTE_CHARS = 4000;
  private static final int WINDOW = 160;

  private static final String TITLE =
      "(?:(?:President|Vice President|Prime Minister|Chancellor|Senator|Sen\\.|Rep\\.|Representative|Gov\\.|Governor|"
          + "Speaker|Secretary|Minister|Mr\\.|Mrs\\.|Ms\\.|Dr\\.|Gen\\.|General|Mayor|Judge|Justice|Ambassador)\\s+)";
  private static final String NAME_WORD = "\\p{Lu}[\\p{L}'’\\-]*\\.?";
  private static final String NAME = TITLE + "?" + NAME_WORD + "(?:\\s+" + NAME_WORD + "){0,3}";
  private static final String PRONOUN = "(?:he|she|they|He|She|They)";
  private static final String NOMINAL = "(?:[Tt]he|[Aa]|[Aa]n|[Oo]ne|[Aa]nother)\\s+(?:[\\p{L}\\-’']+\\s+){0,4}?[\\p{L}\\-]+";
  private static final String SPEAKER = "(" + NAME + "|" + PRONOUN + "|" + NOMINAL + ")";
  private static final String VERB = "(\\p{L}+)";

  /** {@code , Biden said} / {@code , the senator told} / {@code , he added} right after the quote. */
  private static final Pattern AFTER_SPEAKER_VERB = Pattern.compile("^\\s*,?\\s*" + SPEAKER + "\\s+(?:also\\s+|then\\s+|later\\s+)?" + VERB);
  /** {@code , said Trump} / {@code , said Maria Delgado, a professor}. */
  private static final Pattern AFTER_VERB_SPEAKER = Pattern.compile("^\\s*,?\\s*" + VERB + "\\s+" + SPEAKER);
  /** {@code Biden said: } / {@code Zelensky told reporters, } / {@code he added, } just before the quote. */
  private static final Pattern BEFORE_SPEAKER_VERB = Pattern.compile(
      SPEAKER + "\\s+(?:also\\s+|then\\s+|later\\s+)?" + VERB + "(?:\\s+[\\p{L}’'\\-]+){0,6}?\\s*[:,]?\\s*$");
  /** Any {@code SPEAKER VERB} earlier in the sentence, for partial quotes ({@code Macron called it "..."}). */
  private static final Pattern SPEAKER_VERB_ANYWHERE = Pattern.compile(SPEAKER + "\\s+" + VERB + "\\b");
  private static final Pattern FULL_NAME = Pattern.compile(NAME_WORD + "(?:\\s+" + NAME_WORD + ")+");

  private final ActorRegistry registry;

  public QuoteFinder(ActorRegistry registry) {
    this.registry = registry;
  }

  /** One quote span before attribution. */
  record Span(int begin, int end, int paragraph) {}

  public List<Quotation> find(String text, List<AliasMatch> mentions) {
    List<Span> spans = spans(text);
    List<Quotation> quotes = new ArrayList<>();
    Speaker last = null;
    int lastParagraph = -1;
    for (Span span : spans) {
      String inner = text.substring(span.begin() + markLength(text, span.begin()), span.end() - closingLength(text, span.end()));
      Attribution attribution = attribute(text, span, quotes, mentions, last, lastParagraph);
      Speaker speaker = attribution.speaker();
      if (speaker != null && speaker.name() != null) {
        last = speaker;
        lastParagraph = span.paragraph();
      }
      quotes.add(new Quotation(span.begin(), span.end(), inner.strip(),
          speaker == null ? null : speaker.surface(),
          speaker == null ? null : speaker.name(),
          speaker == null ? null : speaker.actorId(),
          attribution.method(),
          attribution.verb() == null ? null : attribution.verb().lemma(),
          attribution.verb() == null ? null : attribution.verb().framing(),
          actorsInside(mentions, span)));
    }
    return quotes;
  }

  // ---------------------------------------------------------------- spans

  /** Quote spans in text order; nested quotes stay inside their outer quote. */
  static List<Span> spans(String text) {
    List<Span> spans = new ArrayList<>();
    int n = text.length();
    int paragraph = 0;
    int openAt = -1;
    int openParagraph = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        int next = skipSpace(text, i);
        if (openAt >= 0) {
          if (next < n && isOpener(text, next)) {
            paragraph++; // reopened at the next paragraph: the same quote goes on
            i = next + markLength(text, next) - 1;
            continue;
          }
          openAt = -1; // unbalanced: the paragraph ended without a closer and the quote does not continue
        }
        paragraph++;
        i = next - 1;
        continue;
      }
      if (openAt < 0) {
        if (isOpener(text, i)) {
          openAt = i;
          openParagraph = paragraph;
          i += markLength(text, i) - 1;
        }
        continue;
      }
      if (i - openAt > MAX_QUOTE_CHARS) {
        openAt = -1; // runaway: no quote, and scanning resumes here
        continue;
      }
      if (isCloser(text, i)) {
        int end = i + markLengthAt(text, i);
        if (end - openAt > markLength(text, openAt) + 1 || hasWordInside(text, openAt, end)) {
          spans.add(new Span(openAt, end, openParagraph));
        }
        openAt = -1;
        i = end - 1;
      }
    }
    return spans;
  }

  private static boolean hasWordInside(String text, int begin, int end) {
    for (int i = begin; i < end; i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static int skipSpace(String text, int from) {
    int j = from;
    while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
      j++;
    }
    return j;
  }

  private static boolean isOpener(String text, int i) {
    char c = text.charAt(i);
    char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
    boolean startish = i == 0 || isOpeningContext(text.charAt(i - 1));
    switch (c) {
      case '\u201C', '\u00AB', '\u201E' -> {
        return true;
      }
      case '"' -> {
        return startish && !Character.isWhitespace(next);
      }
      case '\'', '`' -> {
        return startish && (next == '\'' || next == '`') && i + 2 < text.length() && !Character.isWhitespace(text.charAt(i + 2));
      }
      case '\u2018' -> {
        // ‘08 is a year, not a quote; a real single-quoted quote starts with a letter.
        return startish && Character.isLetter(next) && hasSingleCloser(text, i);
      }
      default -> {
        return false;
      }
    }
  }

  private static boolean hasSingleCloser(String text, int open) {
    int limit = Math.min(text.length(), open + 600);
    for (int j = open + 2; j < limit; j++) {
      char c = text.charAt(j);
      if (c == '\n' || c == '\u201C' || c == '"') {
        return false;
      }
      if (c == '\u2019' && (j + 1 >= text.length() || !Character.isLetter(text.charAt(j + 1)))
          && !Character.isWhitespace(text.charAt(j - 1))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOpeningContext(char before) {
    return Character.isWhitespace(before) || "([{—–-:;,/".indexOf(before) >= 0 || before == '\u2014' || before == '\u2013';
  }

  private static boolean isCloser(String text, int i) {
    char c = text.charAt(i);
    char prev = i > 0 ? text.charAt(i - 1) : ' ';
    char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
    switch (c) {
      case '\u201D', '\u00BB', '"' -> {
        return !Character.isWhitespace(prev) || c != '"';
      }
      case '\'' -> {
        return next == '\'' && !Character.isWhitespace(prev);
      }
      case '\u2019' -> {
        return !Character.isLetter(next) && !Character.isWhitespace(prev) && singleOpened(text, i);
      }
      default -> {
        return false;
      }
    }
  }

  /** A curly single closer only closes a quote that a curly single opener started. */
  private static boolean singleOpened(String text, int i) {
    for (int j = i - 1; j >= 0 && j > i - MAX_QUOTE_CHARS; j--) {
      char c = text.charAt(j);
      if (c == '\u2018') {
        return true;
      }
      if (c == '\u201C' || c == '"' || c == '\n') {
        return false;
      }
    }
    return false;
  }

  private static int markLength(String text, int i) {
    char c = text.charAt(i);
    return (c == '\'' || c == '`') && i + 1 < text.length() && (text.charAt(i + 1) == '\'' || text.charAt(i + 1) == '`') ? 2 : 1;
  }

  private static int markLengthAt(String text, int i) {
    return text.charAt(i) == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'' ? 2 : 1;
  }

  private static int closingLength(String text, int end) {
    return end >= 2 && text.charAt(end - 1) == '\'' && text.charAt(end - 2) == '\'' ? 2 : 1;
  }

  // ---------------------------------------------------------------- speakers

  /** A resolved speaker. */
  record Speaker(String surface, String name, String actorId) {}

  record Attribution(Speaker speaker, String method, SpeechVerbs.Verb verb) {
    static final Attribution NONE = new Attribution(null, "none", null);
  }

  private Attribution attribute(String text, Span span, List<Quotation> earlier, List<AliasMatch> mentions,
      Speaker last, int lastParagraph) {
    String after = sentenceAfter(text, span.end());
    Matcher m = AFTER_SPEAKER_VERB.matcher(after);
    if (m.find() && SpeechVerbs.lookup(m.group(2)) != null && plausibleSpeaker(m.group(1))) {
      return resolve(text, m.group(1), span.end() + m.start(1), SpeechVerbs.lookup(m.group(2)), mentions, last);
    }
    m = AFTER_VERB_SPEAKER.matcher(after);
    if (m.find() && SpeechVerbs.lookup(m.group(1)) != null && plausibleSpeaker(m.group(2))) {
      return resolve(text, trimAppositive(m.group(2)), span.end() + m.start(2), SpeechVerbs.lookup(m.group(1)), mentions, last);
    }
    int sentenceStart = sentenceStart(text, span.begin());
    String before = text.substring(sentenceStart, span.begin());
    m = BEFORE_SPEAKER_VERB.matcher(before);
    if (m.find() && SpeechVerbs.lookup(m.group(2)) != null && plausibleSpeaker(m.group(1))) {
      return resolve(text, m.group(1), sentenceStart + m.start(1), SpeechVerbs.lookup(m.group(2)), mentions, last);
    }
    // A quote that continues one already attributed in the same sentence ("...," he said, "...").
    if (!earlier.isEmpty()) {
      Quotation previous = earlier.get(earlier.size() - 1);
      if (previous.end() >= sentenceStart && previous.speakerName() != null) {
        return new Attribution(new Speaker(previous.speakerSurface(), previous.speakerName(), previous.speakerActorId()),
            previous.speakerMethod(), previous.attributionVerb() == null ? null : SpeechVerbs.lookup(previous.attributionVerb()));
      }
    }
    m = SPEAKER_VERB_ANYWHERE.matcher(before);
    Attribution found = null;
    while (m.find()) {
      SpeechVerbs.Verb verb = SpeechVerbs.lookup(m.group(2));
      if (verb != null && plausibleSpeaker(m.group(1))) {
        found = resolve(text, m.group(1), sentenceStart + m.start(1), verb, mentions, last);
      }
    }
    if (found != null) {
      return found;
    }
    boolean opensParagraph = span.begin() == 0 || text.lastIndexOf('\n', span.begin()) >= skipBackSpace(text, span.begin());
    if (opensParagraph && last != null && lastParagraph >= span.paragraph() - 1) {
      return new Attribution(last, "carried_over", null);
    }
    return Attribution.NONE;
  }

  private static int skipBackSpace(String text, int i) {
    int j = i - 1;
    while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
      j--;
    }
    return j;
  }

  private static boolean plausibleSpeaker(String candidate) {
    String first = candidate.split("\\s+")[0];
    // Sentence-initial function words look like names to the capitalised-word pattern.
    return !Set.of("The", "This", "That", "It", "There", "But", "And", "In", "On", "At", "As", "When", "If", "We", "I", "You")
        .contains(first) || candidate.startsWith("The ");
  }

  private static String trimAppositive(String speaker) {
    int comma = speaker.indexOf(',');
    return comma < 0 ? speaker : speaker.substring(0, comma);
  }

  private Attribution resolve(String text, String surface, int at, SpeechVerbs.Verb verb, List<AliasMatch> mentions, Speaker last) {
    String trimmed = surface.strip();
    String lower = trimmed.toLowerCase(Locale.ROOT);
    if (lower.equals("he") || lower.equals("she") || lower.equals("they")) {
      Speaker antecedent = last != null ? last : lastNamedPerson(mentions, at);
      return new Attribution(antecedent == null ? new Speaker(trimmed, null, null)
          : new Speaker(trimmed, antecedent.name(), antecedent.actorId()), "pronoun", verb);
    }
    if (Character.isLowerCase(trimmed.charAt(0)) || trimmed.startsWith("The ") || trimmed.startsWith("A ") || trimmed.startsWith("An ")) {
      boolean definite = lower.startsWith("the ");
      Speaker antecedent = definite ? (last != null ? last : lastNamedPerson(mentions, at)) : null;
      return new Attribution(antecedent == null ? new Speaker(trimmed, null, null)
          : new Speaker(trimmed, antecedent.name(), antecedent.actorId()), "nominal", verb);
    }
    for (AliasMatch mention : mentions) {
      if (mention.begin() >= at && mention.end() <= at + surface.length()) {
        Actor actor = registry.byId(mention.actorId());
        return new Attribution(new Speaker(trimmed, actor.name(), actor.id()), "named", verb);
      }
    }
    String name = stripTitle(trimmed);
    return new Attribution(new Speaker(trimmed, fullName(text, name, at), null), "named", verb);
  }

  private Speaker lastNamedPerson(List<AliasMatch> mentions, int before) {
    AliasMatch best = null;
    for (AliasMatch mention : mentions) {
      Actor actor = registry.byId(mention.actorId());
      if (mention.end() <= before && "person".equals(actor.kind())) {
        best = mention;
      }
    }
    if (best == null) {
      return null;
    }
    Actor actor = registry.byId(best.actorId());
    return new Speaker(best.surface(), actor.name(), actor.id());
  }

  private static String stripTitle(String name) {
    return name.replaceFirst("^" + TITLE, "").strip();
  }

  /** The longest earlier "First Last" form of a surname the article uses ("Delgado" -> "Maria Delgado"). */
  private static String fullName(String text, String name, int before) {
    if (name.contains(" ")) {
      return name;
    }
    Matcher m = FULL_NAME.matcher(text.substring(0, Math.min(before, text.length())));
    String best = name;
    while (m.find()) {
      String candidate = m.group();
      if (candidate.endsWith(" " + name) && candidate.length() > best.length()) {
        best = stripTitle(candidate);
      }
    }
    return best;
  }

  private static List<String> actorsInside(List<AliasMatch> mentions, Span span) {
    Set<String> ids = new LinkedHashSet<>();
    for (AliasMatch mention : mentions) {
      if (mention.begin() > span.begin() && mention.end() < span.end()) {
        ids.add(mention.actorId());
      }
    }
    return List.copyOf(ids);
  }

  private static String sentenceAfter(String text, int from) {
    int limit = Math.min(text.length(), from + WINDOW);
    int end = limit;
    for (int i = from; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '\n' || ((c == '.' || c == '!' || c == '?') && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)))
          && !abbreviationBefore(text, i))) {
        end = i;
        break;
      }
      if (isOpener(text, i) && i > from) {
        end = i;
        break;
      }
    }
    return text.substring(from, end);
  }

  private static int sentenceStart(String text, int quoteBegin) {
    int limit = Math.max(0, quoteBegin - WINDOW);
    for (int i = quoteBegin - 1; i >= limit; i--) {
      char c = text.charAt(i);
      if (c == '\n') {
        return i + 1;
      }
      if ((c == '.' || c == '!' || c == '?') && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))
          && !abbreviationBefore(text, i)) {
        return i + 1;
      }
      if ((c == '\u201D' || c == '"') && i > 0 && ".!?".indexOf(text.charAt(i - 1)) >= 0) {
        return i + 1;
      }
    }
    return limit;
  }

  private static boolean abbreviationBefore(String text, int dot) {
    int j = dot - 1;
    while (j >= 0 && Character.isLetter(text.charAt(j))) {
      j--;
    }
    String word = text.substring(j + 1, dot);
    return Set.of("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Jr", "Sr", "St", "U", "S", "Lt", "Col", "Capt").contains(word)
        || word.length() == 1 && Character.isUpperCase(word.isEmpty() ? 'a' : word.charAt(0));
  }
}
