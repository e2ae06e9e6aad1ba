package org.biasaudit.report;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints "articles done / total, rate, ETA" on the driver at a fixed interval while a stage runs. The
 * count comes from a Spark accumulator, which the driver sees as tasks finish, so it works the same in
 * local mode and on a cluster (executor stdout never reaches the user).
 */
public final class ProgressReporter implements AutoCloseable {
  private final ScheduledExecutorService timer;
  private final LongSupplier done;
  private final long total;
  private final String what;
  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private long lastPrinted = -1;

  public ProgressReporter(String what, long total, LongSupplier done, PrintStream out, Duration every) {
    this.what = what;
    this.total = total;
    this.done = done;
    this.out = out;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "bias-audit-progress");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(this::print, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void print() {
    long now = done.getAsLong();
    if (now == lastPrinted) {
      return;
    }
    lastPrinted = now;
    out.println(line(what, now, total, (System.nanoTime() - startNanos) / 1e9));
  }

  /** One progress line, e.g. {@code annotating 120/1000 articles (12%), 3.2 articles/s, ETA 4m35s}. */
  public static String line(String what, long done, long total, double elapsedSeconds) {
    double rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
    String eta = rate > 0 && done < total ? formatDuration((total - done) / rate) : done >= total ? "0s" : "unknown";
    int percent = total == 0 ? 100 : (int) (100 * done / total);
    return String.format("%s %d/%d articles (%d%%), %.1f articles/s, ETA %s", what, done, total, percent, rate, eta);
  }

  public static String formatDuration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + String.format("%02d", s % 60) + "s";
    }
    return (s / 3600) + "h" + String.format("%02d", (s % 3600) / 60) + "m";
  }

  @Override
  public void close() {
    timer.shutdownNow();
    print();
  }
}
