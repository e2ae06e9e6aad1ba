package org.biasaudit.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a run's table writes from a few driver threads at once, so that Spark runs their queries side by side.
 *
 * <p>Why: the tables after annotation are small next to the annotation they come from, so each write's cost is
 * Spark's fixed cost per query and stage (planning, code generation, scheduling) and, for a table written to
 * one sorted file, a last stage that runs in one task: one core works while the others wait. Writes submitted
 * here overlap those costs and fill the idle cores. Each table's rows and files are the same as when written
 * one after another: only the order in which Spark runs the queries changes.
 *
 * <p>{@link #close()} drops the writes that have not started and waits for those running to end, so that
 * after a failure no write is still creating files when the caller cleans up.
 */
final class ConcurrentWrites implements AutoCloseable {
  private final ExecutorService pool;
  private final List<Future<?>> submitted = new ArrayList<>();

  ConcurrentWrites(int threads, String threadName) {
    pool = Executors.newFixedThreadPool(threads, r -> {
      Thread thread = new Thread(r, threadName);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Starts {@code write} when a thread is free; writes start in the order submitted. */
  <T> Future<T> submit(Callable<T> write) {
    Future<T> future = pool.submit(write);
    submitted.add(future);
    return future;
  }

  /** The write's (or any other background step's) result, or its exception as thrown (a checked one wrapped). */
  static <T> T await(Future<T> write) {
    try {
      return write.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a step of the run", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    // After a failure: the writes still queued never start (a running one is not interrupted: it ends on its own).
    submitted.forEach(write -> write.cancel(false));
    pool.shutdown();
    try {
      while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        // A write of a large table on a busy cluster: keep waiting, it ends or fails on its own.
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
