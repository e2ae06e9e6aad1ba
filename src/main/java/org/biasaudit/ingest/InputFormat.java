package org.biasaudit.ingest;

import java.util.Locale;

/** The input formats the audit reads, recognised by file name. */
public enum InputFormat {
  JSON_LINES, CSV, PARQUET, TEXT;

  /** The format of a file name, or null for files the audit does not read (READMEs, scripts). */
  public static InputFormat of(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return JSON_LINES;
    }
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".parquet")) {
      return fileName.toLowerCase(Locale.ROOT).endsWith(".gz") ? null : PARQUET;
    }
    if (name.endsWith(".txt")) {
      return TEXT;
    }
    return null;
  }

  public static boolean isGzip(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
  }
}
