package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.biasaudit.metrics.SyndicatedCopies;
import org.biasaudit.output.TableSchemas;
import org.biasaudit.testing.LocalSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The copy search beside the annotation: when it starts, what it returns, and that its tasks share the slots. */
class CopySearchTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.session("copy-search-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static SyndicatedCopies.Found found(String... ids) {
    List<Row> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add(RowFactory.create(id, ids[0]));
    }
    return new SyndicatedCopies.Found(spark.createDataFrame(rows, TableSchemas.DUPLICATE_GROUPS), ids.length, 1);
  }

  @Test
  void theSearchWaitsForStartAndReturnsItsResult() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    try (CopySearch search = new CopySearch(spark, () -> {
      runs.incrementAndGet();
      return found("a-1", "b-1");
    })) {
      Thread.sleep(200);
      assertThat(runs).hasValue(0);
      search.start();
      search.start();
      assertThat(search.result().articlesInGroups()).isEqualTo(2);
    }
    assertThat(runs).hasValue(1);
  }

  @Test
  void aRunThatFailsBeforeTheSearchStartsNeverRunsIt() {
    AtomicInteger runs = new AtomicInteger();
    CopySearch search = new CopySearch(spark, () -> {
      runs.incrementAndGet();
      return found("a-1", "b-1");
    });
    search.close();
    assertThat(runs).hasValue(0);
  }

  @Test
  void theSearchsFailureReachesTheRun() {
    try (CopySearch search = new CopySearch(spark, () -> {
      throw new IllegalArgumentException("no texts");
    })) {
      assertThatThrownBy(search::result).isInstanceOf(IllegalArgumentException.class).hasMessage("no texts");
    }
  }

  /**
   * Two described jobs, as the annotation's query runs them: one of a single stage (a broadcast, in the
   * annotation), then one whose second stage reads a shuffle and has 12 tasks of 150 ms, on 2 task threads. A
   * "search" of one job of 4 tasks starts when that second stage is queued. In its own scheduler pool its tasks
   * take free slots while that stage still has tasks waiting: all 4 start before the last of the stage's tasks
   * does. (In the default pool, first in, first out, they would all start after it.)
   */
  @Test
  void theSearchsTasksShareTheSlotsWithTheDescribedJobsTasks() {
    assertThat(spark.sparkContext().getSchedulingMode().toString()).isEqualTo("FAIR");
    assertThat(spark.sparkContext().getPoolForName(SchedulerPools.COPY_SEARCH).isDefined()).isTrue();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Long> searchTaskStarts = Collections.synchronizedList(new ArrayList<>());
    try (CopySearch search = new CopySearch(spark, () -> {
      searchTaskStarts.addAll(jsc.parallelize(List.of(1, 2, 3, 4), 4).map(i -> System.nanoTime()).collect());
      return found("a-1", "b-1");
    }); CopySearch.Listening listening = CopySearch.whenStageAfterShuffleQueued(spark, "described", search::start)) {
      spark.sparkContext().setJobDescription("described");
      List<Long> describedStarts;
      try {
        assertThat(jsc.parallelize(List.of(1, 2, 3, 4), 4).count()).isEqualTo(4);
        describedStarts = jsc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 2)
            .mapToPair(i -> new scala.Tuple2<>(i, i)).repartition(12)
            .map(pair -> {
              long started = System.nanoTime();
              Thread.sleep(150);
              return started;
            }).collect();
      } finally {
        spark.sparkContext().setJobDescription(null);
      }
      search.result();
      assertThat(searchTaskStarts).hasSize(4);
      long lastDescribedStart = Collections.max(describedStarts);
      assertThat(Collections.max(searchTaskStarts)).isLessThan(lastDescribedStart);
    }
  }
}
