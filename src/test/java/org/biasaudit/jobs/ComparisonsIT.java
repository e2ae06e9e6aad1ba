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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.biasaudit.testing.DocumentedQueries;
import org.biasaudit.testing.DuckDb;
import org.biasaudit.testing.HeadlessChromium;
import org.biasaudit.testing.NotebookPython;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison tables on the sample corpus (one audit run for the class): the planted differences of
 * {@code sample-data/README.md} come out as the only significant outlet contrasts; {@code jobs/aggregate}
 * reproduces the tables and changes the grain without annotating; every documented query runs; the
 * report renders in headless Chromium.
 */
class ComparisonsIT {
  /** sample-data/README.md: P1-P3. */
  private static final Map<String, String> PLANTED = Map.of(
      "biden", "Northgate Herald", "zelensky", "Daily Meridian", "putin", "Valley Tribune");

  @TempDir static Path work;
  private static String output;
  private static DuckDb duck;

  @BeforeAll
  static void runTheAudit() {
    output = work.resolve("out").toString();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = AuditJob.run(new String[] {"--input", "sample-data", "--output", output, "--master", "local[2]"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as("exit code; stderr:\n" + err.toString(StandardCharsets.UTF_8)).isZero();
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
  void onlyThePlantedActorsHaveSignificantOutletContrasts() {
    Set<Object> significant = new TreeSet<>();
    duck.query("SELECT DISTINCT actor_id FROM " + t("outlet_contrasts") + " WHERE q_value < 0.05")
        .forEach(r -> significant.add(r.get("actor_id")));
    assertThat(significant).isEqualTo(new TreeSet<>(PLANTED.keySet()));

    for (Map.Entry<String, String> plant : PLANTED.entrySet()) {
      List<Map<String, Object>> rows = duck.query("SELECT outlet, difference, ci_low, ci_high, q_value FROM " + t("outlet_contrasts")
          + " WHERE period = 'all' AND actor_id = '" + plant.getKey() + "' ORDER BY abs(difference) DESC");
      assertThat(rows).hasSize(4);
      Map<String, Object> top = rows.get(0);
      assertThat(top.get("outlet")).as(plant.getKey() + ": largest |difference|").isEqualTo(plant.getValue());
      assertThat(((Number) top.get("q_value")).doubleValue()).as(plant.getKey()).isLessThan(0.05);
      double difference = ((Number) top.get("difference")).doubleValue();
      double low = ((Number) top.get("ci_low")).doubleValue();
      double high = ((Number) top.get("ci_high")).doubleValue();
      assertThat(low).isLessThan(difference);
      assertThat(high).isGreaterThan(difference);
      if (plant.getKey().equals("zelensky")) {
        assertThat(low).as("favourable: the interval lies above zero").isPositive();
      } else {
        assertThat(high).as("hostile: the interval lies below zero").isNegative();
      }
    }
  }

  @Test
  void contrastsAgreeWithTheSummaryAndQValuesAreBenjaminiHochberg() {
    // The contrast's outlet side is the summary's row; the rest is every other outlet's mentions.
    long mismatched = duck.count("SELECT count(*) FROM " + t("outlet_contrasts") + " c JOIN " + t("actor_outlet_summary")
        + " s USING (outlet, actor_id, period) WHERE c.scored_mentions <> s.scored_mentions"
        + " OR abs(c.mean_target_sentiment - s.mean_target_sentiment) > 1e-9");
    assertThat(mismatched).isZero();
    long restWrong = duck.count("SELECT count(*) FROM " + t("outlet_contrasts") + " c WHERE rest_scored_mentions <> "
        + "(SELECT count(target_sentiment) FROM " + t("mentions") + " m WHERE m.actor_id = c.actor_id AND m.outlet <> c.outlet"
        + " AND (c.period = 'all' OR strftime(m.published, '%Y-%m') = c.period))");
    assertThat(restWrong).isZero();
    // BH recomputed in SQL: q = min over ranks >= i of m p_(j) / j.
    long badQ = duck.count("WITH p AS (SELECT p_value, q_value, row_number() OVER (ORDER BY p_value) AS i, count(*) OVER () AS m FROM "
        + t("outlet_contrasts") + " WHERE p_value IS NOT NULL), r AS (SELECT *, least(1, min(p_value * m / i) OVER "
        + "(ORDER BY i DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) AS expected FROM p) "
        + "SELECT count(*) FROM r WHERE abs(expected - q_value) > 1e-12");
    assertThat(badQ).isZero();
    assertThat(duck.count("SELECT count(*) FROM " + t("outlet_contrasts") + " WHERE p_value IS NULL AND q_value IS NOT NULL")).isZero();
  }

  @Test
  void withinTheHeraldBidenFaresWorseThanTrump() {
    Map<String, Object> herald = duck.query("SELECT difference, q_value FROM " + t("actor_contrasts")
        + " WHERE outlet = 'Northgate Herald' AND period = 'all' AND actor_a = 'biden' AND actor_b = 'trump'").get(0);
    assertThat(((Number) herald.get("difference")).doubleValue()).isLessThan(-0.1);
    assertThat(((Number) herald.get("q_value")).doubleValue()).isLessThan(0.05);
    // Coastline Post covers both neutrally: no significant difference.
    Map<String, Object> coastline = duck.query("SELECT q_value FROM " + t("actor_contrasts")
        + " WHERE outlet = 'Coastline Post' AND period = 'all' AND actor_a = 'biden' AND actor_b = 'trump'").get(0);
    assertThat(((Number) coastline.get("q_value")).doubleValue()).isGreaterThan(0.05);
    // Only pairs where both actors reach aggregation.min_support (10) in that outlet and period.
    assertThat(duck.count("SELECT count(*) FROM " + t("actor_contrasts") + " WHERE scored_mentions_a < 10 OR scored_mentions_b < 10"))
        .isZero();
  }

  @Test
  void framingTermsNameThePlantedWords() {
    assertTopTerms("Northgate Herald", "biden", "weak", "confused", "failed", "disastrous", "reckless");
    assertTopTerms("Valley Tribune", "putin", "brutal", "ruthless", "corrupt", "reckless");
    assertTopTerms("Daily Meridian", "zelensky", "courageous", "admirable", "inspiring", "praised");
    // The other outlets' Biden coverage has none of the Herald's words.
    assertThat(duck.count("SELECT count(*) FROM " + t("framing_terms") + " WHERE actor_id = 'biden' AND outlet <> 'Northgate Herald'"
        + " AND term IN ('weak', 'confused', 'failed', 'disastrous')")).isZero();
    assertThat(duck.count("SELECT count(*) FROM " + t("framing_terms") + " WHERE term IN ('biden', 'putin', 'zelensky', 'the', 'and')"))
        .as("names and stop words are never terms").isZero();
  }

  private static void assertTopTerms(String outlet, String actor, String... planted) {
    List<Object> top = duck.query("SELECT term FROM " + t("framing_terms") + " WHERE outlet = '" + outlet + "' AND actor_id = '"
        + actor + "' AND source = 'context' AND rank <= 10 ORDER BY rank").stream().map(r -> r.get("term")).toList();
    long hits = Stream.of(planted).filter(top::contains).count();
    assertThat(hits).as(outlet + " on " + actor + ": " + top).isGreaterThanOrEqualTo(3);
  }

  @Test
  void summaryCountsVoiceAndQuotesAsTheBaseTablesDo() {
    // Shares of voice add up to one per outlet and period.
    assertThat(duck.count("SELECT count(*) FROM (SELECT outlet, period, sum(share_of_voice) AS s FROM " + t("actor_outlet_summary")
        + " GROUP BY ALL) WHERE abs(s - 1) > 1e-9")).isZero();
    long spokenWrong = duck.count("SELECT count(*) FROM " + t("actor_outlet_summary") + " s WHERE period = 'all' AND quotes_spoken <> "
        + "(SELECT count(*) FROM " + t("quotes") + " q WHERE q.kind = 'direct' AND q.outlet = s.outlet AND q.speaker_actor_id = s.actor_id)");
    assertThat(spokenWrong).isZero();
    long aboutWrong = duck.count("SELECT count(*) FROM " + t("actor_outlet_summary") + " s WHERE period = 'all' AND quotes_about <> "
        + "(SELECT count(*) FROM " + t("quotes") + " q WHERE q.kind = 'direct' AND q.outlet = s.outlet"
        + " AND list_contains(q.mentioned_actor_ids, s.actor_id)"
        + " AND coalesce(q.speaker_actor_id, '') <> s.actor_id)");
    assertThat(aboutWrong).isZero();
    long classesWrong = duck.count("SELECT count(*) FROM " + t("actor_outlet_summary")
        + " WHERE list_sum(map_values(quotes_by_attribution_class)) IS DISTINCT FROM (CASE WHEN quotes_spoken = 0 THEN NULL ELSE quotes_spoken END)");
    assertThat(classesWrong).isZero();
    assertThat(duck.count("SELECT count(*) FROM " + t("actor_outlet_summary") + " WHERE syndicated_articles > 0")).isZero();
    assertThat(duck.count("SELECT count(*) FROM " + t("articles") + " WHERE duplicate_group IS NOT NULL"))
        .as("the sample corpus has no syndicated copies").isZero();
  }

  @Test
  void coMentionsMatchTheMentionsTable() {
    List<Map<String, Object>> expected = duck.query("SELECT a.outlet, a.actor_id AS actor_a, b.actor_id AS actor_b, "
        + "count(DISTINCT a.article_id) AS articles FROM " + t("mentions") + " a JOIN " + t("mentions")
        + " b ON a.article_id = b.article_id AND a.actor_id < b.actor_id GROUP BY ALL ORDER BY ALL");
    List<Map<String, Object>> actual = duck.query("SELECT outlet, actor_a, actor_b, articles FROM " + t("co_mentions")
        + " WHERE period = 'all' ORDER BY ALL");
    assertThat(actual).isEqualTo(expected);
    assertThat(duck.count("SELECT count(*) FROM " + t("co_mentions") + " WHERE sentences > 0")).isPositive();
  }

  @Test
  void aggregateReproducesTheTablesAndChangesTheGrainWithoutAnnotating() throws IOException {
    Path copy = work.resolve("copy");
    copyTree(Path.of(output), copy);
    String dir = copy.toString();
    long mentionBytes = sizeOf(copy.resolve("mentions"));

    // Same config: the shared code path gives the same rows.
    assertThat(AggregateJob.run(new String[] {"--from", dir, "--master", "local[2]"}, quiet(), quiet())).isZero();
    for (String table : new String[] {"actor_outlet_summary", "outlet_contrasts", "actor_contrasts", "framing_terms", "co_mentions"}) {
      String a = DuckDb.table(output, table);
      String b = DuckDb.table(dir, table);
      assertThat(duck.count("SELECT count(*) FROM ((SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b + ") UNION ALL "
          + "(SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a + "))")).as(table).isZero();
    }

    Path quarterly = work.resolve("quarterly.yaml");
    Files.writeString(quarterly, "aggregation:\n  period: quarter\n  min_support: 5\n");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    long start = System.nanoTime();
    int code = AggregateJob.run(new String[] {"--from", dir, "--config", quarterly.toString(), "--master", "local[2]"},
        new PrintStream(console, true, StandardCharsets.UTF_8), quiet());
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(code).isZero();
    assertThat(console.toString(StandardCharsets.UTF_8)).contains("Re-aggregated").contains("period quarter");
    List<Object> periods = duck.query("SELECT DISTINCT period FROM " + DuckDb.table(dir, "actor_outlet_summary") + " ORDER BY 1")
        .stream().map(r -> r.get("period")).toList();
    assertThat(periods).containsExactly("2024-Q1", "all");
    assertThat(duck.count("SELECT count(*) FROM " + DuckDb.table(dir, "outlet_contrasts") + " WHERE period = '2024-02'")).isZero();
    // A lower min_support admits more actor pairs.
    assertThat(duck.count("SELECT count(*) FROM " + DuckDb.table(dir, "actor_contrasts")))
        .isGreaterThan(duck.count("SELECT count(*) FROM " + t("actor_contrasts")));
    // The base tables are untouched, the manifest says what was re-aggregated, the output is complete again.
    assertThat(sizeOf(copy.resolve("mentions"))).isEqualTo(mentionBytes);
    JsonNode manifest = new ObjectMapper().readTree(copy.resolve("manifest.json").toFile());
    assertThat(manifest.at("/aggregate/config/aggregation.period").asText()).isEqualTo("quarter");
    assertThat(manifest.at("/tables/mentions").asLong()).isEqualTo(duck.count("SELECT count(*) FROM " + t("mentions")));
    assertThat(manifest.at("/tables/actor_outlet_summary").asLong())
        .isEqualTo(duck.count("SELECT count(*) FROM " + DuckDb.table(dir, "actor_outlet_summary")));
    assertThat(copy.resolve("_SUCCESS")).exists();
    assertThat(Files.readString(copy.resolve("report.html"))).contains("2024-Q1");
    try (Stream<Path> siblings = Files.list(work)) {
      assertThat(siblings.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".copy."));
    }
    System.out.printf("jobs/aggregate (quarter) on the sample run: %.1f s%n", seconds);

    // Refuses a folder that is not an audit output.
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(AggregateJob.run(new String[] {"--from", work.resolve("nothing").toString()}, quiet(),
        new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("not a complete bias-audit output");
  }

  @Test
  void everyDocumentedQueryRunsOnTheSampleRun() throws IOException {
    List<DocumentedQueries.Query> readme = DocumentedQueries.fromMarkdown(Path.of("README.md"));
    List<DocumentedQueries.Query> notebook = DocumentedQueries.fromNotebook(Path.of("notebooks/comparisons.ipynb"));
    assertThat(readme).hasSizeGreaterThanOrEqualTo(10);
    assertThat(notebook).hasSizeGreaterThanOrEqualTo(8);
    // The notebook's queries are the README's.
    assertThat(readme.stream().map(DocumentedQueries::normalised).toList())
        .containsAll(notebook.stream().map(DocumentedQueries::normalised).toList());
    List<DocumentedQueries.Query> all = new ArrayList<>(readme);
    all.addAll(notebook);
    for (DocumentedQueries.Query query : all) {
      List<Map<String, Object>> rows = duck.query(DocumentedQueries.against(query, output));
      if (!query.mayBeEmpty()) {
        assertThat(rows).as(query.source() + ":\n" + query.sql()).isNotEmpty();
      }
    }
  }

  @Test
  void reportRendersWithoutConsoleErrors() throws Exception {
    Path report = Path.of(output, "report.html");
    assertThat(report).exists();
    Files.delete(report);
    assertThat(ReportJob.run(new String[] {"--from", output, "--master", "local[2]"}, quiet(), quiet())).isZero();
    String html = Files.readString(report);
    assertThat(html).contains("Northgate Herald").contains("Chart.js v4.4.9").doesNotContain("src=\"http");
    Path browser = Files.createDirectories(work.resolve("browser"));
    HeadlessChromium.Page page = HeadlessChromium.open(report, browser);
    assertThat(page.console()).as("console messages").isEmpty();
    // One chart per actor, per outlet for share of voice and framing terms, and the quote share.
    assertThat(page.dom()).containsPattern("data-charts=\"(2\\d|[3-9]\\d)\"");
    assertThat(page.dom()).contains("<canvas");
    if (Boolean.getBoolean("bias.audit.screenshot")) {
      HeadlessChromium.screenshot(report, Path.of("docs/report.png"), 1280, 3300, browser);
    }
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static long sizeOf(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  @Test
  void theNotebookRunsAgainstTheOutput() throws Exception {
    NotebookPython python = NotebookPython.find();
    Assumptions.assumeTrue(python != null,
        "no Python with duckdb, pandas and matplotlib (.ci/run installs them into target/notebook-venv when it can)");
    // The notebook reads out/ relative to its working directory: the folder holding this run's output.
    NotebookPython.Result result = python.run(Path.of("notebooks/comparisons.ipynb"), Path.of(output).getParent());
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("ran ");
  }
}
