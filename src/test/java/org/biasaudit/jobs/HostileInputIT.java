package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.biasaudit.testing.DuckDb;
import org.biasaudit.testing.TortureCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real job on a generated corpus of hostile input ({@link TortureCorpus}): every record ends accepted
 * with its documented status or rejected with its documented reason, counts reconcile per file, and the
 * whole run stays within a stated time bound.
 */
class HostileInputIT {
  /** The bound this corpus must finish in on 2 cores, model loading included. */
  private static final long TIME_BOUND_SECONDS = 240;

  @TempDir static Path work;
  private static String output;
  private static Map<String, TortureCorpus.Outcome> expected;
  private static TortureCorpus corpus;
  private static DuckDb duck;
  private static long seconds;

  @BeforeAll
  static void run() throws IOException {
    corpus = new TortureCorpus();
    expected = corpus.write(work.resolve("in"));
    output = work.resolve("out").toString();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();
    int code = AuditJob.run(new String[] {"--input", work.resolve("in").toString(), "--output", output, "--master", "local[2]"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    seconds = (System.nanoTime() - start) / 1_000_000_000;
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    duck = new DuckDb();
  }

  @AfterAll
  static void close() {
    duck.close();
  }

  private static String t(String table) {
    return DuckDb.table(output, table);
  }

  @Test
  void finishesWithinTheStatedBound() {
    assertThat(seconds).isLessThan(TIME_BOUND_SECONDS);
  }

  @Test
  void everyPlantedRecordHasItsDocumentedOutcome() {
    for (Map.Entry<String, TortureCorpus.Outcome> entry : expected.entrySet()) {
      String id = entry.getKey();
      TortureCorpus.Outcome outcome = entry.getValue();
      if (id.startsWith("(")) {
        continue; // records without a usable id: checked per file below
      }
      String plainId = id.replace("#2", "");
      if (outcome.accepted()) {
        assertThat(duck.query("SELECT status FROM " + t("articles") + " WHERE article_id = '" + plainId + "'"))
            .as(id).extracting(r -> r.get("status")).containsExactly(outcome.statusOrReason());
      } else {
        assertThat(duck.query("SELECT reason_code FROM " + t("rejected") + " WHERE article_id = '" + plainId + "'"))
            .as(id).extracting(r -> r.get("reason_code")).contains(outcome.statusOrReason());
      }
    }
  }

  @Test
  void countsReconcilePerFile() throws IOException {
    long jsonl = duck.count("SELECT (SELECT count(*) FROM " + t("articles") + " WHERE source_file LIKE '%/torture.jsonl') + "
        + "(SELECT count(*) FROM " + t("rejected") + " WHERE source_file LIKE '%/torture.jsonl')");
    assertThat(jsonl).isEqualTo(corpus.jsonRecords());

    long binaryLines;
    try (Stream<String> lines = new String(Files.readAllBytes(work.resolve("in/binary.jsonl")), StandardCharsets.UTF_8)
        .lines()) {
      binaryLines = lines.filter(l -> !l.isBlank()).count();
    }
    assertThat(duck.count("SELECT count(*) FROM " + t("rejected") + " WHERE source_file LIKE '%/binary.jsonl'"))
        .isEqualTo(binaryLines);
    assertThat(duck.count("SELECT count(*) FROM " + t("articles") + " WHERE source_file LIKE '%/binary.jsonl'")).isZero();

    long gzKept = duck.count("SELECT count(*) FROM " + t("articles") + " WHERE source_file LIKE '%/truncated.jsonl.gz'");
    assertThat(gzKept).isBetween(150L, 399L);
    assertThat(duck.query("SELECT reason_code FROM " + t("rejected") + " WHERE source_file LIKE '%/truncated.jsonl.gz'"))
        .extracting(r -> r.get("reason_code")).containsExactly("unreadable_file");

    assertThat(duck.query("SELECT article_id FROM " + t("articles") + " WHERE source_file LIKE '%/torture.csv' ORDER BY source_row"))
        .extracting(r -> r.get("article_id")).containsExactly("csv-newlines", "csv-fine");
    assertThat(duck.query("SELECT reason_code FROM " + t("rejected") + " WHERE source_file LIKE '%/torture.csv' ORDER BY source_row"))
        .extracting(r -> r.get("reason_code")).containsExactly("malformed_record", "unreadable_file");
    assertThat(duck.count("SELECT count(*) FROM " + t("rejected") + " WHERE source_file LIKE '%/header-only.csv'")).isZero();
  }

  @Test
  void pathologicalTextIsBoundedNotDropped() {
    Map<String, Object> big = duck.query("SELECT text_truncated, char_count FROM " + t("articles")
        + " WHERE article_id = 'five-megabytes'").get(0);
    assertThat(big.get("text_truncated")).isEqualTo(true);
    assertThat(((Number) big.get("char_count")).intValue()).isGreaterThan(5_000_000);
    assertThat(duck.query("SELECT sentiment_status FROM " + t("mentions") + " WHERE article_id = 'endless-sentence'"))
        .extracting(r -> r.get("sentiment_status")).containsExactly("sentence_too_long");
  }

  @Test
  void markupEntitiesAndInvisibleCharactersAreCleaned() {
    assertThat(duck.query("SELECT actor_id, surface FROM " + t("mentions") + " WHERE article_id = 'html'"))
        .extracting(r -> r.get("actor_id")).containsExactly("biden");
    assertThat(duck.scalar("SELECT text_cleaned FROM " + t("articles") + " WHERE article_id = 'html'")).isEqualTo(true);
    assertThat(duck.query("SELECT actor_id FROM " + t("mentions") + " WHERE article_id = 'invisible' ORDER BY char_begin"))
        .extracting(r -> r.get("actor_id")).containsExactly("putin", "biden");
    assertThat(duck.query("SELECT actor_id FROM " + t("mentions") + " WHERE article_id = 'bad-bytes'"))
        .extracting(r -> r.get("actor_id")).containsExactly("zelensky");
  }

  @Test
  void datesOutlierAndOutletNamesAreData() {
    assertThat(duck.scalar("SELECT CAST(published AS VARCHAR) FROM " + t("articles") + " WHERE article_id = 'future-date'"))
        .isEqualTo("2999-01-01");
    Map<String, Object> unknown = duck.query("SELECT published, published_raw FROM " + t("articles")
        + " WHERE article_id = 'unknown-date'").get(0);
    assertThat(unknown.get("published")).isNull();
    assertThat(unknown.get("published_raw")).isEqualTo("next Tuesday, probably");
    List<Object> outlets = duck.query("SELECT DISTINCT outlet FROM " + t("articles") + " ORDER BY 1").stream()
        .map(r -> r.get("outlet")).toList();
    assertThat(outlets).contains("../../etc", "<script>alert(1)</script>");
    assertThat(Files.exists(work.resolve("etc"))).isFalse();
    assertThat(Files.exists(Path.of(output).resolve("etc"))).isFalse();
  }
}
