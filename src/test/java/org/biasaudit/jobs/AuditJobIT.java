package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.biasaudit.testing.DocumentedTables;
import org.biasaudit.testing.DuckDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real job, as {@code jobs/audit} does, on {@code sample-data/} and checks the tables through
 * DuckDB: the documented schemas, reconciled counts, Parquet types, and the framing differences that
 * {@code sample-data/README.md} says were planted.
 */
class AuditJobIT {
  @TempDir static Path work;
  private static String output;
  private static String console;
  private static int exitCode;
  private static DuckDb duck;

  /** A credential the run is given; it must never appear in the manifest or on the console. */
  private static final String SECRET = "plain-text-secret-4711";

  @BeforeAll
  static void runTheAudit() {
    System.setProperty("spark.hadoop.fs.s3a.secret.key", SECRET);
    output = work.resolve("out").toString();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    exitCode = AuditJob.run(new String[] {"--input", "sample-data", "--output", output, "--master", "local[2]"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    console = out.toString(StandardCharsets.UTF_8);
    assertThat(exitCode).as("exit code; stderr:\n" + err.toString(StandardCharsets.UTF_8)).isZero();
    duck = new DuckDb();
  }

  @AfterAll
  static void close() throws Exception {
    System.clearProperty("spark.hadoop.fs.s3a.secret.key");
    duck.close();
  }

  private static String t(String table) {
    return DuckDb.table(output, table);
  }

  @Test
  void everyDocumentedTableReadsBackWithTheDocumentedColumns() throws IOException {
    Map<String, Map<String, String>> documented = DocumentedTables.read(Path.of("docs/tables.md"));
    assertThat(documented).containsKeys("articles", "rejected", "mentions", "quotes", "actors", "actor_outlet_summary",
        "outlet_contrasts", "actor_contrasts", "framing_terms", "co_mentions");
    for (Map.Entry<String, Map<String, String>> table : documented.entrySet()) {
      assertThat(duck.describe(output, table.getKey())).as(table.getKey()).containsExactlyEntriesOf(table.getValue());
    }
    assertThat(Files.exists(Path.of(output, "_SUCCESS"))).isTrue();
  }

  @Test
  void parquetIsZstdWithoutInt96() {
    List<Map<String, Object>> codecs = duck.query("SELECT DISTINCT compression FROM parquet_metadata('" + output + "/*/*.parquet')");
    assertThat(codecs).extracting(r -> r.get("compression")).containsExactly("ZSTD");
    assertThat(duck.count("SELECT count(*) FROM parquet_schema('" + output + "/*/*.parquet') WHERE type = 'INT96'")).isZero();
  }

  @Test
  void everyInputRecordIsAccountedFor() {
    long articles = duck.count("SELECT count(*) FROM " + t("articles"));
    long rejected = duck.count("SELECT count(*) FROM " + t("rejected"));
    assertThat(articles).isEqualTo(64); // sample-data/README.md: 4 outlets x 16 articles, no bad records
    assertThat(rejected).isZero();
    assertThat(duck.count("SELECT count(DISTINCT outlet) FROM " + t("articles"))).isEqualTo(4);
    assertThat(duck.count("SELECT count(DISTINCT date_trunc('month', published)) FROM " + t("articles"))).isEqualTo(3);
    assertThat(console).contains("Input records: 64 = 64 accepted + 0 rejected");
  }

  @Test
  void articlesWithoutActorsNeverReachCoreNlpDeepAnnotation() {
    assertThat(duck.count("SELECT count(*) FROM " + t("articles") + " WHERE status = 'no_actor'")).isEqualTo(12);
    assertThat(duck.count("SELECT count(*) FROM " + t("mentions") + " m JOIN " + t("articles")
        + " a USING (article_id) WHERE a.status = 'no_actor'")).isZero();
    assertThat(duck.count("SELECT count(*) FROM " + t("articles") + " WHERE status = 'annotated'")).isEqualTo(52);
  }

  @Test
  void mentionOffsetsPointAtTheSurface() {
    // Text offsets checked against the input through DuckDB's own JSON reader.
    long wrong = duck.count("SELECT count(*) FROM " + t("mentions") + " m JOIN read_json_auto('sample-data/northgate-herald.jsonl') j "
        + "ON m.article_id = j.id WHERE m.field = 'text' AND substring(j.text, m.char_begin + 1, m.char_end - m.char_begin) <> m.surface");
    assertThat(wrong).isZero();
    assertThat(duck.count("SELECT count(*) FROM " + t("mentions") + " WHERE outlet = 'Northgate Herald' AND field = 'text'"))
        .isGreaterThan(20);
  }

  @Test
  void plantedFramingDifferencesComeOut() {
    assertStandsOut("biden", "Northgate Herald", true);     // P1: hostile to Biden
    assertStandsOut("zelensky", "Daily Meridian", false);   // P2: favourable to Zelensky
    assertStandsOut("putin", "Valley Tribune", true);       // P3: hostile to Putin
  }

  /** The planted outlet's interval lies entirely on one side of every other outlet's mean. */
  private static void assertStandsOut(String actor, String outlet, boolean lower) {
    List<Map<String, Object>> rows = duck.query("SELECT outlet, mean_target_sentiment AS mean, ci_low, ci_high FROM "
        + t("actor_outlet_summary") + " WHERE period = 'all' AND actor_id = '" + actor + "' ORDER BY outlet");
    assertThat(rows).hasSize(4);
    Map<String, Object> planted = rows.stream().filter(r -> outlet.equals(r.get("outlet"))).findFirst().orElseThrow();
    for (Map<String, Object> other : rows) {
      if (other == planted) {
        continue;
      }
      double mean = ((Number) other.get("mean")).doubleValue();
      if (lower) {
        assertThat(((Number) planted.get("ci_high")).doubleValue()).as(actor + ": " + outlet + " vs " + other.get("outlet"))
            .isLessThan(mean);
      } else {
        assertThat(((Number) planted.get("ci_low")).doubleValue()).as(actor + ": " + outlet + " vs " + other.get("outlet"))
            .isGreaterThan(mean);
      }
    }
  }

  @Test
  void mentionsCarryGrammarQuotesAndDefinedStatuses() {
    String m = t("mentions");
    assertThat(duck.count("SELECT count(*) FROM " + m + " WHERE role IS NOT NULL AND role NOT IN ('agent', 'patient', 'possessor', 'other')"))
        .isZero();
    for (String role : List.of("agent", "patient", "possessor", "other")) {
      assertThat(duck.count("SELECT count(*) FROM " + m + " WHERE role = '" + role + "'")).as(role).isPositive();
    }
    assertThat(duck.count("SELECT count(*) FROM " + m + " WHERE sentiment_status NOT IN ('ok', 'sentence_too_long', 'time_limit', "
        + "'all_caps', 'headline_case', 'no_verb', 'no_sentiment_words', 'no_tree')")).isZero();
    // Sample-data titles are in headline case: flagged, never scored.
    assertThat(duck.count("SELECT count(*) FROM " + m + " WHERE field = 'title' AND sentiment_status = 'headline_case'")).isPositive();
    assertThat(duck.count("SELECT count(*) FROM " + m + " WHERE sentiment_status <> 'ok' AND sentiment_status <> 'no_sentiment_words' "
        + "AND target_sentiment IS NOT NULL")).isZero();
    // The planted sentences describe the actor ("A weak and confused Biden ...").
    assertThat(duck.count("SELECT count(*) FROM " + m + " WHERE actor_id = 'biden' AND outlet = 'Northgate Herald' "
        + "AND list_contains(descriptors, 'weak')")).isPositive();
    // Mentions inside direct quotes keep their score and name the speaker when it is a tracked actor.
    assertThat(duck.count("SELECT count(*) FROM " + m + " WHERE in_quote")).isPositive();
    assertThat(duck.count("SELECT count(*) FROM " + m + " WHERE NOT in_quote AND quote_speaker_id IS NOT NULL")).isZero();
    assertThat(duck.count("SELECT count(*) FROM " + m + " m JOIN " + t("quotes") + " q ON m.article_id = q.article_id "
        + "AND m.field = 'text' AND m.char_begin > q.char_begin AND m.char_end < q.char_end WHERE q.kind = 'direct' AND NOT m.in_quote"))
        .isZero();
  }

  @Test
  void unplantedActorsShowNoOutletStandingOut() {
    // Trump is covered neutrally by every outlet: no outlet's interval excludes all the others' means.
    List<Map<String, Object>> rows = duck.query("SELECT outlet, mean_target_sentiment AS mean, ci_low, ci_high FROM "
        + t("actor_outlet_summary") + " WHERE period = 'all' AND actor_id = 'trump'");
    assertThat(rows).hasSize(4);
    for (Map<String, Object> row : rows) {
      double low = ((Number) row.get("ci_low")).doubleValue();
      double high = ((Number) row.get("ci_high")).doubleValue();
      long containing = rows.stream().filter(o -> o != row)
          .filter(o -> ((Number) o.get("mean")).doubleValue() >= low && ((Number) o.get("mean")).doubleValue() <= high).count();
      assertThat(containing).as("trump in " + row.get("outlet")).isPositive();
    }
  }

  @Test
  void summaryHasMonthlyAndAllTimeRows() {
    List<Object> periods = duck.query("SELECT DISTINCT period FROM " + t("actor_outlet_summary") + " ORDER BY period")
        .stream().map(r -> r.get("period")).toList();
    assertThat(periods).containsExactly("2024-01", "2024-02", "2024-03", "all");
    long mismatched = duck.count("SELECT count(*) FROM (SELECT outlet, actor_id, sum(mentions) FILTER (WHERE period <> 'all') AS monthly, "
        + "max(mentions) FILTER (WHERE period = 'all') AS total FROM " + t("actor_outlet_summary")
        + " GROUP BY ALL) WHERE monthly <> total");
    assertThat(mismatched).isZero();
  }

  @Test
  void quotesAreFoundWithSpeakers() {
    assertThat(duck.count("SELECT count(*) FROM " + t("quotes"))).isGreaterThanOrEqualTo(40);
    assertThat(duck.count("SELECT count(*) FROM " + t("quotes") + " WHERE speaker_actor_id = 'zelensky'")).isPositive();
    assertThat(duck.count("SELECT count(DISTINCT speaker_method) FROM " + t("quotes"))).isGreaterThanOrEqualTo(3);
    assertThat(duck.count("SELECT count(*) FROM " + t("quotes") + " WHERE speaker_actor_id IS NULL AND speaker_name IS NOT NULL"))
        .as("untracked speakers keep their name").isPositive();
  }

  @Test
  void manifestAndConsoleReportTheRun() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(Path.of(output, "manifest.json").toFile());
    assertThat(manifest.at("/tables/articles").asLong()).isEqualTo(64);
    assertThat(manifest.at("/versions/corenlp").asText()).isEqualTo("4.5.10");
    assertThat(manifest.at("/versions/spark").asText()).startsWith("4.");
    assertThat(manifest.at("/inputs/records").asLong()).isEqualTo(64);
    assertThat(manifest.at("/config/aggregation.period").asText()).isEqualTo("month");
    // The same counts as the articles table's statuses (see above), from the pass that counts the tables.
    assertThat(manifest.at("/articles_by_status/annotated").asLong()).isEqualTo(52);
    assertThat(manifest.at("/articles_by_status/no_actor").asLong()).isEqualTo(12);
    String raw = Files.readString(Path.of(output, "manifest.json"));
    assertThat(raw).doesNotContain(SECRET);
    assertThat(manifest.at("/spark_settings/spark.hadoop.fs.s3a.secret.key").asText()).isEqualTo("********");
    // A local[2] run: two shuffle partitions per task thread, no adaptive execution (SparkSessions.oneMachine).
    assertThat(manifest.at("/spark_settings/spark.sql.shuffle.partitions").asText()).isEqualTo("4");
    assertThat(manifest.at("/spark_settings/spark.sql.adaptive.enabled").asText()).isEqualTo("false");
    // The driver is the executor: it loaded the pipelines (when this JVM first needed them) and says how long that took.
    assertThat(manifest.at("/annotation/model_load_seconds").asDouble()).isPositive();
    assertThat(console).doesNotContain(SECRET);
    assertThat(console).contains("annotating").contains("articles/s").contains("ETA")
        .contains("actor_outlet_summary").contains("Wall time").contains("Northgate Herald");
  }

  @Test
  void refusesToOverwriteAndFailsFastOnBadArguments() throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(AuditJob.run(new String[] {"--input", "sample-data", "--output", output}, quiet, errStream)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("not empty").contains("--overwrite");

    Path badConfig = work.resolve("bad.yaml");
    Files.writeString(badConfig, "aggregation:\n  period: fortnight\n");
    err.reset();
    assertThat(AuditJob.run(new String[] {"--input", "sample-data", "--output", work.resolve("o2").toString(),
        "--config", badConfig.toString()}, quiet, errStream)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.yaml").contains("aggregation.period");
    assertThat(Files.exists(work.resolve("o2"))).isFalse();

    err.reset();
    assertThat(AuditJob.run(new String[] {"--input", "no/such/path", "--output", work.resolve("o3").toString()}, quiet, errStream))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("does not exist");
    assertThat(AuditJob.run(new String[] {"--output", "x"}, quiet, errStream)).isEqualTo(2);
  }
}
