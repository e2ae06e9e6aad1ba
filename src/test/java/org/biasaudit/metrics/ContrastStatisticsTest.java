package org.biasaudit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ContrastStatisticsTest {
  // Side A: three articles, sums (1.0, -0.5, 0.3) over (2, 1, 1) scored mentions: mean 0.8 / 4 = 0.2.
  // Residuals s_i - r n_i = (0.6, -0.7, 0.1); divided by N = 4: (0.15, -0.175, 0.025);
  // squares sum to 0.05375; times k/(k-1) = 3/2 gives 0.080625.
  private static final double[] SUMS_A = {1.0, -0.5, 0.3};
  private static final long[] COUNTS_A = {2, 1, 1};
  // Side B: sums (0.2, 0.1, 0.9) over (1, 2, 1): mean 1.2 / 4 = 0.3; residuals (-0.1, -0.5, 0.6) / 4,
  // squares 0.03875, times 3/2 = 0.058125.
  private static final double[] SUMS_B = {0.2, 0.1, 0.9};
  private static final long[] COUNTS_B = {1, 2, 1};

  @Test
  void linearizedVarianceOfARatioMean() {
    assertThat(ContrastStatistics.ratio(SUMS_A, COUNTS_A)).isCloseTo(0.2, within(1e-12));
    assertThat(ContrastStatistics.linearizedVariance(SUMS_A, COUNTS_A)).isCloseTo(0.080625, within(1e-12));
    assertThat(ContrastStatistics.linearizedVariance(SUMS_B, COUNTS_B)).isCloseTo(0.058125, within(1e-12));
    assertThat(ContrastStatistics.linearizedVariance(new double[] {1.0}, new long[] {1})).isNaN();
  }

  @Test
  void welchTestOnArticleClusters() {
    // se = sqrt(0.080625 + 0.058125) = 0.372492; Welch-Satterthwaite df = 0.13875^2 / (0.080625^2/2 + 0.058125^2/2)
    // = 3.89751; t = 0.1 / 0.372492 = 0.268462; two-sided p from t(3.89751) = 0.801952 (scipy.stats.t.sf).
    ContrastStatistics.Test test = ContrastStatistics.welch(-0.1, SUMS_A, COUNTS_A, SUMS_B, COUNTS_B);
    assertThat(test.stdError()).isCloseTo(0.3724916106, within(1e-9));
    assertThat(test.degreesOfFreedom()).isCloseTo(3.8975088968, within(1e-9));
    assertThat(test.pValue()).isCloseTo(0.8019516716, within(1e-7));
  }

  @Test
  void welchNeedsTwoArticlesAndVariationOnEachSide() {
    assertThat(ContrastStatistics.welch(0.1, new double[] {1.0}, new long[] {1}, SUMS_B, COUNTS_B).pValue()).isNull();
    // Every article has the same per-mention mean on both sides: no variation, no test.
    assertThat(ContrastStatistics.welch(0.0, new double[] {1, 2}, new long[] {1, 2}, new double[] {3, 3}, new long[] {3, 3})
        .pValue()).isNull();
  }

  @Test
  void pairedTestForTwoActorsInTheSameArticles() {
    // Four articles; A: sums (0.6, 0, -0.4, 0.9) over (2, 0, 1, 3), mean 1.1/6; B: (0.1, -0.3, 0, 0.2) over
    // (1, 2, 0, 1), mean 0; difference 0.183333. u_i - v_i over the articles, k/(k-1) = 4/3:
    // se = 0.143013, t(3) two-sided p = 0.289955 (computed with scipy).
    double[] sa = {0.6, 0.0, -0.4, 0.9};
    long[] na = {2, 0, 1, 3};
    double[] sb = {0.1, -0.3, 0.0, 0.2};
    long[] nb = {1, 2, 0, 1};
    ContrastStatistics.Test test = ContrastStatistics.paired(0.18333333333333335, sa, na, sb, nb);
    assertThat(test.stdError()).isCloseTo(0.1430128487, within(1e-9));
    assertThat(test.degreesOfFreedom()).isEqualTo(3.0);
    assertThat(test.pValue()).isCloseTo(0.2899554375, within(1e-7));

    ContrastStatistics.Estimate estimate = PairedContrast.compute(sa, na, sb, nb, 2000, 0.95, 7);
    assertThat(estimate.difference()).isCloseTo(0.18333333333, within(1e-9));
    assertThat(estimate.pValue()).isEqualTo(test.pValue());
    assertThat(estimate.ciLow()).isLessThan(estimate.difference());
    assertThat(estimate.ciHigh()).isGreaterThan(estimate.difference());
  }

  @Test
  void percentileIntervalUsesOnlyTheKeptReplicates() {
    double[] replicates = {5, 1, 3, 2, 4, 99, 99};
    Double[] interval = ContrastStatistics.percentileInterval(replicates, 5, 0.5);
    // R type 7 quartiles of 1..5: 2 and 4.
    assertThat(interval[0]).isEqualTo(2.0);
    assertThat(interval[1]).isEqualTo(4.0);
    assertThat(ContrastStatistics.percentileInterval(replicates, 0, 0.95)).containsExactly(null, null);
  }
}
