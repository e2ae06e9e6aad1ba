package org.biasaudit.output;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
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
  private final long rowsPerFile;

  public TableWriter(OutputDirectory output, String compression) {
    this(output, compression, ROWS_PER_FILE);
  }

  /** @param rowsPerFile how many rows a file holds at most (tests use a small number) */
  TableWriter(OutputDirectory output, String compression, long rowsPerFile) {
    this.output = output;
    this.compression = compression;
    this.rowsPerFile = rowsPerFile;
  }

  /**
   * Writes the table and returns its row count. The rows are counted as they are written (an observation), not
   * in a pass of their own: the table is computed once, with no cache to hold it between a count and a write.
   * It is written as one sorted file; a table found to hold more than {@link #ROWS_PER_FILE} rows (rare: the
   * derived tables are aggregates) is then written again, in range-partitioned files of at most that many.
   */
  public long write(String table, Dataset<Row> rows, String... sortColumns) {
    Observation observed = new Observation("rows of " + table);
    write(table, rows.observe(observed, count(lit(1)).as("rows")), 1, sortColumns);
    long count = Observations.count(Observations.await(observed), "rows");
    return count > rowsPerFile ? write(table, rows, count, sortColumns) : count;
  }

  /**
   * Writes a table whose row count the caller already knows (counted with others in one pass), which
   * saves computing the rows once more just to count them; returns that count.
   */
  public long write(String table, Dataset<Row> rows, long count, String... sortColumns) {
    int files = (int) Math.max(1, (count + rowsPerFile - 1) / rowsPerFile);
    Column[] order = Arrays.stream(sortColumns).map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> sorted = files == 1 ? rows.coalesce(1).sortWithinPartitions(order) : rows.repartitionByRange(files, order).sortWithinPartitions(order);
    sorted.write().mode(SaveMode.Overwrite).option("compression", compression).parquet(output.stagingPath(table));
    return count;
  }
}
