package org.biasaudit.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds direct-quotation spans in one pass over the text. It reads curly and straight double quotes,
 * doubled apostrophes ({@code ''...''}), guillemets, and curly and straight single quotes; a double quote
 * may be closed by a mark of another double style ({@code “..."}); a quote that reopens at the start of the
 * next paragraph continues across it.
 *
 * <p>Bad input has defined results: an opener with no closer before its paragraph ends (or before another
 * opener of its kind), an inch mark
 * ({@code 6'2"}), an apostrophe or a year ({@code ‘08}) yields no quote and scanning resumes after it; no
 * span is longer than {@link #MAX_QUOTE_CHARS} (a longer one is dropped, not cut); a quote inside a quote
 * (of another mark) stays part of the outer span. Titles and labels in quote marks (the book "Freedom", a
 * sign reading "Guilty") are not quotations. Each character is looked at a bounded number of times, so the
 * cost is linear in the text.
 */
final class QuoteSpans {
  static final int MAX_QUOTE_CHARS = 4000;
  /** How far a curly single opener looks ahead for its closer. */
  private static final int SINGLE_QUOTE_REACH = 600;

  /** Words that, right before a quoted span, make it a title or a label rather than a quotation. */
  private static final Set<String> TITLE_CUES = Set.of("book", "books", "film", "movie", "song", "album", "memoir",
      "novel", "documentary", "series", "show", "play", "poem", "essay", "headline", "titled", "entitled", "labeled",
      "labelled", "reading", "marked", "word", "words", "hashtag", "slogan");

  private QuoteSpans() {}

  /**
   * One quote span: {@code [begin, end)} includes both marks; {@code paragraph} is the opening paragraph;
   * {@code title} marks a quoted title or label, which is not a quotation but still one unit of text.
   */
  record Span(int begin, int end, int paragraph, boolean title) {}

  /**
   * {@code mask[i]} is true when character i lies inside a quotation found by {@link #find}; one extra slot
   * for the end. Tells a pronoun in a quote from one in the narrative.
   */
  static boolean[] mask(String text) {
    boolean[] mask = new boolean[text.length() + 1];
    for (Span span : find(text)) {
      for (int i = span.begin(); i < span.end() && i < mask.length; i++) {
        mask[i] = true;
      }
    }
    return mask;
  }

  /** Quote spans in text order, titles and labels included (flagged). */
  static List<Span> find(String text) {
    SingleCloser singles = text.indexOf('\u2018') >= 0 ? new SingleCloser(text, false) : null;
    // Nearly every text has an apostrophe ("Putin's"); few have one where a straight single quote could open.
    SingleCloser straight = hasStraightSingleOpener(text) ? new SingleCloser(text, true) : null;
    List<Span> spans = new ArrayList<>();
    int n = text.length();
    int paragraph = 0;
    int openAt = -1;
    int openParagraph = 0;
    char openType = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        int next = skipSpace(text, i);
        if (openAt >= 0) {
          if (next < n && isOpener(text, next, singles, straight)) {
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
        if (isOpener(text, i, singles, straight)) {
          openAt = i;
          openParagraph = paragraph;
          openType = type(text, i);
          i += markLength(text, i) - 1;
        }
        continue;
      }
      if (i - openAt > MAX_QUOTE_CHARS) {
        openAt = -1; // runaway: no quote, and scanning resumes here
        continue;
      }
      if (openType != 'S' && openType != 'T' && i > 0 && Character.isWhitespace(text.charAt(i - 1))
          && isOpener(text, i, singles, straight)
          && type(text, i) == openType && !isCloser(text, i, openType)) {
        // Another opener of the same kind while a quote is open: the earlier mark was unbalanced.
        openAt = i;
        openParagraph = paragraph;
        i += markLength(text, i) - 1;
        continue;
      }
      SingleCloser closers = openType == 'S' ? singles : openType == 'T' ? straight : null;
      if (isCloser(text, i, openType) && !(closers != null && pluralPossessive(text, i) && closers.closedLaterAt(i))) {
        int end = i + markLengthAt(text, i);
        // "rock 'n' roll": a straight single quote around one letter is two apostrophes.
        if (hasWordInside(text, openAt, end) && !(openType == 'T' && end - openAt <= 3)) {
          spans.add(new Span(openAt, end, openParagraph, isTitle(text, openAt)));
        }
        openAt = -1;
        i = end - 1;
      }
    }
    return spans;
  }

  /** Offset of the first character inside the opening mark. */
  static int innerBegin(String text, Span span) {
    return span.begin() + markLength(text, span.begin());
  }

  /** Offset of the closing mark. */
  static int innerEnd(String text, Span span) {
    int end = span.end();
    return end - (end >= 2 && text.charAt(end - 1) == '\'' && text.charAt(end - 2) == '\'' ? 2 : 1);
  }

  /**
   * The kind of quote an opener starts: {@code D} double, {@code A} doubled apostrophes, {@code S} curly single,
   * {@code T} straight single.
   */
  private static char type(String text, int i) {
    char c = text.charAt(i);
    if (c == '\'') {
      return markLength(text, i) == 2 ? 'A' : 'T';
    }
    return c == '`' ? 'A' : c == '\u2018' ? 'S' : 'D';
  }

  private static boolean hasWordInside(String text, int begin, int end) {
    for (int i = begin; i < end; i++) {
      if (Character.isLetterOrDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** True when the word just before the opener (a comma between is allowed) names a title or label. */
  private static boolean isTitle(String text, int open) {
    int j = open - 1;
    while (j >= 0 && open - j < 4 && (text.charAt(j) == ' ' || text.charAt(j) == ',')) {
      j--;
    }
    int wordEnd = j + 1;
    while (j >= 0 && wordEnd - j < 16 && Character.isLetter(text.charAt(j))) {
      j--;
    }
    return wordEnd > j + 1 && TITLE_CUES.contains(text.substring(j + 1, wordEnd).toLowerCase(Locale.ROOT));
  }

  private static int skipSpace(String text, int from) {
    int j = from;
    while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
      j++;
    }
    return j;
  }

  private static boolean isOpener(String text, int i, SingleCloser singles, SingleCloser straight) {
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
        if (c == '\'' && Character.isLetter(next)) {
          // 'Straight single quotes', as ASCII copy of British style writes them; an apostrophe is not one.
          return startish && straight != null && straight.closedAfter(i);
        }
        return startish && (next == '\'' || next == '`') && i + 2 < text.length() && !Character.isWhitespace(text.charAt(i + 2))
            && text.charAt(i + 2) != '\'';
      }
      case '\u2018' -> {
        // ‘08 is a year, not a quote; a real single-quoted quote starts with a letter and is closed.
        return startish && Character.isLetter(next) && singles != null && singles.closedAfter(i);
      }
      default -> {
        return false;
      }
    }
  }

  /** A straight apostrophe where a quote may open: at a word's start, before a letter ("'We", not "Putin's"). */
  private static boolean straightSingleOpenerAt(String text, int i) {
    return text.charAt(i) == '\'' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))
        && (i == 0 || isOpeningContext(text.charAt(i - 1)));
  }

  private static boolean hasStraightSingleOpener(String text) {
    for (int i = text.indexOf('\''); i >= 0; i = text.indexOf('\'', i + 1)) {
      if (straightSingleOpenerAt(text, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOpeningContext(char before) {
    return Character.isWhitespace(before) || "([{—–-:;,/".indexOf(before) >= 0;
  }

  private static boolean isCloser(String text, int i, char openType) {
    char c = text.charAt(i);
    char prev = i > 0 ? text.charAt(i - 1) : ' ';
    char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
    // Of three apostrophes in a row (a nested 'quote' closing with its outer quote), the last two close.
    boolean doubled = c == '\'' && next == '\''
        && !(i + 2 < text.length() && text.charAt(i + 2) == '\'') && !Character.isWhitespace(prev);
    return switch (openType) {
      case 'S' -> c == '\u2019' && !Character.isLetter(next) && !Character.isWhitespace(prev);
      case 'T' -> c == '\'' && !Character.isLetter(next) && next != '\'' && !Character.isWhitespace(prev) && prev != '\'';
      case 'A' -> doubled;
      default -> c == '\u201D' || c == '\u00BB' || (c == '"' && !Character.isWhitespace(prev)) || doubled;
    };
  }

  /** "the workers’ rights", "the workers' rights": an apostrophe after a plural "s", a lower-case word after it. */
  private static boolean pluralPossessive(String text, int i) {
    return i > 0 && (text.charAt(i - 1) == 's' || text.charAt(i - 1) == 'S') && i + 2 < text.length()
        && text.charAt(i + 1) == ' ' && Character.isLowerCase(text.charAt(i + 2));
  }

  static int markLength(String text, int i) {
    char c = text.charAt(i);
    return (c == '\'' || c == '`') && i + 1 < text.length() && (text.charAt(i + 1) == '\'' || text.charAt(i + 1) == '`') ? 2 : 1;
  }

  private static int markLengthAt(String text, int i) {
    return text.charAt(i) == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'' ? 2 : 1;
  }

  /**
   * Whether a curly single closer follows an opener before a line break, within reach (double quotes inside
   * it are a quote within the quote, as British copy nests them: ‘He called it “madness”,’ Starmer said).
   * Precomputed in one backward pass, so text full of curly apostrophes stays linear.
   */
  private static final class SingleCloser {
    private final int[] nextCloser;
    private final int[] nextBlocker;
    private final int[] nextOpener;

    /** @param straight for straight single quotes ({@code '}), else for curly ones ({@code ‘’}) */
    SingleCloser(String text, boolean straight) {
      int n = text.length();
      nextCloser = new int[n + 1];
      nextBlocker = new int[n + 1];
      nextOpener = new int[n + 1];
      nextCloser[n] = Integer.MAX_VALUE;
      nextBlocker[n] = Integer.MAX_VALUE;
      nextOpener[n] = Integer.MAX_VALUE;
      for (int j = n - 1; j >= 0; j--) {
        char c = text.charAt(j);
        boolean opener = straight ? straightSingleOpenerAt(text, j) : c == '\u2018';
        nextOpener[j] = opener ? j : nextOpener[j + 1];
        nextBlocker[j] = c == '\n' ? j : nextBlocker[j + 1];
        nextCloser[j] = isCloser(text, j, straight ? 'T' : 'S') ? j : nextCloser[j + 1];
      }
    }

    /**
     * Whether the quote open at a possible closer {@code at} could close later instead: another closer follows
     * in the same paragraph before any new opening mark ("‘We will protect the workers’ rights,’ he said").
     */
    boolean closedLaterAt(int at) {
      int closer = nextCloser[Math.min(at + 1, nextCloser.length - 1)];
      int opener = nextOpener[Math.min(at + 1, nextOpener.length - 1)];
      return closer < nextBlocker[Math.min(at + 1, nextBlocker.length - 1)] && closer < opener;
    }

    boolean closedAfter(int open) {
      int from = Math.min(open + 2, nextCloser.length - 1);
      int closer = nextCloser[from];
      return closer < nextBlocker[from] && closer - open < SINGLE_QUOTE_REACH;
    }
  }
}
