package org.biasaudit.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.output.TableSchemas;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Builds {@code actor_outlet_summary}: one row per outlet x actor x period, plus an all-time row per
 * outlet x actor. Mean target sentiment is mention-weighted over scored mentions, with a bootstrap
 * interval that resamples articles ({@link ClusteredBootstrap}); label shares are over scored mentions.
 */
public final class ActorOutletSummary {
  private static final String[] GROUP = {"outlet", "actor_id", "period"};

  private ActorOutletSummary() {}

  /**
   * @param perArticle {@link #perArticle} of the {@code mentions} rows counted (see {@link DerivedTables}): the
   *     contrast tables read the same rows, so the caller computes them once
   * @param quotes the {@code quotes} rows counted
   * @param actorNames registry id to display name
   */
  public static Dataset<Row> build(Dataset<Row> perArticle, Dataset<Row> quotes,
      Map<String, String> actorNames, AuditConfig.Aggregation settings) {
    String grain = settings.period();
    Dataset<Row> groups = perArticle
        .groupBy(col("outlet"), col("actor_id"), col("period"), col("period_start"))
        .agg(
            count(lit(1)).as("articles"),
            sum(col("n")).as("mentions"),
            sum(col("scored")).as("scored_mentions"),
            sum(col("negative")).as("negative"),
            sum(col("neutral")).as("neutral"),
            sum(col("positive")).as("positive"),
            round(sum(col("sum_sentence")), 12).as("sum_sentence"),
            sum(col("n_sentence")).as("n_sentence"),
            sum(when(col("syndicated"), 1L).otherwise(0L)).as("syndicated_articles"),
            sort_array(collect_list(struct(col("article_id"), col("sum_target"), col("scored")))).as("per_article"));

    // Every mention is in exactly one per-article row of its outlet and period: their counts add up to the outlet's.
    Dataset<Row> voice = perArticle.groupBy(col("outlet"), col("period")).agg(sum(col("n")).as("outlet_mentions"));
    // Direct quotations only: reported speech (kind = indirect) is not a quote an outlet printed.
    Dataset<Row> quotesByPeriod = withPeriods(quotes.where(col("kind").equalTo("direct")), grain);
    Dataset<Row> outletQuotes = quotesByPeriod.groupBy(col("outlet"), col("period")).agg(count(lit(1)).as("outlet_quotes"));
    Dataset<Row> spokenByClass = quotesByPeriod.where(col("speaker_actor_id").isNotNull())
        .withColumnRenamed("speaker_actor_id", "actor_id")
        .groupBy(col("outlet"), col("actor_id"), col("period"), coalesce(col("attribution_class"), lit("none")).as("class"))
        .agg(count(lit(1)).as("n"));
    Dataset<Row> spoken = spokenByClass.groupBy(col("outlet"), col("actor_id"), col("period"))
        .agg(sum(col("n")).as("quotes_spoken"),
            map_from_entries(sort_array(collect_list(struct(col("class"), col("n"))))).as("by_class"));
    // A quote is about an actor when it names the actor and someone else speaks it.
    Dataset<Row> about = quotesByPeriod.select(col("outlet"), col("period"), col("speaker_actor_id"),
            explode(col("mentioned_actor_ids")).as("actor_id"))
        .where(col("speaker_actor_id").isNull().or(col("speaker_actor_id").notEqual(col("actor_id"))))
        .groupBy(col("outlet"), col("actor_id"), col("period"))
        .agg(count(lit(1)).as("quotes_about"));

    Dataset<Row> joined = groups
        .join(spoken, GROUP, "left")
        .join(about, GROUP, "left")
        .join(voice, new String[] {"outlet", "period"}, "left")
        .join(outletQuotes, new String[] {"outlet", "period"}, "left");

    // Sorted here although the writer sorts too: the writer gathers a small table into one partition, and
    // without this sort that would pull the summarising (a bootstrap per row) into its one task.
    return joined
        .map((MapFunction<Row, Row>) row -> summarise(row, actorNames, settings), Encoders.row(TableSchemas.ACTOR_OUTLET_SUMMARY))
        .orderBy(col("actor_id"), col("outlet"), col("period"));
  }

