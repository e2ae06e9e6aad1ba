package org.biasaudit.metrics;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The statistics shared by the contrast tables. Every mean is a ratio estimator over articles (clusters):
 * {@code sum of mention scores / number of scored mentions}. Its standard error is the linearised
 * (delta-method, cluster-robust) one, which treats articles, not mentions, as the independent units.
 */
public final class ContrastStatistics {
  private ContrastStatistics() {}

  /** A difference of two means with its interval and test; any part is null when it cannot be computed. */
  public record Estimate(Double difference, Double ciLow, Double ciHigh, Double stdError, Double degreesOfFreedom,
      Double pValue) {}

  /** A t-test's standard error, degrees of freedom and two-sided p-value. */
  public record Test(Double stdError, Double degreesOfFreedom, Double pValue) {
    static final Test NONE = new Test(null, null, null);
  }

  public static double ratio(double[] sums, long[] counts) {
    double s = 0;
    long n = 0;
    for (int i = 0; i < sums.length; i++) {
      s += sums[i];
      n += counts[i];
    }
    return n == 0 ? Double.NaN : s / n;
  }

  static long total(long[] counts) {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  /**
   * Linearised variance of the ratio mean: {@code k/(k-1) * sum_i ((s_i - r n_i) / N)^2} over k articles.
   * NaN with fewer than two articles.
   */
  public static double linearizedVariance(double[] sums, long[] counts) {
    int k = sums.length;
    long total = total(counts);
    if (k < 2 || total == 0) {
      return Double.NaN;
    }
    double r = ratio(sums, counts);
    double acc = 0;
    for (int i = 0; i < k; i++) {
      double u = (sums[i] - r * counts[i]) / total;
      acc += u * u;
    }
    return acc * k / (k - 1);
  }

  /**
   * Welch's test for two independent samples of articles: linearised variances, Welch-Satterthwaite
   * degrees of freedom (each side has articles - 1).
   */
  public static Test welch(double difference, double[] sumsA, long[] countsA, double[] sumsB, long[] countsB) {
    double va = linearizedVariance(sumsA, countsA);
    double vb = linearizedVariance(sumsB, countsB);
    if (Double.isNaN(va) || Double.isNaN(vb) || va + vb <= 0) {
      return Test.NONE;
    }
    double df = (va + vb) * (va + vb) / (va * va / (sumsA.length - 1) + vb * vb / (sumsB.length - 1));
    return tTest(difference, Math.sqrt(va + vb), df);
  }

  /**
   * The test for two means measured on the same articles (two actors in one outlet): the arrays are aligned
   * by article, an article naming only one actor has zero sum and count on the other side. Variance of
   * the difference {@code k/(k-1) * sum_i (u_i - v_i)^2} with k - 1 degrees of freedom.
   */
  public static Test paired(double difference, double[] sumsA, long[] countsA, double[] sumsB, long[] countsB) {
    int k = sumsA.length;
    long na = total(countsA);
    long nb = total(countsB);
    if (k < 2 || na == 0 || nb == 0) {
      return Test.NONE;
    }
    double ra = ratio(sumsA, countsA);
    double rb = ratio(sumsB, countsB);
    double acc = 0;
    for (int i = 0; i < k; i++) {
      double d = (sumsA[i] - ra * countsA[i]) / na - (sumsB[i] - rb * countsB[i]) / nb;
      acc += d * d;
    }
    double variance = acc * k / (k - 1);
    if (variance <= 0) {
      return Test.NONE;
    }
    return tTest(difference, Math.sqrt(variance), k - 1);
  }

  static Test tTest(double difference, double stdError, double df) {
    double t = Math.abs(difference) / stdError;
    double p = 2 * new TDistribution(null, df).cumulativeProbability(-t);
    return new Test(stdError, df, Math.min(1.0, p));
  }

  /** Percentile interval (type 7) of the first {@code kept} replicates; nulls when there are none. */
  public static Double[] percentileInterval(double[] replicates, int kept, double confidence) {
    if (kept == 0) {
      return new Double[] {null, null};
    }
    double[] valid = Arrays.copyOf(replicates, kept);
    double tail = (1 - confidence) / 2 * 100;
    Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    return new Double[] {percentile.evaluate(valid, Math.max(tail, 1e-9)), percentile.evaluate(valid, 100 - tail)};
  }
}
