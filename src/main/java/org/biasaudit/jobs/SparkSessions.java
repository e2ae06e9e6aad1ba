package org.biasaudit.jobs;

import org.apache.spark.sql.SparkSession;
import org.biasaudit.config.AuditConfig;

/**
 * Builds the SparkSession with the settings the audit's output contract needs: UTC session time, Parquet
 * timestamps as TIMESTAMP_MICROS (never INT96). Under {@code spark-submit} the master and resources come
 * from the submit command; locally they come from the config.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(AuditConfig config) {
    SparkSession.Builder builder = SparkSession.builder().appName("bias-audit");
    if (System.getProperty("spark.master") == null) {
      builder.master(config.sparkMaster());
      builder.config("spark.ui.enabled", "false");
    }
    return configure(builder).getOrCreate();
  }

  /** The settings every session of the audit needs, local or on a cluster, in tests too. */
  public static SparkSession.Builder configure(SparkSession.Builder builder) {
    return builder
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .config("spark.sql.parquet.compression.codec", "zstd")
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.sql.shuffle.partitions", "16")
        .config("spark.sql.debug.maxToStringFields", "200");
  }
}
