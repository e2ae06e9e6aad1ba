package org.biasaudit.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.io.FileUtils;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biasaudit.output.AnnotationStore;
import org.biasaudit.testing.DuckDb;
import org.biasaudit.testing.SameTables;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reruns into the same output: a grown corpus annotates only the new articles, an aggregation-only change
 * annotates nothing, and an annotation setting change annotates everything again. Also checks that the
 * output does not depend on the number of threads and partitions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalRunIT {
  @TempDir static Path work;

  private static JsonNode run(Path input, Path output, String master, Path config) throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args = config == null
        ? new String[] {"--input", input.toString(), "--output", output.toString(), "--overwrite", "--master", master}
        : new String[] {"--input", input.toString(), "--output", output.toString(), "--overwrite", "--master", master,
            "--config", config.toString()};
    int code = AuditJob.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
  }

  private static Path corpus(String... files) throws IOException {
    Path dir = Files.createDirectories(work.resolve("in"));
    for (String file : files) {
      Files.copy(Path.of("sample-data", file), dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return dir;
  }

  @Test
  @Order(1)
  void growingCorpusAnnotatesOnlyNewArticles() throws IOException {
    Path out = work.resolve("out");
    JsonNode first = run(corpus("northgate-herald.jsonl"), out, "local[2]", null);
    assertThat(first.at("/annotation/annotated").asLong()).isEqualTo(16);
    assertThat(first.at("/annotation/reused").asLong()).isZero();

    JsonNode second = run(corpus("valley-tribune.jsonl.gz"), out, "local[2]", null);
    assertThat(second.at("/annotation/annotated").asLong()).isEqualTo(16);
    assertThat(second.at("/annotation/reused").asLong()).isEqualTo(16);
    assertThat(second.at("/tables/articles").asLong()).isEqualTo(32);

    // Reused results equal freshly computed ones: a clean run on the same corpus gives the same tables.
    Path clean = work.resolve("clean");
    run(work.resolve("in"), clean, "local[2]", null);
    SameTables.assertSameTables(out, clean);
  }

  @Test
  @Order(2)
  void aggregationChangeReusesEverythingAndAnnotationChangeReusesNothing() throws IOException {
    Path out = work.resolve("out");
    Path weekly = work.resolve("weekly.yaml");
    Files.writeString(weekly, "aggregation:\n  period: week\n");
    JsonNode regrained = run(work.resolve("in"), out, "local[2]", weekly);
    assertThat(regrained.at("/annotation/annotated").asLong()).isZero();
    assertThat(regrained.at("/annotation/reused").asLong()).isEqualTo(32);
    try (DuckDb duck = new DuckDb()) {
      assertThat(duck.count("SELECT count(*) FROM " + DuckDb.table(out.toString(), "actor_outlet_summary")
          + " WHERE period LIKE '2024-__-__'")).isPositive();
    }

    Path thresholds = work.resolve("thresholds.yaml");
    Files.writeString(thresholds, "sentiment:\n  negative_below: -0.2\n  positive_above: 0.2\n");
    JsonNode rescored = run(work.resolve("in"), out, "local[2]", thresholds);
    assertThat(rescored.at("/annotation/annotated").asLong()).isEqualTo(32);
    assertThat(rescored.at("/annotation/reused").asLong()).isZero();
  }

  @Test
  @Order(3)
  void sameRowsWithOneThreadOrSeveral() throws IOException {
    Path one = work.resolve("one-thread");
    Path two = work.resolve("two-threads");
    run(work.resolve("in"), one, "local[1]", null);
    run(work.resolve("in"), two, "local[2]", null);
    SameTables.assertSameTables(one, two);
  }

  @Test
  @Order(4)
  void articlesStoredAsFailedAreAnnotatedAgain() throws IOException {
    // Mark three stored articles as failed, as a run that hit a memory error would have left them.
    Path out = work.resolve("out");
    Path store = out.resolve(AnnotationStore.FOLDER);
    Path edited = work.resolve("store-edited");
    SparkSession spark = SparkSession.builder().master("local[1]").appName("store-edit").config("spark.ui.enabled", "false")
        .getOrCreate();
    try {
      Dataset<Row> rows = spark.read().parquet(store.toString());
      List<String> failed = rows.where("status = 'annotated'").orderBy("content_key").limit(3).select("content_key")
          .as(Encoders.STRING()).collectAsList();
      rows.withColumn("status", when(col("content_key").isin(failed.toArray()), lit(AnnotateFn.NLP_ERROR)).otherwise(col("status")))
          .coalesce(1).write().parquet(edited.toString());
    } finally {
      spark.stop();
    }
    FileUtils.deleteDirectory(store.toFile());
    Files.move(edited, store);

    JsonNode rerun = run(work.resolve("in"), out, "local[2]", work.resolve("thresholds.yaml"));
    assertThat(rerun.at("/annotation/annotated").asLong()).isEqualTo(3);
    assertThat(rerun.at("/annotation/reused").asLong()).isEqualTo(29);
    try (DuckDb duck = new DuckDb()) {
      assertThat(duck.count("SELECT count(*) FROM " + DuckDb.table(out.toString(), "articles") + " WHERE status = 'nlp_error'"))
          .isZero();
    }
  }

  /**
   * The herald's first article again under two more ids: once verbatim (as a second URL would give it),
   * once with another title. Only the verbatim copy takes the first one's results; its mentions and quotes
   * are the original's, row for row.
   */
  @Test
  @Order(5)
  void articlesWithTheSameContentAreAnnotatedOnce() throws IOException {
    Path input = Files.createDirectories(work.resolve("reposted"));
    Files.copy(Path.of("sample-data", "northgate-herald.jsonl"), input.resolve("northgate-herald.jsonl"));
    ObjectMapper json = new ObjectMapper();
    ObjectNode original = (ObjectNode) json.readTree(Files.readAllLines(Path.of("sample-data", "northgate-herald.jsonl")).get(0));
    String id = original.get("id").asText();
    ObjectNode verbatim = original.deepCopy();
    verbatim.put("id", id + "-amp").put("url", original.get("url").asText() + "?outputType=amp");
    ObjectNode retitled = original.deepCopy();
    retitled.put("id", id + "-retitled").put("title", "Border Figures Released");
    Files.writeString(input.resolve("reposted.jsonl"), json.writeValueAsString(verbatim) + "\n" + json.writeValueAsString(retitled) + "\n");

    Path out = work.resolve("reposted-out");
    JsonNode manifest = run(input, out, "local[2]", null);
    assertThat(manifest.at("/annotation/annotated").asLong()).isEqualTo(18);
    assertThat(manifest.at("/annotation/same_content").asLong()).isEqualTo(1);

    try (DuckDb duck = new DuckDb()) {
      for (String table : List.of("mentions", "quotes")) {
        String rows = "SELECT * EXCLUDE (article_id) FROM " + DuckDb.table(out.toString(), table) + " WHERE article_id = ";
        assertThat(duck.count("SELECT count(*) FROM (" + rows + "'" + id + "')")).as(table).isPositive();
        assertThat(duck.count("SELECT count(*) FROM (" + rows + "'" + id + "' EXCEPT ALL " + rows + "'" + id + "-amp')")).as(table).isZero();
        assertThat(duck.count("SELECT count(*) FROM (" + rows + "'" + id + "-amp' EXCEPT ALL " + rows + "'" + id + "')")).as(table).isZero();
      }
      assertThat(duck.count("SELECT count(*) FROM " + DuckDb.table(out.toString(), "mentions") + " WHERE article_id = '" + id
          + "-retitled'")).isPositive();
      // The copy search groups all three (same text); the manifest counts what the articles table holds.
      String articles = DuckDb.table(out.toString(), "articles");
      assertThat(duck.count("SELECT count(*) FROM " + articles + " WHERE duplicate_group = '" + id + "'")).isEqualTo(3);
      assertThat(manifest.at("/syndication/articles_in_groups").asLong())
          .isEqualTo(duck.count("SELECT count(*) FROM " + articles + " WHERE duplicate_group IS NOT NULL"));
      assertThat(manifest.at("/syndication/groups").asLong())
          .isEqualTo(duck.count("SELECT count(DISTINCT duplicate_group) FROM " + articles)).isEqualTo(1);
    }
  }
}
