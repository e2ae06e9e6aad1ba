package org.biasaudit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutletVersusRestTest {
  private static OutletVersusRest.Stratum stratum(String outlet, double[] sums, long[] counts) {
    return new OutletVersusRest.Stratum(outlet, sums, counts);
  }

  @Test
  void eachOutletAgainstThePooledRest() {
    List<OutletVersusRest.Stratum> strata = List.of(
        stratum("A", new double[] {1.0, -0.5, 0.3}, new long[] {2, 1, 1}),
        stratum("B", new double[] {0.2, 0.1}, new long[] {1, 2}),
        stratum("C", new double[] {0.9}, new long[] {1}));
    List<OutletVersusRest.Contrast> contrasts = OutletVersusRest.compute(strata, 1000, 0.95, 42);
    assertThat(contrasts).extracting(OutletVersusRest.Contrast::outlet).containsExactly("A", "B", "C");

    // A against B + C pooled: the same numbers as ContrastStatisticsTest's Welch example (0.2 vs 1.2/4 = 0.3).
    OutletVersusRest.Contrast a = contrasts.get(0);
    assertThat(a.mean()).isCloseTo(0.2, within(1e-12));
    assertThat(a.restMean()).isCloseTo(0.3, within(1e-12));
    assertThat(a.restArticles()).isEqualTo(3);
    assertThat(a.restScoredMentions()).isEqualTo(4);
    assertThat(a.estimate().difference()).isCloseTo(-0.1, within(1e-12));
    assertThat(a.estimate().pValue()).isCloseTo(0.8019516716, within(1e-7));
    assertThat(a.estimate().ciLow()).isLessThan(-0.1);
    assertThat(a.estimate().ciHigh()).isGreaterThan(-0.1);

    // C has one article: a difference, but no interval or test.
    OutletVersusRest.Contrast c = contrasts.get(2);
    assertThat(c.estimate().difference()).isCloseTo(0.9 - (0.8 + 0.3) / 7, within(1e-12));
    assertThat(c.estimate().pValue()).isNull();
    assertThat(c.estimate().ciLow()).isNull();
  }

  @Test
  void sameInputAndSeedGiveTheSameInterval() {
    List<OutletVersusRest.Stratum> strata = List.of(
        stratum("A", new double[] {1.0, -0.5, 0.3, 0.2}, new long[] {2, 1, 1, 1}),
        stratum("B", new double[] {0.2, 0.1, -0.3}, new long[] {1, 2, 1}));
    var first = OutletVersusRest.compute(strata, 500, 0.95, 9).get(0).estimate();
    var again = OutletVersusRest.compute(strata, 500, 0.95, 9).get(0).estimate();
    var other = OutletVersusRest.compute(strata, 500, 0.95, 10).get(0).estimate();
    assertThat(again).isEqualTo(first);
    assertThat(other.ciLow()).isNotEqualTo(first.ciLow());
  }

  @Test
  void aLoneOutletHasNoRestToCompareWith() {
    assertThat(OutletVersusRest.compute(List.of(stratum("A", new double[] {1, 2}, new long[] {1, 1})), 100, 0.95, 1))
        .isEmpty();
  }

  @Test
  void aClearDifferenceIsSignificantAndItsIntervalExcludesZero() {
    double[] low = new double[12];
    long[] ones = new long[12];
    double[] high = new double[12];
    for (int i = 0; i < 12; i++) {
      low[i] = -0.3 + 0.01 * (i % 5);
      high[i] = 0.05 + 0.01 * (i % 4);
      ones[i] = 1;
    }
    var contrast = OutletVersusRest.compute(List.of(stratum("hostile", low, ones), stratum("others", high, ones)), 1000,
        0.95, 3).get(0).estimate();
    assertThat(contrast.pValue()).isLessThan(1e-6);
    assertThat(contrast.ciHigh()).isLessThan(0);
  }
}
