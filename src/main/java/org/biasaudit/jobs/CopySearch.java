package org.biasaudit.jobs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.sql.SparkSession;
import org.biasaudit.metrics.SyndicatedCopies;

/**
 * The search for syndicated copies, run on a driver thread of its own beside the annotation instead of
 * before it.
 *
 * <p>Why: the search is a few short Spark queries whose cost is mostly the driver's (planning, generated
 * code) and a last stage or two that keep one core busy while the other waits. Run before the annotation it
 * added 6-8 s to a 10,000-article run on 2 cores. It starts once the annotation's annotating stage is queued
 * (so that it never delays the shuffle that feeds that stage), and its jobs run in a scheduler pool of their
 * own ({@link SchedulerPools}): its tasks take their fair share of the task slots while the annotation runs,
 * and it is done long before the annotation is. The result is the same as run alone; only the order of the
 * work changes. (Where a run keeps Spark's FIFO scheduling, the search's tasks wait for the annotation's and
 * fill the slots its last tasks leave idle: still correct, only later done.)
 */
final class CopySearch implements AutoCloseable {
  /** The Spark job group of the search's queries, by which a failed run cancels them. */
  static final String JOB_GROUP = "bias-audit copy search";

  private final SparkSession spark;
  private final CountDownLatch go = new CountDownLatch(1);
  private final CompletableFuture<SyndicatedCopies.Found> result = new CompletableFuture<>();
  private final Thread thread;
  private volatile boolean cancelled;
  private volatile boolean running;

  /** Starts the search's thread, which waits for {@link #start()}. */
  CopySearch(SparkSession spark, Supplier<SyndicatedCopies.Found> search) {
    this.spark = spark;
    // Created here, on the caller's thread, so that it inherits the caller's Spark properties, not those of the
    // listener thread that calls start().
    thread = new Thread(() -> {
      try {
        go.await();
        if (cancelled) {
          result.cancel(false);
          return;
        }
        running = true;
        spark.sparkContext().setJobGroup(JOB_GROUP, "syndicated copies", true);
        spark.sparkContext().setLocalProperty("spark.scheduler.pool", SchedulerPools.COPY_SEARCH);
        result.complete(search.get());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, "copy-search");
    thread.setDaemon(true);
    thread.start();
  }

  /** Lets the search begin; later calls do nothing. */
  void start() {
    go.countDown();
  }

  /** The copies found: starts the search if nothing has, and waits for it. Its exception, if it failed. */
  SyndicatedCopies.Found result() {
    start();
    return ConcurrentWrites.await(result);
  }

  /**
   * After a failed run: the search never starts, or its running queries are cancelled; then waits for its
   * thread to end, so that nothing of the run is still writing when the caller cleans up.
   */
  @Override
  public void close() {
    if (!result.isDone()) {
      cancelled = true;
      go.countDown();
      if (running) {
        spark.sparkContext().cancelJobGroup(JOB_GROUP);
      }
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A listener to remove: closing throws nothing. */
  interface Listening extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Calls {@code action} once a stage of a Spark job with {@code description} is submitted that reads a shuffle:
   * the annotation's stage that annotates, after the shuffle that distributes the articles (the query's other
   * jobs, such as a broadcast of the small side of a join, read none). Close to stop listening.
   */
  static Listening whenStageAfterShuffleQueued(SparkSession spark, String description, Runnable action) {
    SparkListener listener = new SparkListener() {
      @Override
      public void onStageSubmitted(SparkListenerStageSubmitted stage) {
        if (stage.properties() != null && description.equals(stage.properties().getProperty("spark.job.description"))
            && !stage.stageInfo().parentIds().isEmpty()) {
          action.run();
        }
      }
    };
    spark.sparkContext().addSparkListener(listener);
    return () -> spark.sparkContext().removeSparkListener(listener);
  }
}
