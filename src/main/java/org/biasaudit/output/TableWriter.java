package org.biasaudit.output;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Writes one output table as Parquet: rows sorted by the table's key (so the same input gives the same
 * files, and readers can skip row groups by actor and date), files of about {@link #ROWS_PER_FILE} rows
 * rather than one per Spark partition, and the codec from the config (zstd by default).
 */
public final class TableWriter {
  static final long ROWS_PER_FILE = 1_000_000;

  private final OutputDirectory output;
  private final String compression;

  public TableWriter(OutputDirectory output, String compression) {
    this.output = output;
    this.compression = compression;
  }

  /** Writes the table and returns its row count. */
  public long write(String table, Dataset<Row> rows, String... sortColumns) {
    return write(table, rows, rows.count(), sortColumns);
  }

  /**
   * Writes a table whose row count the caller already knows (counted with others in one pass), which
   * saves computing the rows once more just to count them; returns that count.
   */
  public long write(String table, Dataset<Row> rows, long count, String... sortColumns) {
    int files = (int) Math.max(1, (count + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
    Column[] order = Arrays.stream(sortColumns).map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> sorted = files == 1 ? rows.coalesce(1).sortWithinPartitions(order) : rows.repartitionByRange(files, order).sortWithinPartitions(order);
    sorted.write().mode(SaveMode.Overwrite).option("compression", compression).parquet(output.stagingPath(table));
    return count;
  }
}
