package org.biasaudit.ingest;

/** What reading one input record gives: an article to audit, or a rejection with its reason. */
public sealed interface IngestResult permits ArticleRecord, RejectedRecord {
  String sourceFile();

  long sourceRow();
}
