package org.biasaudit.metrics;

import java.util.SplittableRandom;

/**
 * Two actors in one outlet and period. Both means come from the same articles, so the bootstrap resamples
 * the articles that name either actor together (an article naming both moves both means at once) and the
 * test uses {@link ContrastStatistics#paired}.
 */
public final class PairedContrast {
  private PairedContrast() {}

  /**
   * @param sumsA per article naming A or B, the sum of A's scored mention scores (0 when A is not named)
   * @param countsA per article, A's scored mentions; the B arrays likewise, aligned by article
   */
  public static ContrastStatistics.Estimate compute(double[] sumsA, long[] countsA, double[] sumsB, long[] countsB,
      int resamples, double confidence, long seed) {
    double ra = ContrastStatistics.ratio(sumsA, countsA);
    double rb = ContrastStatistics.ratio(sumsB, countsB);
    if (Double.isNaN(ra) || Double.isNaN(rb)) {
      return new ContrastStatistics.Estimate(null, null, null, null, null, null);
    }
    double difference = ra - rb;
    int k = sumsA.length;
    if (k < 2) {
      return new ContrastStatistics.Estimate(difference, null, null, null, null, null);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] diffs = new double[resamples];
    int kept = 0;
    int[] picks = new int[k];
    for (int r = 0; r < resamples; r++) {
      BootstrapDraws.draw(random, picks, k);
      double sa = 0;
      double sb = 0;
      long na = 0;
      long nb = 0;
      for (int pick : picks) {
        sa += sumsA[pick];
        na += countsA[pick];
        sb += sumsB[pick];
        nb += countsB[pick];
      }
      if (na > 0 && nb > 0) {
        diffs[kept++] = sa / na - sb / nb;
      }
    }
    Double[] interval = ContrastStatistics.percentileInterval(diffs, kept, confidence);
    ContrastStatistics.Test test = ContrastStatistics.paired(difference, sumsA, countsA, sumsB, countsB);
    return new ContrastStatistics.Estimate(difference, interval[0], interval[1], test.stdError(),
        test.degreesOfFreedom(), test.pValue());
  }
}
