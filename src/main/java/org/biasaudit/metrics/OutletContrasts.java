package org.biasaudit.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.output.TableSchemas;

/**
 * Builds {@code outlet_contrasts}: per actor and period, each outlet against the rest of the corpus
 * ({@link OutletVersusRest}), with Benjamini-Hochberg q-values over every row of the table.
 */
public final class OutletContrasts {
  private OutletContrasts() {}

  /** @param perArticle {@link ActorOutletSummary#perArticle} */
  public static Dataset<Row> build(SparkSession spark, Dataset<Row> perArticle, Map<String, String> actorNames,
      AuditConfig.Aggregation settings) {
    Dataset<Row> groups = perArticle.where(col("scored").gt(0))
        .groupBy(col("actor_id"), col("period"), col("period_start"))
        .agg(sort_array(collect_list(struct(col("outlet"), col("article_id"), col("sum_target"), col("scored"))))
            .as("articles"));
    Dataset<Row> contrasts = groups.flatMap(
        (FlatMapFunction<Row, Row>) row -> contrasts(row, actorNames, settings), Encoders.row(TableSchemas.OUTLET_CONTRASTS));
    return Adjust.withQValues(spark, contrasts, TableSchemas.OUTLET_CONTRASTS);
  }

  private static Iterator<Row> contrasts(Row group, Map<String, String> actorNames, AuditConfig.Aggregation settings) {
    String actor = group.getAs("actor_id");
    String period = group.getAs("period");
    Date periodStart = group.getAs("period_start");
    List<Row> articles = group.getList(group.fieldIndex("articles"));
    // Sorted by outlet then article id: each outlet's articles are one run of the list.
    List<OutletVersusRest.Stratum> strata = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= articles.size(); i++) {
      if (i == articles.size() || !articles.get(i).getString(0).equals(articles.get(start).getString(0))) {
        double[] sums = new double[i - start];
        long[] counts = new long[i - start];
        for (int j = start; j < i; j++) {
          sums[j - start] = articles.get(j).getDouble(2);
          counts[j - start] = articles.get(j).getLong(3);
        }
        strata.add(new OutletVersusRest.Stratum(articles.get(start).getString(0), sums, counts));
        start = i;
      }
    }
    List<Row> out = new ArrayList<>();
    long seed = ClusteredBootstrap.seedFor(settings.seed(), "outlet_contrasts", actor, period);
    for (OutletVersusRest.Contrast c : OutletVersusRest.compute(strata, settings.bootstrapSamples(), settings.confidence(), seed)) {
      ContrastStatistics.Estimate e = c.estimate();
      out.add(RowFactory.create(c.outlet(), actor, actorNames.get(actor), period, periodStart, c.articles(),
          c.scoredMentions(), c.mean(), c.restArticles(), c.restScoredMentions(), c.restMean(), e.difference(),
          e.ciLow(), e.ciHigh(), e.stdError(), e.degreesOfFreedom(), e.pValue(), null,
          c.scoredMentions() < settings.minSupport() || c.restScoredMentions() < settings.minSupport()));
    }
    return out.iterator();
  }
}
