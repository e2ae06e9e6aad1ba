package org.biasaudit.jobs;

import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import org.biasaudit.config.AuditConfig;

/**
 * Builds the SparkSession with the settings the audit's output contract needs: UTC session time, Parquet
 * timestamps as TIMESTAMP_MICROS (never INT96). Under {@code spark-submit} the master and resources come
 * from the submit command; locally they come from the config.
 */
public final class SparkSessions {
  /** {@code local}, {@code local[N]}, {@code local[*]}, and the same with a retry count: {@code local[N, F]}. */
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[\\s*(\\*|\\d+)\\s*(?:,\\s*\\d+\\s*)?])?");

  private SparkSessions() {}

  public static SparkSession create(AuditConfig config) {
    SparkSession.Builder builder = SparkSession.builder().appName("bias-audit");
    String master = System.getProperty("spark.master");
    if (master == null) {
      master = config.sparkMaster();
      builder.master(master);
      builder.config("spark.ui.enabled", "false");
    }
    configure(builder);
    localCores(master).ifPresent(cores -> oneMachine(cores).forEach(builder::config));
    return builder.getOrCreate();
  }

  /**
   * The settings every session of the audit needs, local or on a cluster, in tests too; and fair scheduling
   * between the copy search and the rest ({@link SchedulerPools}) unless the run sets its own scheduling.
   */
  public static SparkSession.Builder configure(SparkSession.Builder builder) {
    if (!SchedulerPools.chosenByRun()) {
      SchedulerPools.settings(SchedulerPools.write()).forEach(builder::config);
    }
    return builder
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .config("spark.sql.parquet.compression.codec", "zstd")
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.sql.shuffle.partitions", "16")
        .config("spark.sql.debug.maxToStringFields", "200");
  }

  /**
   * The settings of a run in local mode, where the driver is the only executor and has {@code cores} task
   * threads: the shuffles after the read (the copy search, the tables) hold megabytes, not gigabytes, so each
   * costs what Spark pays per task and per query rather than per row. Two partitions per core instead of 16
   * keep both cores busy with a quarter of the tasks, and without adaptive execution no query is split into
   * stages that are planned again one by one. At 2,000 articles on 2 cores the steps after annotation used
   * 20-24 CPU-seconds instead of 25-30 (docs/benchmarks.md, eighth round); every table was the same.
   */
  static Map<String, String> oneMachine(int cores) {
    Map<String, String> settings = new TreeMap<>();
    settings.put("spark.sql.adaptive.enabled", "false");
    settings.put("spark.sql.shuffle.partitions", Integer.toString(2 * Math.max(1, cores)));
    if (cores <= 1 && !SchedulerPools.chosenByRun()) {
      // One task slot leaves the copy search no free slot to share: at 10,000 articles on one core, runs with
      // its pool took 20 and 79 s longer than FIFO in two interleaved pairs (docs/benchmarks.md, fifteenth round).
      settings.put(SchedulerPools.MODE, "FIFO");
    }
    return settings;
  }

  /** The task threads of a local master ({@code local[*]}: this machine's cores); empty for any other master. */
  static OptionalInt localCores(String master) {
    Matcher m = LOCAL.matcher(master == null ? "" : master.strip());
    if (!m.matches()) {
      return OptionalInt.empty();
    }
    if (m.group(1) == null) {
      return OptionalInt.of(1);
    }
    return OptionalInt.of(m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(m.group(1)));
  }
}
