package org.biasaudit.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.biasaudit.testing.LocalSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The records whose id an earlier record already used ({@link AuditRun#laterRecordsOfAnId}): which they are,
 * and how they are handed to the joins that drop them.
 */
class LaterRecordsTest {
  private static final StructType RECORDS = new StructType()
      .add("article_id", DataTypes.StringType, false)
      .add("source_file", DataTypes.StringType, false)
      .add("source_row", DataTypes.LongType, false);
  private static final String[] POSITION = {"source_file", "source_row"};

  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.session("later-records-test");
  }

  /** "a" three times (first in file order: a.jsonl row 1), "b" and "c" once. */
  private static Dataset<Row> recordsWithRepeatedId() {
    return spark.createDataFrame(List.of(
        RowFactory.create("a", "b.jsonl", 0L),
        RowFactory.create("b", "a.jsonl", 0L),
        RowFactory.create("a", "a.jsonl", 5L),
        RowFactory.create("a", "a.jsonl", 1L),
        RowFactory.create("c", "b.jsonl", 1L)), RECORDS);
  }

  private static List<String> positions(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(r -> r.getString(0) + ":" + r.getLong(1)).sorted().toList();
  }

  @Test
  void laterRecordsAreAllButTheFirstOfAnIdInFileOrder() {
    AuditRun.LaterRecords later = AuditRun.laterRecordsOfAnId(spark, recordsWithRepeatedId(), 10);

    assertEquals(2, later.count());
    assertEquals(List.of("a.jsonl:5", "b.jsonl:0"), positions(later.rows()));
  }

  @Test
  void fewLaterRecordsAreATableInTheDriverAndManyStayCached() {
    AuditRun.LaterRecords held = AuditRun.laterRecordsOfAnId(spark, recordsWithRepeatedId(), 2);
    AuditRun.LaterRecords cached = AuditRun.laterRecordsOfAnId(spark, recordsWithRepeatedId(), 1);

    assertInstanceOf(LocalRelation.class, held.rows().queryExecution().analyzed());
    assertEquals(StorageLevel.NONE(), held.rows().storageLevel());
    assertFalse(cached.rows().queryExecution().analyzed() instanceof LocalRelation);
    assertNotEquals(StorageLevel.NONE(), cached.rows().storageLevel());
    assertEquals(positions(held.rows()), positions(cached.rows()));
    cached.rows().unpersist();
  }

  @Test
  void withNoRepeatedIdTheJoinThatDropsThemLeavesThePlan() {
    Dataset<Row> records = recordsWithRepeatedId().where("article_id <> 'a'");

    AuditRun.LaterRecords later = AuditRun.laterRecordsOfAnId(spark, records, AuditRun.LATER_RECORDS_IN_DRIVER);
    Dataset<Row> kept = records.join(later.rows(), POSITION, "left_anti");

    assertEquals(0, later.count());
    assertEquals(2, kept.count());
    String plan = kept.queryExecution().optimizedPlan().toString();
    assertFalse(plan.contains("Join"), plan);
  }
}
