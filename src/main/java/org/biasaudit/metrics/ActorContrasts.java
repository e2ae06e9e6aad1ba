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
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.output.TableSchemas;

/**
 * Builds {@code actor_contrasts}: within one outlet and period, actor against actor ({@link PairedContrast}),
 * for every pair of actors that each have at least {@code aggregation.min_support} scored mentions there,
 * with Benjamini-Hochberg q-values over every row of the table.
 */
public final class ActorContrasts {
  private ActorContrasts() {}

  /** @param perArticle {@link ActorOutletSummary#perArticle} */
  public static Dataset<Row> build(SparkSession spark, Dataset<Row> perArticle, AuditConfig.Aggregation settings) {
    Dataset<Row> groups = perArticle.where(col("scored").gt(0))
        .groupBy(col("outlet"), col("period"), col("period_start"))
        .agg(sort_array(collect_list(struct(col("actor_id"), col("article_id"), col("sum_target"), col("scored"))))
            .as("mentions"));
    Dataset<Row> contrasts = groups.flatMap((FlatMapFunction<Row, Row>) row -> contrasts(row, settings),
        Encoders.row(TableSchemas.ACTOR_CONTRASTS));
    return Adjust.withQValues(spark, contrasts, TableSchemas.ACTOR_CONTRASTS);
  }

  private static Iterator<Row> contrasts(Row group, AuditConfig.Aggregation settings) {
    String outlet = group.getAs("outlet");
    String period = group.getAs("period");
    Date periodStart = group.getAs("period_start");
    // actor -> article -> (sum, count); sorted maps keep every run's order the same.
    Map<String, Map<String, double[]>> byActor = new TreeMap<>();
    for (Row r : group.<Row>getList(group.fieldIndex("mentions"))) {
      byActor.computeIfAbsent(r.getString(0), a -> new TreeMap<>()).put(r.getString(1), new double[] {r.getDouble(2), r.getLong(3)});
    }
    List<String> actors = new ArrayList<>();
    for (Map.Entry<String, Map<String, double[]>> e : byActor.entrySet()) {
      long scored = 0;
      for (double[] v : e.getValue().values()) {
        scored += (long) v[1];
      }
      if (scored >= settings.minSupport()) {
        actors.add(e.getKey());
      }
    }
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < actors.size(); i++) {
      for (int j = i + 1; j < actors.size(); j++) {
        String a = actors.get(i);
        String b = actors.get(j);
        Map<String, double[]> ma = byActor.get(a);
        Map<String, double[]> mb = byActor.get(b);
        TreeMap<String, Boolean> union = new TreeMap<>();
        ma.keySet().forEach(k -> union.put(k, true));
        mb.keySet().forEach(k -> union.put(k, true));
        int k = union.size();
        double[] sa = new double[k];
        long[] na = new long[k];
        double[] sb = new double[k];
        long[] nb = new long[k];
        int at = 0;
        long shared = 0;
        for (String article : union.keySet()) {
          double[] va = ma.get(article);
          double[] vb = mb.get(article);
          if (va != null) {
            sa[at] = va[0];
            na[at] = (long) va[1];
          }
          if (vb != null) {
            sb[at] = vb[0];
            nb[at] = (long) vb[1];
          }
          if (va != null && vb != null) {
            shared++;
          }
          at++;
        }
        ContrastStatistics.Estimate e = PairedContrast.compute(sa, na, sb, nb, settings.bootstrapSamples(),
            settings.confidence(), ClusteredBootstrap.seedFor(settings.seed(), "actor_contrasts", outlet, period, a, b));
        long countA = ContrastStatistics.total(na);
        long countB = ContrastStatistics.total(nb);
        out.add(RowFactory.create(outlet, period, periodStart, a, b, (long) ma.size(), countA,
            ContrastStatistics.ratio(sa, na), (long) mb.size(), countB, ContrastStatistics.ratio(sb, nb), shared,
            e.difference(), e.ciLow(), e.ciHigh(), e.stdError(), e.degreesOfFreedom(), e.pValue(), null));
      }
    }
    return out.iterator();
  }
}
