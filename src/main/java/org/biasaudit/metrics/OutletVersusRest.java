package org.biasaudit.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One actor in one period: each outlet against the rest of the corpus (every other outlet's articles
 * pooled). Interval: a bootstrap stratified by outlet (each outlet's articles are resampled on their own,
 * so every outlet keeps its size in every replicate), giving each outlet's and the rest's mean per
 * replicate at the cost of one pass over all articles. Test: {@link ContrastStatistics#welch}.
 */
public final class OutletVersusRest {
  /** Fewest articles on each side of a contrast for it to get a p-value and enter the q-value family. */
  static final int MIN_TESTED_ARTICLES = 3;

  private OutletVersusRest() {}

  /** One outlet's articles naming the actor: per article, the sum and count of scored mention scores. */
  public record Stratum(String outlet, double[] sums, long[] counts) {}

  public record Contrast(String outlet, long articles, long scoredMentions, Double mean, long restArticles,
      long restScoredMentions, Double restMean, ContrastStatistics.Estimate estimate) {}

  /**
   * @param strata one per outlet; articles without a scored mention should be left out
   * @param seed the group's seed; each outlet's resampling stream derives from it and the outlet's name
   * @return one contrast per outlet when the rest has a scored mention, in the order of {@code strata}
   */
  public static List<Contrast> compute(List<Stratum> strata, int resamples, double confidence, long seed) {
    int outlets = strata.size();
    double[][] repSums = new double[outlets][resamples];
    long[][] repCounts = new long[outlets][resamples];
    double[] allRepSums = new double[resamples];
    long[] allRepCounts = new long[resamples];
    long totalArticles = 0;
    long totalCount = 0;
    double totalSum = 0;
    for (int o = 0; o < outlets; o++) {
      Stratum s = strata.get(o);
      totalArticles += s.sums().length;
      totalCount += ContrastStatistics.total(s.counts());
      for (double v : s.sums()) {
        totalSum += v;
      }
      SplittableRandom random = new SplittableRandom(ClusteredBootstrap.seedFor(seed, s.outlet()));
      int k = s.sums().length;
      int[] picks = new int[k];
      double[] sums = s.sums();
      long[] counts = s.counts();
      for (int r = 0; r < resamples; r++) {
        BootstrapDraws.draw(random, picks, k);
        double sum = 0;
        long count = 0;
        for (int pick : picks) {
          sum += sums[pick];
          count += counts[pick];
        }
        repSums[o][r] = sum;
        repCounts[o][r] = count;
        allRepSums[r] += sum;
        allRepCounts[r] += count;
      }
    }

    List<Contrast> out = new ArrayList<>();
    for (int o = 0; o < outlets; o++) {
      Stratum s = strata.get(o);
      long count = ContrastStatistics.total(s.counts());
      double sum = 0;
      for (double v : s.sums()) {
        sum += v;
      }
      long restCount = totalCount - count;
      long restArticles = totalArticles - s.sums().length;
      if (count == 0 || restCount == 0) {
        continue;
      }
      double mean = sum / count;
      double restMean = (totalSum - sum) / restCount;
      double difference = mean - restMean;
      ContrastStatistics.Estimate estimate;
      if (s.sums().length < 2 || restArticles < 2) {
        estimate = new ContrastStatistics.Estimate(difference, null, null, null, null, null);
      } else {
        double[] diffs = new double[resamples];
        int kept = 0;
        for (int r = 0; r < resamples; r++) {
          long restN = allRepCounts[r] - repCounts[o][r];
          if (repCounts[o][r] > 0 && restN > 0) {
            diffs[kept++] = repSums[o][r] / repCounts[o][r] - (allRepSums[r] - repSums[o][r]) / restN;
          }
        }
        Double[] interval = ContrastStatistics.percentileInterval(diffs, kept, confidence);
        RestArrays rest = rest(strata, o, (int) restArticles);
        ContrastStatistics.Test test = ContrastStatistics.welch(difference, s.sums(), s.counts(), rest.sums, rest.counts);
        // With one or two articles on a side the cluster-robust variance rests on too few clusters to be
        // trusted; such a contrast keeps its estimate and interval but is not tested (no p, no q).
        boolean testable = s.sums().length >= MIN_TESTED_ARTICLES && restArticles >= MIN_TESTED_ARTICLES;
        estimate = new ContrastStatistics.Estimate(difference, interval[0], interval[1], test.stdError(),
            test.degreesOfFreedom(), testable ? test.pValue() : null);
      }
      out.add(new Contrast(s.outlet(), s.sums().length, count, mean, restArticles, restCount, restMean, estimate));
    }
    return out;
  }

  private record RestArrays(double[] sums, long[] counts) {}

  private static RestArrays rest(List<Stratum> strata, int except, int size) {
    double[] sums = new double[size];
    long[] counts = new long[size];
    int at = 0;
    for (int o = 0; o < strata.size(); o++) {
      if (o == except) {
        continue;
      }
      Stratum s = strata.get(o);
      System.arraycopy(s.sums(), 0, sums, at, s.sums().length);
      System.arraycopy(s.counts(), 0, counts, at, s.counts().length);
      at += s.sums().length;
    }
    return new RestArrays(sums, counts);
  }
}