  /**
   * Per outlet x actor x period x article: mentions ({@code n}), scored mentions ({@code scored}), sum of
   * target scores ({@code sum_target}), label counts, the sentence baseline, and whether the article is a
   * syndicated copy. The unit both the bootstrap and the contrast tests resample.
   */
  public static Dataset<Row> perArticle(Dataset<Row> mentions, String grain) {
    return withPeriods(mentions, grain)
        .groupBy(col("outlet"), col("actor_id"), col("period"), col("period_start"), col("article_id"))
        .agg(
            count(lit(1)).as("n"),
            count(col("target_sentiment")).as("scored"),
            // Rounded so that the order in which Spark adds partial sums (which depends on partitioning)
            // cannot change the last bits, and so the summary, of the same input.
            round(coalesce(sum(col("target_sentiment")), lit(0.0)), 12).as("sum_target"),
            sum(scoredLabel("negative")).as("negative"),
            sum(scoredLabel("neutral")).as("neutral"),
            sum(scoredLabel("positive")).as("positive"),
            round(coalesce(sum(col("sentence_sentiment")), lit(0.0)), 12).as("sum_sentence"),
            count(col("sentence_sentiment")).as("n_sentence"),
            max(col("syndicated")).as("syndicated"));
  }

  /** Each row twice: once in its dated period (when it has a date) and once in the all-time period. */
  public static Dataset<Row> withPeriods(Dataset<Row> rows, String grain) {
    Dataset<Row> dated = rows.where(col("published").isNotNull())
        .withColumn("period", Periods.label(grain, col("published")))
        .withColumn("period_start", Periods.start(grain, col("published")));
    Dataset<Row> allTime = rows
        .withColumn("period", lit(Periods.ALL))
        .withColumn("period_start", lit(null).cast("date"));
    return dated.unionByName(allTime);
  }

  private static org.apache.spark.sql.Column scoredLabel(String label) {
    return when(col("target_sentiment").isNotNull().and(col("target_label").equalTo(label)), 1L).otherwise(0L);
  }

  private static Row summarise(Row row, Map<String, String> actorNames, AuditConfig.Aggregation settings) {
    String outlet = row.getAs("outlet");
    String actor = row.getAs("actor_id");
    String period = row.getAs("period");
    List<Row> perArticle = row.getList(row.fieldIndex("per_article"));
    double[] sums = new double[perArticle.size()];
    long[] counts = new long[perArticle.size()];
    for (int i = 0; i < perArticle.size(); i++) {
      sums[i] = perArticle.get(i).getDouble(1);
      counts[i] = perArticle.get(i).getLong(2);
    }
    ClusteredBootstrap.Interval interval = ClusteredBootstrap.meanInterval(sums, counts, settings.bootstrapSamples(),
        settings.confidence(), ClusteredBootstrap.seedFor(settings.seed(), outlet, actor, period));
    long scored = row.getAs("scored_mentions");
    long mentions = row.getAs("mentions");
    long nSentence = row.getAs("n_sentence");
    Date periodStart = row.getAs("period_start");
    long spoken = orZero(row.getAs("quotes_spoken"));
    Long outletQuotes = row.getAs("outlet_quotes");
    Map<String, Long> byClass = new TreeMap<>();
    scala.collection.Map<String, Long> classes = row.getAs("by_class");
    if (classes != null) {
      byClass.putAll(CollectionConverters.asJava(classes));
    }
    return RowFactory.create(outlet, actor, actorNames.get(actor), period, periodStart,
        row.<Long>getAs("articles"), mentions, scored,
        interval.mean(), interval.low(), interval.high(),
        share(row.getAs("negative"), scored), share(row.getAs("neutral"), scored), share(row.getAs("positive"), scored),
        nSentence == 0 ? null : row.<Double>getAs("sum_sentence") / nSentence,
        spoken,
        scored < settings.minSupport(),
        (double) mentions / row.<Long>getAs("outlet_mentions"),
        orZero(row.getAs("quotes_about")),
        outletQuotes == null || outletQuotes == 0 ? null : (double) spoken / outletQuotes,
        CollectionConverters.asScala(byClass),
        row.<Long>getAs("syndicated_articles"));
  }

  private static long orZero(Long value) {
    return value == null ? 0L : value;
  }

  private static Double share(long count, long total) {
    return total == 0 ? null : (double) count / total;
  }
}
