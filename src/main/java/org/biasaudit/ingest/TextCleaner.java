package org.biasaudit.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Turns scraped text into the text the audit reads. Removes invisible format characters (zero-width
 * spaces and joiners, bidirectional controls, soft hyphens, byte-order marks) that would split a name
 * ("Pu\u200Btin") or reorder it; turns no-break and other fixed-width spaces ("said\u00A0Putin", common in
 * scraped copy) into plain spaces, one for one, so that every step splits words where a reader does; when
 * the text carries HTML markup, drops scripts and styles, turns block tags into paragraph breaks and other
 * tags into nothing; decodes HTML entities; normalises line ends.
 *
 * <p>Offsets in the output tables refer to the cleaned text. Clean input (the common case) passes through
 * unchanged, so its offsets are offsets into the input; {@code articles.text_cleaned} says when not.
 */
public final class TextCleaner {
  private static final Pattern HTML_TAG = Pattern.compile(
      "</?(?:p|br|div|span|a|b|i|u|em|strong|script|style|noscript|html|head|body|h[1-6]|li|ul|ol|img|table|tr|td|th"
          + "|figure|figcaption|blockquote|iframe|meta|link|section|article|header|footer|nav|aside|time|small|sup|sub)"
          + "\\b[^>]{0,2000}>",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern HIDDEN_BLOCK = Pattern.compile(
      "<(script|style|noscript)\\b[^>]{0,2000}>.*?</\\1\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern BLOCK_TAG = Pattern.compile(
      "</?(?:p|div|h[1-6]|li|ul|ol|table|tr|blockquote|figure|figcaption|section|article|header|footer)\\b[^>]{0,2000}>",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LINE_BREAK_TAG = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ANY_TAG = Pattern.compile("<[a-zA-Z/!][^<>]{0,2000}>");
  private static final Pattern ENTITY = Pattern.compile("&(?:#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
  private static final Pattern MANY_BREAKS = Pattern.compile("[ \\t]*\\n(?:[ \\t]*\\n)+[ \\t]*");

  private TextCleaner() {}

  /** The cleaned text, and whether anything was changed. */
  public record Cleaned(String text, boolean changed) {}

  public static Cleaned clean(String raw) {
    if (raw == null) {
      return new Cleaned(null, false);
    }
    String text = normaliseCharacters(raw.indexOf('\r') >= 0 ? raw.replace("\r\n", "\n").replace('\r', '\n') : raw);
    if (HTML_TAG.matcher(text).find()) {
      text = HIDDEN_BLOCK.matcher(text).replaceAll(" ");
      text = LINE_BREAK_TAG.matcher(text).replaceAll("\n");
      text = BLOCK_TAG.matcher(text).replaceAll("\n\n");
      text = ANY_TAG.matcher(text).replaceAll("");
      text = MANY_BREAKS.matcher(text).replaceAll("\n\n").strip();
    }
    Matcher entity = ENTITY.matcher(text);
    if (entity.find()) {
      text = normaliseCharacters(StringEscapeUtils.unescapeHtml4(text));
    }
    return new Cleaned(text, !text.equals(raw));
  }

  /** Invisible characters removed, space characters made plain spaces; the same string when there are none. */
  private static String normaliseCharacters(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean invisible = isInvisible(c);
      boolean space = !invisible && isSpaceLike(c);
      if ((invisible || space) && out == null) {
        out = new StringBuilder(text.length());
        out.append(text, 0, i);
      }
      if (out != null && !invisible) {
        out.append(space ? ' ' : c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** No-break, fixed-width and ideographic spaces: Unicode's space separators other than the plain space. */
  static boolean isSpaceLike(char c) {
    return c != ' ' && Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  static boolean isInvisible(char c) {
    return (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2060' && c <= '\u2064')
        || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF' || c == '\u00AD' || c == '\u061C';
  }

  /**
   * The share of letters that are Latin script. The English models read Latin-script text only; an
   * article mostly in another script (Cyrillic, Arabic, Chinese) is kept but not annotated.
   */
  public static double latinLetterShare(String text) {
    int letters = 0;
    int latin = 0;
    int limit = Math.min(text.length(), 20_000);
    for (int i = 0; i < limit; i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
          latin++;
        }
      }
    }
    return letters == 0 ? 1.0 : (double) latin / letters;
  }
}
