package org.biasaudit.metrics;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * A percentile bootstrap interval for a mention-weighted mean that resamples whole articles, because the
 * mentions of one article are not independent (one writer, one story, one tone). The statistic is
 * {@code sum(scores) / count(scores)} over the resampled articles.
 *
 * <p>Pure and deterministic: the same inputs and seed give the same interval on any machine.
 */
public final class ClusteredBootstrap {
  private ClusteredBootstrap() {}

  /** A point estimate and its interval; all null when there are no scored mentions. */
  public record Interval(Double mean, Double low, Double high) {}

  /**
   * @param sums per article, the sum of its mention scores
   * @param counts per article, the number of scored mentions (same order as {@code sums})
   */
  public static Interval meanInterval(double[] sums, long[] counts, int resamples, double confidence, long seed) {
    long total = 0;
    double sum = 0;
    for (int i = 0; i < sums.length; i++) {
      sum += sums[i];
      total += counts[i];
    }
    if (total == 0) {
      return new Interval(null, null, null);
    }
    double mean = sum / total;
    if (sums.length < 2) {
      return new Interval(mean, mean, mean);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] estimates = new double[resamples];
    int kept = 0;
    int[] picks = new int[sums.length];
    for (int r = 0; r < resamples; r++) {
      BootstrapDraws.draw(random, picks, sums.length);
      double s = 0;
      long n = 0;
      for (int pick : picks) {
        s += sums[pick];
        n += counts[pick];
      }
      if (n > 0) {
        estimates[kept++] = s / n;
      }
    }
    if (kept == 0) {
      return new Interval(mean, null, null);
    }
    double[] valid = java.util.Arrays.copyOf(estimates, kept);
    double tail = (1 - confidence) / 2 * 100;
    Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    return new Interval(mean, percentile.evaluate(valid, Math.max(tail, 1e-9)), percentile.evaluate(valid, 100 - tail));
  }

  /** A seed for one group that does not depend on where or when the group is computed. */
  public static long seedFor(long runSeed, String... keys) {
    long h = 1125899906842597L ^ runSeed;
    for (String key : keys) {
      String k = key == null ? "\u0000" : key;
      for (int i = 0; i < k.length(); i++) {
        h = 31 * h + k.charAt(i);
      }
      h = 31 * h + 0x1F;
    }
    return h;
  }
}
