package org.biasaudit.metrics;

/**
 * The log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008, "Fightin'
 * Words", eq. 16 and 18-22): how much more one group uses a word than the rest, shrunk toward the
 * background frequency so rare words do not dominate, with an approximate z-score.
 */
public final class LogOddsDirichlet {
  private LogOddsDirichlet() {}

  public record Score(double logOddsRatio, double variance, double z) {}

  /**
   * @param countGroup the word's count in the group (y_i)
   * @param totalGroup all words in the group (n_i)
   * @param countRest the word's count in the rest (y_j)
   * @param totalRest all words in the rest (n_j)
   * @param alphaWord the prior's pseudo-count for the word (alpha_0 times its background share)
   * @param alpha0 the prior's total pseudo-count
   */
  public static Score score(long countGroup, long totalGroup, long countRest, long totalRest, double alphaWord,
      double alpha0) {
    double a = countGroup + alphaWord;
    double b = countRest + alphaWord;
    double delta = Math.log(a / (totalGroup + alpha0 - a)) - Math.log(b / (totalRest + alpha0 - b));
    double variance = 1 / a + 1 / b;
    return new Score(delta, variance, delta / Math.sqrt(variance));
  }

  /** The prior's pseudo-count for a word: {@code alpha0 * background count / background total}. */
  public static double prior(long backgroundCount, long backgroundTotal, double alpha0) {
    return alpha0 * backgroundCount / backgroundTotal;
  }
}
