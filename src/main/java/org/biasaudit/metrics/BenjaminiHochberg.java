package org.biasaudit.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Benjamini-Hochberg adjusted p-values (q-values): reading "q < 0.05" as significant keeps the expected
 * share of false discoveries among all contrasts called significant at or below 5%, under independence or
 * positive dependence of the tests (Benjamini and Yekutieli 2001).
 */
public final class BenjaminiHochberg {
  private BenjaminiHochberg() {}

  /**
   * @param pValues p-values; NaN marks a test that was not run: it keeps NaN and does not count in the family
   * @return q-values in the same order: {@code min over j >= rank of (m / j) p_(j)}, capped at 1
   */
  public static double[] adjust(double[] pValues) {
    double[] q = new double[pValues.length];
    Arrays.fill(q, Double.NaN);
    Integer[] order = new Integer[pValues.length];
    int m = 0;
    for (int i = 0; i < pValues.length; i++) {
      if (!Double.isNaN(pValues[i])) {
        if (pValues[i] < 0 || pValues[i] > 1) {
          throw new IllegalArgumentException("p-value outside [0, 1]: " + pValues[i]);
        }
        order[m++] = i;
      }
    }
    Integer[] tested = Arrays.copyOf(order, m);
    // Ties broken by position so the same input always gives the same order.
    Arrays.sort(tested, Comparator.<Integer>comparingDouble(i -> pValues[i]).thenComparingInt(i -> i));
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int index = tested[rank - 1];
      running = Math.min(running, pValues[index] * m / rank);
      q[index] = running;
    }
    return q;
  }
}
