package org.biasaudit.jobs;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.biasaudit.metrics.FramingTerms;
import org.biasaudit.metrics.Periods;
import org.biasaudit.report.HtmlReport;
import org.biasaudit.report.ReportData;

/** Reads what {@code report.html} shows from the tables and renders it ({@link HtmlReport}). */
final class ReportStep {
  static final String FILE = "report.html";
  /** Contrasts listed in the report's table (most significant first). */
  static final int CONTRASTS_SHOWN = 20;
  /** Framing terms per outlet x actor in the report's table. */
  static final int TERMS_SHOWN = 8;
  /** The charts show the most mentioned actors and outlets, so the page stays small on a large corpus. */
  static final int ACTORS_CHARTED = 16;
  static final int OUTLETS_CHARTED = 24;

  private ReportStep() {}

  /** @param table where each table of the output is, by name (the staging folder during a run) */
  static String render(SparkSession spark, Function<String, String> table, String title, String runId) {
    List<ReportData.Summary> summary = new ArrayList<>();
    for (Row r : spark.read().parquet(table.apply("actor_outlet_summary")).orderBy("actor_id", "outlet", "period").collectAsList()) {
      summary.add(new ReportData.Summary(r.getAs("outlet"), r.getAs("actor_id"), r.getAs("actor_name"), r.getAs("period"),
          r.<Long>getAs("articles"), r.<Long>getAs("mentions"), r.getAs("mean_target_sentiment"), r.getAs("ci_low"),
          r.getAs("ci_high"), r.<Double>getAs("share_of_voice"), r.<Long>getAs("quotes_spoken"), r.getAs("share_of_quotes"),
          r.<Boolean>getAs("low_support")));
    }

    summary = mostMentioned(summary);

    Dataset<Row> top = spark.read().parquet(table.apply("outlet_contrasts")).where(col("period").equalTo(Periods.ALL))
        .orderBy(col("q_value").asc_nulls_last(), col("p_value").asc_nulls_last(), abs(col("difference")).desc(),
            col("actor_id"), col("outlet"))
        .limit(CONTRASTS_SHOWN);
    List<Row> topRows = top.collectAsList();
    Map<String, Row> examples = examples(spark, table, top);
    List<ReportData.Contrast> contrasts = new ArrayList<>();
    for (Row r : topRows) {
      Row example = examples.get(r.<String>getAs("outlet") + "\u0000" + r.<String>getAs("actor_id"));
      contrasts.add(new ReportData.Contrast(r.getAs("outlet"), r.getAs("actor_id"), r.getAs("period"),
          r.<Double>getAs("difference"), r.getAs("ci_low"), r.getAs("ci_high"), r.getAs("p_value"), r.getAs("q_value"),
          r.<Boolean>getAs("low_support"), example == null ? null : example.getAs("title"),
          example == null ? null : example.getAs("sentence")));
    }

    List<ReportData.Term> terms = new ArrayList<>();
    for (Row r : spark.read().parquet(table.apply("framing_terms"))
        .where(col("source").equalTo(FramingTerms.CONTEXT).and(col("rank").leq(TERMS_SHOWN)))
        .orderBy("outlet", "actor_id", "rank").collectAsList()) {
      terms.add(new ReportData.Term(r.getAs("outlet"), r.getAs("actor_id"), r.getAs("source"), r.getAs("term"),
          r.<Integer>getAs("rank"), r.<Long>getAs("count"), r.<Double>getAs("z_score")));
    }
    return HtmlReport.render(new ReportData(title, runId, summary, contrasts, terms));
  }

  private static List<ReportData.Summary> mostMentioned(List<ReportData.Summary> rows) {
    Map<String, Long> byActor = new HashMap<>();
    Map<String, Long> byOutlet = new HashMap<>();
    for (ReportData.Summary r : rows) {
      if (Periods.ALL.equals(r.period())) {
        byActor.merge(r.actorId(), r.mentions(), Long::sum);
        byOutlet.merge(r.outlet(), r.mentions(), Long::sum);
      }
    }
    java.util.Set<String> actors = top(byActor, ACTORS_CHARTED);
    java.util.Set<String> outlets = top(byOutlet, OUTLETS_CHARTED);
    return rows.stream().filter(r -> actors.contains(r.actorId()) && outlets.contains(r.outlet())).toList();
  }

  private static java.util.Set<String> top(Map<String, Long> counts, int n) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(n).map(Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
  }

  /** Per contrast, the outlet's mention of the actor that leans furthest in the contrast's direction. */
  private static Map<String, Row> examples(SparkSession spark, Function<String, String> table, Dataset<Row> contrasts) {
    Dataset<Row> keys = contrasts.select(col("outlet"), col("actor_id"),
        when(col("difference").lt(0), lit(1.0)).otherwise(lit(-1.0)).as("direction"));
    Dataset<Row> mentions = spark.read().parquet(table.apply("mentions")).where(col("target_sentiment").isNotNull());
    Dataset<Row> titles = spark.read().parquet(table.apply("articles")).select(col("article_id"), col("title"));
    Dataset<Row> ranked = mentions.join(keys, new String[] {"outlet", "actor_id"}, "inner")
        .withColumn("pick", row_number().over(Window.partitionBy(col("outlet"), col("actor_id"))
            .orderBy(col("target_sentiment").multiply(col("direction")), col("article_id"), col("char_begin"))))
        .where(col("pick").equalTo(1))
        .join(titles, new String[] {"article_id"}, "left");
    Map<String, Row> out = new HashMap<>();
    for (Row r : ranked.select("outlet", "actor_id", "title", "sentence").collectAsList()) {
      out.put(r.<String>getAs("outlet") + "\u0000" + r.<String>getAs("actor_id"), r);
    }
    return out;
  }
}
