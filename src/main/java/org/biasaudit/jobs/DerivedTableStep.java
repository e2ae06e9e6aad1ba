package org.biasaudit.jobs;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.metrics.DerivedTables;
import org.biasaudit.output.TableWriter;

/** Writes every derived table: the step that {@code jobs/audit} and {@code jobs/aggregate} share. */
final class DerivedTableStep {
  private DerivedTableStep() {}

  static void write(SparkSession spark, TableWriter writer, Dataset<Row> articles, Dataset<Row> mentions,
      Dataset<Row> quotes, Map<String, String> actorNames, AuditConfig.Aggregation settings, Map<String, Long> rows,
      Map<String, Double> timings) {
    try (DerivedTables.Built built = DerivedTables.build(spark, articles, mentions, quotes, actorNames, settings)) {
      writeAll(writer, built.tables(), rows, timings);
    }
  }

  private static void writeAll(TableWriter writer, Map<String, DerivedTables.Table> tables, Map<String, Long> rows,
      Map<String, Double> timings) {
    for (Map.Entry<String, DerivedTables.Table> table : tables.entrySet()) {
      // The writer counts, then writes: caching keeps each table from being computed twice.
      Dataset<Row> computed = table.getValue().rows().cache();
      long start = System.nanoTime();
      rows.put(table.getKey(), writer.write(table.getKey(), computed, table.getValue().sortColumns()));
      timings.put(table.getKey(), Math.round((System.nanoTime() - start) / 1e7) / 100.0);
      computed.unpersist();
    }
  }
}
