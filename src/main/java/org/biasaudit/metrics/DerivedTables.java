package org.biasaudit.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.coalesce;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.biasaudit.config.AuditConfig;

/**
 * Every table derived from {@code articles}, {@code mentions} and {@code quotes}: the one code path that
 * both the audit and {@code jobs/aggregate} run, so a re-aggregation gives exactly what a fresh audit with
 * the same settings would.
 *
 * <p>Which articles count: copies of one story within one outlet (same {@code duplicate_group}) count once,
 * the earliest published (then the smallest id) standing for the group; with
 * {@code aggregation.exclude_syndicated}, articles whose story another outlet also carried are left out.
 */
public final class DerivedTables {
  private DerivedTables() {}

  /**
   * A table to write and the columns it is sorted by. Its rows are planned on first use, not at build time:
   * the contrast tables collect their p-values to the driver, and the writer computes tables concurrently.
   */
  public record Table(Supplier<Dataset<Row>> plan, String... sortColumns) {
    public Dataset<Row> rows() {
      return plan.get();
    }
  }

  /** The tables, in the order they are written, and the inputs cached for them: close once they are written. */
  public record Built(Map<String, Table> tables, List<Dataset<Row>> cached) implements AutoCloseable {
    public Table get(String name) {
      return tables.get(name);
    }

    @Override
    public void close() {
      cached.forEach(Dataset::unpersist);
    }
  }

  /** The derived table names, in the order they are written. */
  public static final String[] NAMES = {"actor_outlet_summary", "outlet_contrasts", "actor_contrasts", "framing_terms",
      "co_mentions"};

  public static Built build(SparkSession spark, Dataset<Row> articles, Dataset<Row> mentions,
      Dataset<Row> quotes, Map<String, String> actorNames, AuditConfig.Aggregation settings) {
    Dataset<Row> counted = countedArticles(articles, settings.excludeSyndicated());
    // Read by every table below: cached once (mentions and quotes are small next to the annotation they come from).
    Dataset<Row> m = mentions.join(counted, new String[] {"article_id"}, "inner").cache();
    Dataset<Row> q = quotes.join(counted.select("article_id"), new String[] {"article_id"}, "left_semi").cache();
    String grain = settings.period();
    Dataset<Row> perArticle = ActorOutletSummary.perArticle(m, grain).cache();

    Map<String, Table> tables = new LinkedHashMap<>();
    tables.put("actor_outlet_summary", new Table(() -> ActorOutletSummary.build(perArticle, q, actorNames, settings),
        "actor_id", "outlet", "period"));
    tables.put("outlet_contrasts", new Table(() -> OutletContrasts.build(spark, perArticle, actorNames, settings),
        "actor_id", "period", "outlet"));
    tables.put("actor_contrasts", new Table(() -> ActorContrasts.build(spark, perArticle, settings),
        "outlet", "period", "actor_a", "actor_b"));
    tables.put("framing_terms", new Table(() -> FramingTerms.build(m, settings), "outlet", "actor_id", "source", "rank"));
    tables.put("co_mentions", new Table(() -> CoMentions.build(m, grain), "outlet", "period", "actor_a", "actor_b"));
    return new Built(tables, List.of(m, q, perArticle));
  }

  /**
   * The articles that count, with {@code syndicated}: true when the article's story also ran in another
   * outlet. An articles table without {@code duplicate_group} (written before it existed) has no copies.
   */
  static Dataset<Row> countedArticles(Dataset<Row> articles, boolean excludeSyndicated) {
    Dataset<Row> a = Arrays.asList(articles.columns()).contains("duplicate_group")
        ? articles.select(col("article_id"), col("outlet"), col("published"), col("duplicate_group"))
        : articles.select(col("article_id"), col("outlet"), col("published"), lit(null).cast("string").as("duplicate_group"));
    Dataset<Row> story = a.withColumn("story", coalesce(col("duplicate_group"), col("article_id")));
    Dataset<Row> spread = story.groupBy(col("story")).agg(countDistinct(col("outlet")).as("outlets"));
    Dataset<Row> ranked = story.join(spread, new String[] {"story"}, "inner")
        .withColumn("copy", row_number().over(Window.partitionBy(col("outlet"), col("story"))
            .orderBy(col("published").asc_nulls_last(), col("article_id"))))
        .where(col("copy").equalTo(1))
        .withColumn("syndicated", col("outlets").gt(1));
    if (excludeSyndicated) {
      ranked = ranked.where(col("syndicated").equalTo(false));
    }
    return ranked.select(col("article_id"), col("syndicated"));
  }
}
