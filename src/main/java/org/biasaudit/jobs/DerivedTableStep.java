package org.biasaudit.jobs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
      writeAll(writer, built.tables(), rows, timings);
    }
  }

  /**
   * The tables are small next to the annotation they come from, so their cost is Spark's fixed cost per
   * query and stage (planning, code generation, scheduling), paid on the driver one query at a time. Running
   * the tables' queries from a few driver threads at once overlaps those costs; each table's rows and
   * files are the same as when written one after another.
   */
  private static void writeAll(TableWriter writer, Map<String, DerivedTables.Table> tables, Map<String, Long> rows,
      Map<String, Double> timings) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(CONCURRENT_TABLES, tables.size()), r -> {
      Thread thread = new Thread(r, "derived-table-writer");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Map<String, Future<long[]>> pending = new LinkedHashMap<>();
      for (Map.Entry<String, DerivedTables.Table> table : tables.entrySet()) {
        pending.put(table.getKey(), pool.submit(() -> writeOne(writer, table.getKey(), table.getValue())));
      }
      for (Map.Entry<String, Future<long[]>> done : pending.entrySet()) {
        long[] result = await(done.getValue());
        rows.put(done.getKey(), result[0]);
        timings.put(done.getKey(), Math.round(result[1] / 1e7) / 100.0);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Row count and nanoseconds taken. */
  private static long[] writeOne(TableWriter writer, String name, DerivedTables.Table table) {
    long start = System.nanoTime();
    // The writer counts, then writes: caching keeps the table from being computed twice.
    Dataset<Row> computed = table.rows().cache();
    try {
      return new long[] {writer.write(name, computed, table.sortColumns()), System.nanoTime() - start};
    } finally {
      computed.unpersist();
    }
  }

  private static long[] await(Future<long[]> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the derived tables", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
