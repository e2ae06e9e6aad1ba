package org.biasaudit.ingest;

/**
 * An input record, or the unreadable rest of a file, that was not audited, with a stable reason code.
 *
 * @param sourceRow the 1-based record number in its file; 0 when the whole file (or its rest) is meant
 */
public record RejectedRecord(String sourceFile, long sourceRow, String id, RejectReason reason, String detail, String excerpt)
    implements IngestResult {

  private static final int EXCERPT_CHARS = 200;

  public static RejectedRecord of(String file, long row, String id, RejectReason reason, String detail, String raw) {
    return new RejectedRecord(file, row, id, reason, detail, excerpt(raw));
  }

  public static String excerpt(String raw) {
    if (raw == null) {
      return null;
    }
    String oneLine = raw.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= EXCERPT_CHARS ? oneLine : oneLine.substring(0, EXCERPT_CHARS) + "…";
  }
}
