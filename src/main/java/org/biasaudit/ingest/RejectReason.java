package org.biasaudit.ingest;

/** Why an input record was not audited. The codes are part of the {@code rejected} table's contract. */
public enum RejectReason {
  MALFORMED_RECORD("malformed_record", "the record could not be parsed (bad JSON line, CSV row or Parquet row)"),
  MISSING_TEXT("missing_text", "the text field is missing, empty or whitespace only"),
  MISSING_OUTLET("missing_outlet", "the outlet field is missing or empty"),
  INVALID_ENCODING("invalid_encoding", "the text is mostly undecodable bytes or binary junk"),
  DUPLICATE_ID("duplicate_id", "another record earlier in the input has the same id"),
  UNREADABLE_FILE("unreadable_file", "the file, or its rest after a corrupt point, could not be read");

  private final String code;
  private final String meaning;

  RejectReason(String code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public String code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
