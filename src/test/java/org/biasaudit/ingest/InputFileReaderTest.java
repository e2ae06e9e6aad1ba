package org.biasaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.biasaudit.config.AuditConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFileReaderTest {
  @TempDir Path dir;

  private List<IngestResult> read(Path file) {
    return read(file, AuditConfig.defaults());
  }

  private List<IngestResult> read(Path file, AuditConfig config) {
    List<IngestResult> out = new ArrayList<>();
    new InputFileReader(config.input(), new Configuration()).read(file.toString(), out::add);
    return out;
  }

  private static List<ArticleRecord> articles(List<IngestResult> results) {
    return results.stream().filter(r -> r instanceof ArticleRecord).map(r -> (ArticleRecord) r).toList();
  }

  private static List<RejectedRecord> rejected(List<IngestResult> results) {
    return results.stream().filter(r -> r instanceof RejectedRecord).map(r -> (RejectedRecord) r).toList();
  }

  @Test
  void jsonLinesKeepGoodRecordsAroundBadOnes() throws IOException {
    Path file = dir.resolve("a.jsonl");
    Files.writeString(file, """
        {"id": "1", "outlet": "Herald", "published": "2024-02-03T23:30:00-05:00", "title": "T", "text": "Biden spoke."}
        {"id": "2", "outlet": "Herald", "text":
        {"id": "3", "outlet": "", "text": "No outlet."}
        {"id": "4", "outlet": "Herald", "text": "   "}

        {"outlet": "Herald", "published": "last Tuesday", "text": "No id here."}
        """);
    List<IngestResult> results = read(file);
    assertThat(results).hasSize(5);
    List<ArticleRecord> articles = articles(results);
    assertThat(articles).hasSize(2);
    ArticleRecord first = articles.get(0);
    assertThat(first.published()).isEqualTo(LocalDate.of(2024, 2, 4)); // converted to UTC
    assertThat(first.publishedAt()).isNotNull();
    assertThat(first.sourceRow()).isEqualTo(1);
    ArticleRecord derived = articles.get(1);
    assertThat(derived.idDerived()).isTrue();
    assertThat(derived.id()).startsWith("sha-").isEqualTo(ArticleFields.derivedId("Herald", null, "No id here."));
    assertThat(derived.published()).isNull();
    assertThat(derived.publishedRaw()).isEqualTo("last Tuesday");
    assertThat(rejected(results)).extracting(r -> r.reason().code())
        .containsExactly("malformed_record", "missing_outlet", "missing_text");
    assertThat(rejected(results).get(0).sourceRow()).isEqualTo(2);
  }

  @Test
  void csvWithQuotedNewlinesAndMappedFields() throws IOException {
    Path file = dir.resolve("b.csv");
    Files.writeString(file, "story_id,source,body,published\n"
        + "x1,Meridian,\"First paragraph, with a comma.\n\nSecond \"\"quoted\"\" paragraph.\",2024-01-05\n"
        + "x2,Meridian,too,many,fields\n"
        + "x3,Meridian,Plain text.,2024-01-06\n");
    AuditConfig config = AuditConfig.fromMap(java.util.Map.of("input",
        java.util.Map.of("fields", java.util.Map.of("id", "story_id", "outlet", "source", "text", "body"))), "test");
    List<IngestResult> results = read(file, config);
    List<ArticleRecord> articles = articles(results);
    assertThat(articles).extracting(ArticleRecord::id).containsExactly("x1", "x3");
    assertThat(articles.get(0).text()).contains("\n\nSecond \"quoted\" paragraph.");
    assertThat(rejected(results)).extracting(RejectedRecord::sourceRow).containsExactly(2L);
  }

  @Test
  void truncatedGzipKeepsWhatCameBeforeTheBreak() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      lines.append("{\"id\": \"").append(i).append("\", \"outlet\": \"O\", \"text\": \"Article number ").append(i)
          .append(" about the weather and nothing else at all, repeated to fill the stream.\"}\n");
    }
    Path whole = dir.resolve("whole.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
      out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    }
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = dir.resolve("cut.jsonl.gz");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

    assertThat(articles(read(whole))).hasSize(2000);
    List<IngestResult> results = read(cut);
    assertThat(articles(results)).hasSizeBetween(900, 1999);
    assertThat(rejected(results)).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(RejectReason.UNREADABLE_FILE);
      assertThat(r.detail()).contains("truncated");
    });
  }

  @Test
  void textFileTakesTitleOutletFromFolderAndDateFromName() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("Coastline Post"));
    Path file = folder.resolve("2024-03-09-bridge.txt");
    Files.writeString(file, "Bridge reopens after repairs\n\nThe bridge reopened on Saturday.\n\nTraffic resumed.\n");
    ArticleRecord article = articles(read(file)).get(0);
    assertThat(article.title()).isEqualTo("Bridge reopens after repairs");
    assertThat(article.text()).startsWith("The bridge reopened").contains("Traffic resumed.");
    assertThat(article.outlet()).isEqualTo("Coastline Post");
    assertThat(article.published()).isEqualTo(LocalDate.of(2024, 3, 9));
    assertThat(article.idDerived()).isTrue();
  }

  @Test
  void parquetColumnsAreReadByName() throws IOException {
    org.apache.parquet.schema.MessageType schema = org.apache.parquet.schema.MessageTypeParser.parseMessageType(
        "message article { optional binary id (STRING); optional binary outlet (STRING); optional binary published (STRING);"
            + " optional binary text (STRING); optional int32 extra; }");
    Path file = dir.resolve("c.parquet");
    org.apache.parquet.example.data.simple.SimpleGroupFactory groups = new org.apache.parquet.example.data.simple.SimpleGroupFactory(schema);
    try (org.apache.parquet.hadoop.ParquetWriter<org.apache.parquet.example.data.Group> writer =
        org.apache.parquet.hadoop.example.ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toString()))
            .withType(schema).withConf(new Configuration()).build()) {
      writer.write(groups.newGroup().append("id", "p1").append("outlet", "Wire").append("published", "2024-03-01")
          .append("text", "Macron spoke in Paris.").append("extra", 7));
      writer.write(groups.newGroup().append("id", "p2").append("outlet", "Wire"));
    }
    List<IngestResult> results = read(file);
    assertThat(articles(results)).singleElement().satisfies(a -> {
      assertThat(a.id()).isEqualTo("p1");
      assertThat(a.published()).isEqualTo(LocalDate.of(2024, 3, 1));
      assertThat(a.text()).isEqualTo("Macron spoke in Paris.");
      assertThat(a.sourceRow()).isEqualTo(1);
    });
    assertThat(rejected(results)).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(RejectReason.MISSING_TEXT);
      assertThat(r.sourceRow()).isEqualTo(2);
    });
  }

  @Test
  void binaryJunkIsRejectedNotAudited() throws IOException {
    Path file = dir.resolve("junk.jsonl");
    byte[] junk = new byte[400];
    new java.util.Random(7).nextBytes(junk);
    String text = new String(junk, StandardCharsets.ISO_8859_1).replaceAll("[\"\\\\\\n\\r]", "x");
    Files.writeString(file, "{\"id\": \"j\", \"outlet\": \"O\", \"text\": \"" + escapeControls(text) + "\"}\n",
        StandardCharsets.UTF_8);
    assertThat(rejected(read(file))).extracting(r -> r.reason().code()).containsExactly("invalid_encoding");
  }

  private static String escapeControls(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c < 0x20 || (c >= 0x7f && c < 0xa0) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.toString();
  }

  @Test
  void listingWalksFoldersSkipsHiddenAndReportsUnreadableFormats() throws IOException {
    Files.writeString(dir.resolve("a.jsonl"), "");
    Files.createDirectories(dir.resolve("sub/.hidden"));
    Files.writeString(dir.resolve("sub/b.csv"), "");
    Files.writeString(dir.resolve("sub/.hidden/c.jsonl"), "");
    Files.writeString(dir.resolve("README.md"), "");
    InputListing listing = InputListing.of(List.of(dir.toString()), new Configuration());
    assertThat(listing.files()).extracting(f -> Path.of(java.net.URI.create(f.path())).getFileName().toString())
        .containsExactly("a.jsonl", "b.csv");
    assertThat(listing.skipped()).singleElement().asString().contains("README.md");
  }
}
