package org.biasaudit.actors;

import java.text.Normalizer;

/**
 * Folds typographic and diacritic variants to one form without changing the string's length, so that
 * offsets found in the folded text are offsets in the original: curly apostrophes become {@code '},
 * dashes become {@code -}, no-break spaces become spaces, and letters lose their diacritics
 * ({@code Erdoğan} matches {@code Erdogan}).
 */
public final class TextFolding {
  private TextFolding() {}

  public static String fold(String text) {
    char[] out = new char[text.length()];
    for (int i = 0; i < text.length(); i++) {
      out[i] = fold(text.charAt(i));
    }
    return new String(out);
  }

  public static char fold(char c) {
    if (c < 0x80) {
      return c;
    }
    switch (c) {
      case '\u2018', '\u2019', '\u201A', '\u201B', '\u02BC', '\u2032', '\u00B4', '\u0060' -> {
        return '\'';
      }
      case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033' -> {
        return '"';
      }
      case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> {
        return '-';
      }
      case '\u00A0', '\u2007', '\u202F', '\u2009', '\u200A' -> {
        return ' ';
      }
      case '\u0131' -> {
        return 'i';
      }
      case '\u0141' -> {
        return 'L';
      }
      case '\u0142' -> {
        return 'l';
      }
      default -> {
        if (!Character.isLetter(c)) {
          return c;
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        return decomposed.length() > 1 && base < 0x250 ? base : c;
      }
    }
  }
}
