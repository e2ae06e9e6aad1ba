package org.biasaudit.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fair scheduling between two pools of Spark jobs: {@code default} (the annotation, the tables, everything
 * else) and {@value #COPY_SEARCH} (the search for syndicated copies, which runs beside the annotation).
 *
 * <p>Why: under Spark's default FIFO scheduling a later job's tasks wait for every task of an earlier job, so
 * the copy search, started beside the annotation, got only the slots of the annotation's last tasks, and most
 * of it ran after the annotation: 4-6 s of a 10,000-article run on 2 cores, 25-36 s of a 50,000-article run,
 * much of it the driver planning the search's short stages one after another while a core waited. With a pool
 * of its own the search's tasks take their fair share of the slots while the annotation runs, and its stages
 * are planned while the annotation works; within each pool jobs stay first in, first out. The CPU work is the
 * same; only when it runs changes, never a result (docs/benchmarks.md, fifteenth round).
 *
 * <p>Spark reads pools from an allocation file when its context starts: the file is written to the driver's
 * temporary directory and deleted when the JVM exits. A run that sets {@code spark.scheduler.mode} or
 * {@code spark.scheduler.allocation.file} itself ({@code spark-submit --conf}, {@code spark-defaults.conf})
 * keeps its own scheduling; under FIFO the search simply waits for the annotation's tasks. A local run with one
 * task slot stays FIFO ({@link SparkSessions#oneMachine}): measured slower with the pools there.
 */
final class SchedulerPools {
  /** The pool of the copy search's jobs (the thread-local {@code spark.scheduler.pool}). */
  static final String COPY_SEARCH = "copy-search";

  static final String MODE = "spark.scheduler.mode";
  static final String ALLOCATION_FILE = "spark.scheduler.allocation.file";

  /** Whether the run chose its own scheduling (a system property, as spark-submit sets its settings). */
  static boolean chosenByRun() {
    return System.getProperty(MODE) != null || System.getProperty(ALLOCATION_FILE) != null;
  }

  static final String ALLOCATIONS = """
      <?xml version="1.0"?>
      <allocations>
        <pool name="default">
          <schedulingMode>FIFO</schedulingMode>
          <weight>1</weight>
          <minShare>0</minShare>
        </pool>
        <pool name="%s">
          <schedulingMode>FIFO</schedulingMode>
          <weight>1</weight>
          <minShare>0</minShare>
        </pool>
      </allocations>
      """.formatted(COPY_SEARCH);

  private SchedulerPools() {}

  /** Writes the allocation file to a temporary file, deleted when the JVM exits. */
  static Path write() {
    try {
      Path file = Files.createTempFile("bias-audit-pools-", ".xml");
      file.toFile().deleteOnExit();
      Files.writeString(file, ALLOCATIONS);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Spark scheduler pools' file", e);
    }
  }

  /**
   * The Spark settings that turn fair scheduling on with the pools of {@code allocations}, a file on the
   * driver's machine (a {@code file:} URI, so that a cluster's default file system is not asked for it).
   */
  static Map<String, String> settings(Path allocations) {
    Map<String, String> settings = new TreeMap<>();
    settings.put(MODE, "FAIR");
    settings.put(ALLOCATION_FILE, allocations.toUri().toString());
    return settings;
  }
}
