package org.biasaudit.output;

import java.util.Map;
import org.apache.spark.sql.Observation;

/** The metrics an {@link Observation} took while its query ran (counts taken on a write, not in a query of their own). */
public final class Observations {
  private Observations() {}

  /** The observed metrics by name, once the observed query has run (waits for it). */
  public static Map<String, Object> await(Observation observation) {
    try {
      return observation.getAsJava();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while counting " + observation.name(), e);
    }
  }

  /** One observed count. */
  public static long count(Map<String, Object> observed, String name) {
    return ((Number) observed.get(name)).longValue();
  }
}
