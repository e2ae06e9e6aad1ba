package org.biasaudit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogOddsDirichletTest {
  @Test
  void monroeColaresiQuinnFormula() {
    // The word: 7 of 250 words in the outlet, 1 of 300 in the rest; background 8 of 550; alpha0 = 100.
    // alpha_w = 100 * 8 / 550 = 1.454545
    // delta = ln(8.454545 / (250 + 100 - 8.454545)) - ln(2.454545 / (300 + 100 - 2.454545)) = 1.388591
    // variance = 1 / 8.454545 + 1 / 2.454545 = 0.525687; z = 1.388591 / sqrt(0.525687) = 1.915185
    double alphaWord = LogOddsDirichlet.prior(8, 550, 100);
    assertThat(alphaWord).isCloseTo(1.4545454545, within(1e-9));
    LogOddsDirichlet.Score score = LogOddsDirichlet.score(7, 250, 1, 300, alphaWord, 100);
    assertThat(score.logOddsRatio()).isCloseTo(1.3885911330, within(1e-9));
    assertThat(score.variance()).isCloseTo(0.5256869773, within(1e-9));
    assertThat(score.z()).isCloseTo(1.9151852065, within(1e-9));
  }

  @Test
  void aWordUsedAlikeScoresZeroAndTheSignFollowsTheGroup() {
    // Same rate in both groups (10 of 500 each): no difference.
    double alpha = LogOddsDirichlet.prior(20, 1000, 100);
    assertThat(LogOddsDirichlet.score(10, 500, 10, 500, alpha, 100).z()).isCloseTo(0.0, within(1e-12));
    assertThat(LogOddsDirichlet.score(2, 500, 18, 500, alpha, 100).z()).isNegative();
  }

  @Test
  void thePriorShrinksRareWords() {
    // Once against never: with a weak prior the rare word looks distinctive, a stronger prior damps it.
    double weak = LogOddsDirichlet.score(1, 100, 0, 100, LogOddsDirichlet.prior(1, 200, 1), 1).logOddsRatio();
    double strong = LogOddsDirichlet.score(1, 100, 0, 100, LogOddsDirichlet.prior(1, 200, 1000), 1000).logOddsRatio();
    assertThat(strong).isLessThan(weak);
  }
}
