package org.biasaudit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The exact check behind every candidate pair, and the banding's promise at the default threshold. */
class SyndicatedCopiesTest {
  @Test
  void bandsMakeCopiesCandidatesAndUnrelatedArticlesRarelySo() {
    // P(candidate) = 1 - (1 - J^ROWS)^BANDS
    double atDefaultThreshold = 1 - Math.pow(1 - Math.pow(0.6, SyndicatedCopies.ROWS), SyndicatedCopies.BANDS);
    double unrelated = 1 - Math.pow(1 - Math.pow(0.1, SyndicatedCopies.ROWS), SyndicatedCopies.BANDS);
    assertThat(atDefaultThreshold).isGreaterThan(0.95);
    assertThat(unrelated).isLessThan(0.01);
  }

  @Test
  void signatureEstimateKeepsPairsNearTheThresholdAndDismissesOthers() {
    int[] xValues = new int[100];
    int[] yValues = new int[100];
    for (int i = 0; i < 100; i++) {
      xValues[i] = i;
      yValues[i] = i < 45 ? i : -i;
    }
    byte[] x = SyndicatedCopies.lowBytes(xValues);
    byte[] y = SyndicatedCopies.lowBytes(yValues);
    // 45 of 100 values agree: kept for the exact check at a floor of 0.4, dismissed at 0.5.
    assertThat(SyndicatedCopies.estimatedSimilarityAtLeast(x, y, 0.4)).isTrue();
    assertThat(SyndicatedCopies.estimatedSimilarityAtLeast(x, y, 0.45)).isTrue();
    assertThat(SyndicatedCopies.estimatedSimilarityAtLeast(x, y, 0.5)).isFalse();
    assertThat(SyndicatedCopies.estimatedSimilarityAtLeast(x, x, 1.0)).isTrue();
    // A threshold below the margin keeps every pair of the bucket.
    assertThat(SyndicatedCopies.estimatedSimilarityAtLeast(x, new byte[100], -0.1)).isTrue();
  }

  @Test
  void lowBytesCanOnlyRaiseTheEstimate() {
    // 256 apart: unequal values with the same lowest byte count as agreeing; equal values always do.
    int[] xValues = new int[100];
    int[] yValues = new int[100];
    for (int i = 0; i < 100; i++) {
      xValues[i] = i * 7919;
      yValues[i] = i < 50 ? xValues[i] : xValues[i] + 256 * (i + 1);
    }
    assertThat(SyndicatedCopies.estimatedSimilarityAtLeast(SyndicatedCopies.lowBytes(xValues), SyndicatedCopies.lowBytes(yValues), 1.0))
        .isTrue();
    yValues[0] = xValues[0] + 1;
    assertThat(SyndicatedCopies.estimatedSimilarityAtLeast(SyndicatedCopies.lowBytes(xValues), SyndicatedCopies.lowBytes(yValues), 1.0))
        .isFalse();
  }

  @Test
  void theMarginIsFourStandardErrorsAtTheDefaultThreshold() {
    double standardError = Math.sqrt(0.6 * 0.4 / (SyndicatedCopies.BANDS * SyndicatedCopies.ROWS));
    assertThat(SyndicatedCopies.ESTIMATE_MARGIN).isGreaterThanOrEqualTo(4 * standardError);
  }
}
