package org.biasaudit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClusteredBootstrapTest {
  @Test
  void meanIsMentionWeightedAndIntervalContainsIt() {
    double[] sums = {-1.0, -0.5, 0.2, -0.9, -0.3, -0.6};
    long[] counts = {2, 1, 1, 3, 1, 2};
    ClusteredBootstrap.Interval interval = ClusteredBootstrap.meanInterval(sums, counts, 2000, 0.95, 42);
    assertThat(interval.mean()).isCloseTo(-3.1 / 10, within(1e-12));
    assertThat(interval.low()).isLessThan(interval.mean());
    assertThat(interval.high()).isGreaterThan(interval.mean());
  }

  @Test
  void deterministicForTheSameSeed() {
    double[] sums = {0.1, 0.4, -0.2, 0.3};
    long[] counts = {1, 2, 1, 1};
    assertThat(ClusteredBootstrap.meanInterval(sums, counts, 500, 0.95, 7))
        .isEqualTo(ClusteredBootstrap.meanInterval(sums, counts, 500, 0.95, 7));
    assertThat(ClusteredBootstrap.seedFor(1, "a", "b")).isEqualTo(ClusteredBootstrap.seedFor(1, "a", "b"))
        .isNotEqualTo(ClusteredBootstrap.seedFor(1, "ab", ""));
  }

  @Test
  void clusteringWidensTheIntervalWhenMentionsOfOneArticleAgree() {
    // Ten articles, each with ten identical mentions: effectively ten observations, not a hundred.
    double[] sums = new double[10];
    long[] counts = new long[10];
    for (int i = 0; i < 10; i++) {
      sums[i] = (i % 2 == 0 ? 0.5 : -0.5) * 10;
      counts[i] = 10;
    }
    ClusteredBootstrap.Interval clustered = ClusteredBootstrap.meanInterval(sums, counts, 2000, 0.95, 1);
    double[] flatSums = new double[100];
    long[] flatCounts = new long[100];
    for (int i = 0; i < 100; i++) {
      flatSums[i] = i % 2 == 0 ? 0.5 : -0.5;
      flatCounts[i] = 1;
    }
    ClusteredBootstrap.Interval flat = ClusteredBootstrap.meanInterval(flatSums, flatCounts, 2000, 0.95, 1);
    assertThat(clustered.high() - clustered.low()).isGreaterThan(2 * (flat.high() - flat.low()));
  }

  @Test
  void degenerateInputs() {
    assertThat(ClusteredBootstrap.meanInterval(new double[0], new long[0], 100, 0.95, 1).mean()).isNull();
    ClusteredBootstrap.Interval single = ClusteredBootstrap.meanInterval(new double[] {0.6}, new long[] {2}, 100, 0.95, 1);
    assertThat(single.mean()).isEqualTo(0.3);
    assertThat(single.low()).isEqualTo(0.3);
  }
}
