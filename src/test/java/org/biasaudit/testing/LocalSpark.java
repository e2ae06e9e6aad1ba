package org.biasaudit.testing;

import org.apache.spark.sql.SparkSession;
import org.biasaudit.jobs.SparkSessions;

/** The SparkSession a test class shares: local, two task threads, no UI, with the audit's own settings. */
public final class LocalSpark {
  private LocalSpark() {}

  public static SparkSession session(String appName) {
    return SparkSessions.configure(SparkSession.builder().master("local[2]").appName(appName)
        .config("spark.ui.enabled", "false")).getOrCreate();
  }
}
