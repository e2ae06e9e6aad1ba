package org.biasaudit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {
  @Test
  void adjustsByRankAndKeepsTheOrderMonotone() {
    // Sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4), 0.5 (5); m = 5.
    // Raw m p / rank: 0.025, 0.025, 0.05, 0.05, 0.5; running minimum from the top changes nothing here.
    double[] q = BenjaminiHochberg.adjust(new double[] {0.01, 0.04, 0.03, 0.005, 0.5});
    assertThat(q).containsExactly(new double[] {0.025, 0.05, 0.05, 0.025, 0.5}, within(1e-12));
  }

  @Test
  void aLargerRankCanLowerASmallerOne() {
    // Raw: 0.02*3/1 = 0.06, 0.025*3/2 = 0.0375, 0.03*3/3 = 0.03 -> running min from the top: 0.03 for all.
    assertThat(BenjaminiHochberg.adjust(new double[] {0.02, 0.025, 0.03}))
        .containsExactly(new double[] {0.03, 0.03, 0.03}, within(1e-12));
  }

  @Test
  void untestedEntriesStayOutOfTheFamily() {
    double[] q = BenjaminiHochberg.adjust(new double[] {Double.NaN, 0.01, Double.NaN, 0.04});
    assertThat(q[0]).isNaN();
    assertThat(q[2]).isNaN();
    // m = 2: 0.01 * 2 / 1 = 0.02, 0.04 * 2 / 2 = 0.04.
    assertThat(q[1]).isCloseTo(0.02, within(1e-12));
    assertThat(q[3]).isCloseTo(0.04, within(1e-12));
    assertThat(BenjaminiHochberg.adjust(new double[0])).isEmpty();
    assertThat(BenjaminiHochberg.adjust(new double[] {0.9, 0.8})).containsExactly(0.9, 0.9);
  }

  @Test
  void rejectsValuesThatAreNotProbabilities() {
    assertThatThrownBy(() -> BenjaminiHochberg.adjust(new double[] {1.5})).isInstanceOf(IllegalArgumentException.class);
  }
}
