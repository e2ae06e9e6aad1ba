package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Writes run side by side; after a failure, the queued ones never start and the running ones end before close returns. */
class ConcurrentWritesTest {
  @Test
  void runsWritesSideBySide() throws Exception {
    CountDownLatch bothRunning = new CountDownLatch(2);
    try (ConcurrentWrites writes = new ConcurrentWrites(2, "test-writer")) {
      Future<Boolean> first = writes.submit(() -> {
        bothRunning.countDown();
        return bothRunning.await(10, TimeUnit.SECONDS);
      });
      Future<Boolean> second = writes.submit(() -> {
        bothRunning.countDown();
        return bothRunning.await(10, TimeUnit.SECONDS);
      });
      assertThat(ConcurrentWrites.await(first)).isTrue();
      assertThat(ConcurrentWrites.await(second)).isTrue();
    }
  }

  @Test
  void aFailureIsRethrownAsItWas() {
    try (ConcurrentWrites writes = new ConcurrentWrites(2, "test-writer")) {
      Future<Void> failing = writes.submit(() -> {
        throw new IllegalArgumentException("table X: bad column");
      });
      assertThatThrownBy(() -> ConcurrentWrites.await(failing)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("table X: bad column");
    }
  }

  @Test
  void closeWaitsForTheRunningWriteAndStartsNoQueuedOne() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean runningFinished = new AtomicBoolean();
    AtomicBoolean queuedRan = new AtomicBoolean();
    ConcurrentWrites writes = new ConcurrentWrites(1, "test-writer");
    writes.submit(() -> {
      started.countDown();
      Thread.sleep(300);
      runningFinished.set(true);
      return null;
    });
    writes.submit(() -> {
      queuedRan.set(true);
      return null;
    });
    started.await();
    // As after a failed write: close() without awaiting the others.
    writes.close();
    assertThat(runningFinished).as("close() returns only after the running write ended").isTrue();
    assertThat(queuedRan).as("a write still queued at close() never starts").isFalse();
  }
}
