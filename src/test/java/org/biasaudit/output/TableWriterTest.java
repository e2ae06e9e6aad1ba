package org.biasaudit.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biasaudit.testing.LocalSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Row counts taken while writing, one sorted file for a small table, range-split files for a large one. */
class TableWriterTest {
  private static SparkSession spark;

  @TempDir
  Path folder;

  @BeforeAll
  static void start() {
    spark = LocalSpark.session("table-writer-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** {@code n} rows with keys n-1 .. 0 (descending, so that sorting has work to do), in 3 partitions. */
  private static Dataset<Row> rows(int n) {
    return spark.range(0, n, 1, 3).selectExpr("cast(" + (n - 1) + " - id as int) as key", "concat('row ', id) as label");
  }

  private OutputDirectory output() throws Exception {
    return OutputDirectory.prepare(folder.resolve("out").toString(), false, OutputDirectory.newRunId(), new Configuration());
  }

  private static File[] parquetFiles(String path) {
    File[] files = new File(new org.apache.hadoop.fs.Path(path).toUri().getPath()).listFiles((d, name) -> name.endsWith(".parquet"));
    Arrays.sort(files);
    return files;
  }

  /** The keys of a file or table, in the order stored. */
  private static List<Integer> keys(String path) {
    return spark.read().parquet(path).collectAsList().stream().map(r -> r.getInt(0)).toList();
  }

  @Test
  void countsTheRowsItWritesToOneSortedFile() throws Exception {
    OutputDirectory output = output();
    long written = new TableWriter(output, "zstd", 100).write("small", rows(40), "key");

    assertThat(written).isEqualTo(40);
    String path = output.stagingPath("small");
    assertThat(parquetFiles(path)).hasSize(1);
    assertThat(keys(path)).hasSize(40).isSorted();
  }

  @Test
  void aTableOverTheFileSizeIsWrittenAgainInRangeSplitFiles() throws Exception {
    OutputDirectory output = output();
    long written = new TableWriter(output, "zstd", 10).write("large", rows(35), "key");

    assertThat(written).isEqualTo(35);
    String path = output.stagingPath("large");
    File[] files = parquetFiles(path);
    assertThat(files).hasSize(4);
    // Every file sorted, and the files in key order: together, the table once, in order.
    int previous = -1;
    long total = 0;
    for (File file : files) {
      List<Integer> keys = keys(file.getPath());
      assertThat(keys).isSorted();
      assertThat(keys.get(0)).isGreaterThan(previous);
      previous = keys.get(keys.size() - 1);
      total += keys.size();
    }
    assertThat(total).isEqualTo(35);
  }

  @Test
  void anEmptyTableIsOneFileOfNoRows() throws Exception {
    OutputDirectory output = output();
    assertThat(new TableWriter(output, "zstd", 10).write("empty", rows(40).where("key < 0"), "key")).isZero();
    assertThat(spark.read().parquet(output.stagingPath("empty")).count()).isZero();
  }
}
