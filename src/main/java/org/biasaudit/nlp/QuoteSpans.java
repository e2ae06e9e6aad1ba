package org.biasaudit.nlp;

/**
 * Which characters of a text lie inside a double quotation (straight, curly or guillemets), paragraph by
 * paragraph: an unclosed quote ends with its paragraph. Enough to tell a pronoun in a quote from one in
 * the narrative; quote attribution itself is {@link QuoteFinder}'s job.
 */
final class QuoteSpans {
  private QuoteSpans() {}

  /** {@code mask[i]} is true when character i is inside a quotation; one extra slot for the end. */
  static boolean[] mask(String text) {
    boolean[] mask = new boolean[text.length() + 1];
    boolean open = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        open = false;
      }
      if (c == '\u201C' || c == '\u00AB' || c == '\u201E') {
        open = true;
      } else if (c == '\u201D' || c == '\u00BB') {
        open = false;
      } else if (c == '"') {
        open = !open;
      }
      mask[i] = open;
    }
    return mask;
  }
}
