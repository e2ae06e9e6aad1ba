package org.biasaudit.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.metrics.DerivedTables;
import org.biasaudit.output.TableWriter;

/** Writes every derived table: the step that {@code jobs/audit} and {@code jobs/aggregate} share. */
final class DerivedTableStep {
  /** How many derived tables are computed at once. */
  static final int CONCURRENT_TABLES = 3;

  private DerivedTableStep() {}

  static void write(SparkSession spark, TableWriter writer, Dataset<Row> articles, Dataset<Row> mentions,
      Dataset<Row> quotes, Map<String, String> actorNames, AuditConfig.Aggregation settings, Map<String, Long> rows,
      Map<String, Double> timings) {
    try (DerivedTables.Built built = DerivedTables.build(spark, articles, mentions, quotes, actorNames, settings)) {
      writeAll(spark, writer, built.tables(), rows, timings);
    }
  }

  /**
   * The tables are small next to the annotation they come from, so their cost is Spark's fixed cost per
   * query and stage, paid on the driver one query at a time: {@value #CONCURRENT_TABLES} at a time overlap
   * those costs ({@link ConcurrentWrites}).
   */
  private static void writeAll(SparkSession spark, TableWriter writer, Map<String, DerivedTables.Table> tables,
      Map<String, Long> rows, Map<String, Double> timings) {
    try (ConcurrentWrites writes = new ConcurrentWrites(Math.min(CONCURRENT_TABLES, tables.size()), "derived-table-writer")) {
      Map<String, Future<long[]>> pending = new LinkedHashMap<>();
      for (Map.Entry<String, DerivedTables.Table> table : tables.entrySet()) {
        pending.put(table.getKey(), writes.submit(() -> writeOne(spark, writer, table.getKey(), table.getValue())));
      }
      for (Map.Entry<String, Future<long[]>> done : pending.entrySet()) {
        long[] result = ConcurrentWrites.await(done.getValue());
        rows.put(done.getKey(), result[0]);
        timings.put(done.getKey(), Math.round(result[1] / 1e7) / 100.0);
      }
    }
  }

  /** Row count and nanoseconds taken. */
  private static long[] writeOne(SparkSession spark, TableWriter writer, String name, DerivedTables.Table table) {
    long start = System.nanoTime();
    // Names the table's Spark jobs in the UI and the event log (a property of this writer thread).
    spark.sparkContext().setJobDescription("bias-audit: " + name);
    // The writer counts the rows as it writes them: no cache, one computation.
    return new long[] {writer.write(name, table.rows(), table.sortColumns()), System.nanoTime() - start};
  }
}
