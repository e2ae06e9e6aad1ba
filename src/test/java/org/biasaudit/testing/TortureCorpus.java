package org.biasaudit.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a corpus of hostile input, generated (not committed) so that its 5 MB article and binary files
 * need no space in the repository. Each record says what it plants through its id; {@link #expected()}
 * gives the outcome the documentation promises for each.
 */
public final class TortureCorpus {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What should become of a planted record: a status in articles, or a reason code in rejected. */
  public record Outcome(boolean accepted, String statusOrReason) {
    static Outcome status(String status) {
      return new Outcome(true, status);
    }

    static Outcome reason(String code) {
      return new Outcome(false, code);
    }
  }

  private final Map<String, Outcome> expected = new LinkedHashMap<>();
  private int jsonRecords;

  /** Writes the corpus into {@code dir} and returns the outcome expected per planted id. */
  public Map<String, Outcome> write(Path dir) throws IOException {
    Files.createDirectories(dir);
    StringBuilder lines = new StringBuilder();
    line(lines, "empty-text", "Wire", "", Outcome.reason("missing_text"));
    line(lines, "blank-text", "Wire", "   \n\t  \n", Outcome.reason("missing_text"));
    line(lines, "five-megabytes", "Wire", "Biden spoke at length. " + "The committee met again and talked. ".repeat(140_000),
        Outcome.status("annotated"));
    line(lines, "endless-sentence", "Wire", "Biden " + "and we ".repeat(10_000) + "so on", Outcome.status("annotated"));
    line(lines, "html", "Wire", "<html><body><p>President Biden&rsquo;s plan passed.</p><script>var x = \"</script>\";"
        + "</script><p>Critics &amp; allies <img src=x onerror=alert(1)> reacted.</p></body></html>", Outcome.status("annotated"));
    line(lines, "cyrillic", "Wire", "Путин встретился с Байденом в Женеве. Переговоры длились четыре часа.",
        Outcome.status("unsupported_language"));
    line(lines, "arabic", "Wire", "التقى بوتين بالرئيس بايدن في جنيف. واستمرت المحادثات أربع ساعات.",
        Outcome.status("unsupported_language"));
    line(lines, "chinese", "Wire", "普京在日内瓦会见了拜登。会谈持续了四个小时。", Outcome.status("unsupported_language"));
    line(lines, "invisible", "Wire", "Pu\u200Btin met \u202EBiden\u202C in Geneva\u00AD on Tuesday.", Outcome.status("annotated"));
    line(lines, "dup", "Wire", "The first story with this id mentions Macron.", Outcome.status("annotated"));
    line(lines, "dup", "Wire", "A different story reusing the id mentions Scholz.", Outcome.reason("duplicate_id"));
    line(lines, "no-outlet", null, "Biden spoke.", Outcome.reason("missing_outlet"));
    line(lines, "empty-outlet", "  ", "Biden spoke.", Outcome.reason("missing_outlet"));
    line(lines, "path-outlet", "../../etc", "An outlet name that looks like a path is data. Biden spoke.", Outcome.status("annotated"));
    line(lines, "script-outlet", "<script>alert(1)</script>", "An outlet name with markup. Trump spoke.", Outcome.status("annotated"));
    line(lines, "no-actor", "Wire", "The bakery on Main Street reopened after repairs.", Outcome.status("no_actor"));
    Map<String, Object> unknownDate = record("unknown-date", "Wire", "Macron spoke in Paris.");
    unknownDate.put("published", "next Tuesday, probably");
    append(lines, unknownDate, Outcome.status("annotated"));
    Map<String, Object> futureDate = record("future-date", "Wire", "Macron spoke in Paris again.");
    futureDate.put("published", "2999-01-01T00:00:00Z");
    append(lines, futureDate, Outcome.status("annotated"));
    lines.append("{\"id\": \"malformed\", \"outlet\": \"Wire\", \"text\": \"unterminated\n");
    jsonRecords++;
    expected.put("(malformed line)", Outcome.reason("malformed_record"));
    lines.append("[1, 2, 3]\n");
    jsonRecords++;
    expected.put("(array line)", Outcome.reason("malformed_record"));
    Files.writeString(dir.resolve("torture.jsonl"), lines.toString());

    // Invalid UTF-8: a few bad bytes are replaced and the record kept; a line of junk is rejected.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("{\"id\": \"bad-bytes\", \"outlet\": \"Wire\", \"text\": \"Zelensky spoke \u00e9".getBytes(StandardCharsets.UTF_8));
    bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF});
    bytes.write(" in Kyiv today about the long war and the cold winter ahead.\"}\n".getBytes(StandardCharsets.UTF_8));
    // Binary junk that is valid JSON (control characters escaped): rejected for its content.
    byte[] junk = new byte[3000];
    new Random(11).nextBytes(junk);
    String junkText = new String(junk, StandardCharsets.ISO_8859_1);
    bytes.write((JSON.writeValueAsString(record("binary-junk", "Wire", junkText)) + "\n").getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("invalid-utf8.jsonl"), bytes.toByteArray());
    expected.put("bad-bytes", Outcome.status("annotated"));
    expected.put("binary-junk", Outcome.reason("invalid_encoding"));

    // CSV: embedded newlines and quotes, a row with too many fields, then an unclosed quote to the end.
    Files.writeString(dir.resolve("torture.csv"), "id,outlet,published,text\n"
        + "csv-newlines,Wire,2024-01-02,\"First line about Biden,\n\nthen \"\"a quoted phrase\"\" after a blank line.\"\n"
        + "csv-too-many,Wire,2024-01-02,text,extra\n"
        + "csv-fine,Wire,2024-01-03,Netanyahu spoke.\n"
        + "csv-unclosed,Wire,2024-01-04,\"this quote never closes\nand runs to the end of the file\n");
    expected.put("csv-newlines", Outcome.status("annotated"));
    expected.put("(csv too many fields)", Outcome.reason("malformed_record"));
    expected.put("csv-fine", Outcome.status("annotated"));
    expected.put("(csv unclosed quote)", Outcome.reason("unreadable_file"));

    // A gzip file cut in half: the records before the cut are kept, the rest is one rejection.
    StringBuilder gz = new StringBuilder();
    for (int i = 0; i < 400; i++) {
      gz.append(JSON.writeValueAsString(record("gz-" + i, "Wire", "Story " + i + " about the harbour and the ferry timetable.")))
          .append('\n');
    }
    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(whole)) {
      out.write(gz.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] all = whole.toByteArray();
    Files.write(dir.resolve("truncated.jsonl.gz"), Arrays.copyOf(all, all.length / 2));
    expected.put("(truncated gzip)", Outcome.reason("unreadable_file"));

    // A binary file with an input extension, and a header-only CSV.
    byte[] binary = new byte[20_000];
    new Random(5).nextBytes(binary);
    Files.write(dir.resolve("binary.jsonl"), binary);
    Files.writeString(dir.resolve("header-only.csv"), "id,outlet,text\n");
    return expected;
  }

  /** Non-blank lines of the plain JSON Lines file: each is one input record. */
  public int jsonRecords() {
    return jsonRecords;
  }

  private void line(StringBuilder lines, String id, String outlet, String text, Outcome outcome) throws IOException {
    append(lines, record(id, outlet, text), outcome);
  }

  private void append(StringBuilder lines, Map<String, Object> record, Outcome outcome) throws IOException {
    lines.append(JSON.writeValueAsString(record)).append('\n');
    jsonRecords++;
    String id = (String) record.get("id");
    expected.put(expected.containsKey(id) ? id + "#2" : id, outcome);
  }

  private static Map<String, Object> record(String id, String outlet, String text) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("id", id);
    if (outlet != null) {
      record.put("outlet", outlet);
    }
    record.put("published", "2024-02-01");
    record.put("text", text);
    return record;
  }
}
