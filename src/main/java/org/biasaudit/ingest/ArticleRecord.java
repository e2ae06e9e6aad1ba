package org.biasaudit.ingest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One accepted article.
 *
 * @param published the publication date in UTC, null when the input gave none or none that parses
 * @param publishedAt the publication instant when the input gave a time of day, else null
 * @param publishedRaw the date exactly as the input gave it, for auditing date problems
 * @param sourceRow 1-based line (JSON Lines), record (CSV) or row (Parquet) number; 0 for a text file
 * @param textCleaned true when {@link TextCleaner} changed the title or text (markup, entities, invisible
 *     characters); offsets then refer to the cleaned text
 */
public record ArticleRecord(
    String id,
    boolean idDerived,
    String outlet,
    LocalDate published,
    Instant publishedAt,
    String publishedRaw,
    String url,
    String title,
    String text,
    String sourceFile,
    long sourceRow,
    boolean textCleaned)
    implements IngestResult {

  /** An article whose text needed no cleaning. */
  public ArticleRecord(String id, boolean idDerived, String outlet, LocalDate published, Instant publishedAt,
      String publishedRaw, String url, String title, String text, String sourceFile, long sourceRow) {
    this(id, idDerived, outlet, published, publishedAt, publishedRaw, url, title, text, sourceFile, sourceRow, false);
  }
}
