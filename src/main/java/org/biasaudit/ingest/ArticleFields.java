package org.biasaudit.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.biasaudit.config.AuditConfig;

/**
 * Turns one record's raw fields into an article or a rejection. Shared by every input format so the rules
 * (required fields, derived ids, dates, junk detection) are the same whatever the file type.
 */
public final class ArticleFields {
  private ArticleFields() {}

  /**
   * @param raw values by the input's own field names
   */
  public static IngestResult toArticle(Map<String, String> raw, AuditConfig.Input settings, String file, long row) {
    String id = clean(raw.get(settings.sourceField("id")));
    String outlet = clean(raw.get(settings.sourceField("outlet")));
    String rawText = raw.get(settings.sourceField("text"));
    String rawTitle = raw.get(settings.sourceField("title"));
    String excerptSource = rawText != null ? rawText : String.valueOf(raw);
    if (rawText != null && looksLikeJunk(rawText)) {
      return RejectedRecord.of(file, row, id, RejectReason.INVALID_ENCODING,
          "over 10% of the text is undecodable or control characters", excerptSource);
    }
    TextCleaner.Cleaned cleanedText = TextCleaner.clean(rawText);
    TextCleaner.Cleaned cleanedTitle = TextCleaner.clean(rawTitle);
    String text = cleanedText.text();
    String title = clean(cleanedTitle.text());
    if (text == null || text.isBlank()) {
      return RejectedRecord.of(file, row, id, RejectReason.MISSING_TEXT,
          "field '" + settings.sourceField("text") + "' is " + (rawText == null ? "missing" : "empty after cleaning"),
          excerptSource);
    }
    if (outlet == null) {
      return RejectedRecord.of(file, row, id, RejectReason.MISSING_OUTLET,
          "field '" + settings.sourceField("outlet") + "' is missing or empty", excerptSource);
    }
    String publishedRaw = clean(raw.get(settings.sourceField("published")));
    PublicationDates.Parsed date = PublicationDates.parse(publishedRaw);
    boolean derived = id == null;
    if (derived) {
      id = derivedId(outlet, title, text);
    }
    return new ArticleRecord(id, derived, outlet, date.date(), date.instant(), publishedRaw,
        clean(raw.get(settings.sourceField("url"))), title, text, file, row,
        cleanedText.changed() || cleanedTitle.changed() && title != null);
  }

  /** A stable id from the content: the same article always gets the same id, on any machine. */
  public static String derivedId(String outlet, String title, String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(outlet.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update((title == null ? "" : title).getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(text.getBytes(StandardCharsets.UTF_8));
      return "sha-" + HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String clean(String value) {
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** Undecodable bytes (U+FFFD) and control characters other than whitespace make up over 10%. */
  static boolean looksLikeJunk(String text) {
    int bad = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\uFFFD' || (Character.isISOControl(c) && !Character.isWhitespace(c))) {
        bad++;
      }
    }
    return bad * 10 > text.length();
  }
}
