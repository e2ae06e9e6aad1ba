package org.biasaudit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Shingle sets, their exact Jaccard similarity, and how well signatures estimate it. */
class MinHashSignaturesTest {
  @Test
  void shinglesAreTheDistinctWordTrigramsWhateverThePunctuationAndCase() {
    // "the senate voted", "senate voted the", "voted the senate": the repeated first trigram counts once.
    long[] repeated = MinHashSignatures.shingles("The senate voted. The senate voted!", 3);
    assertThat(repeated).hasSize(3);
    assertThat(MinHashSignatures.shingles("the Senate voted, the senate", 3)).containsExactly(repeated);
    assertThat(repeated).isSorted();
    // Word order matters; curly apostrophes fold like straight ones.
    assertThat(MinHashSignatures.shingles("voted senate the", 3)).doesNotContain(repeated);
    assertThat(MinHashSignatures.shingles("Putin’s envoy met them", 3))
        .containsExactly(MinHashSignatures.shingles("putin's envoy met them", 3));
    assertThat(MinHashSignatures.shingles("too short", 3)).isEmpty();
  }

  @Test
  void jaccardOfSortedSets() {
    long[] a = {1, 3, 5, 7};
    long[] b = {3, 5, 7, 9};
    assertThat(MinHashSignatures.jaccard(a, b)).isCloseTo(3.0 / 5, within(1e-12));
    assertThat(MinHashSignatures.jaccard(a, a)).isEqualTo(1.0);
    assertThat(MinHashSignatures.jaccard(a, new long[] {0})).isZero();
    assertThat(MinHashSignatures.jaccard(new long[0], new long[0])).isZero();
  }

  @Test
  void copiesOfAStoryShareMostShinglesAndUnrelatedTextsNone() {
    String story = "The central bank raised its main interest rate by half a point on Tuesday, the third increase this "
        + "year, saying inflation remained well above its target and that further moves could not be ruled out.";
    String edited = "The central bank raised its main interest rate by half a point on Tuesday, the third increase this "
        + "year, saying that inflation remained well above its target; further moves could not be ruled out, it said.";
    String other = "Heavy rain flooded the old town overnight and firefighters pumped water from dozens of cellars while "
        + "the mayor promised help for shop owners.";
    long[] s = MinHashSignatures.shingles(story, 3);
    assertThat(MinHashSignatures.jaccard(s, MinHashSignatures.shingles(edited, 3))).isBetween(0.6, 0.95);
    assertThat(MinHashSignatures.jaccard(s, MinHashSignatures.shingles(other, 3))).isZero();
  }

  @Test
  void theShareOfEqualSignatureValuesEstimatesTheJaccardSimilarity() {
    MinHashSignatures hashes = new MinHashSignatures(100, 42);
    SplittableRandom random = new SplittableRandom(7);
    for (double target : new double[] {0.1, 0.4, 0.6, 0.9}) {
      double sumOfEstimates = 0;
      int pairs = 200;
      for (int p = 0; p < pairs; p++) {
        long[][] pair = setsWithJaccard(random, 1000, target);
        double exact = MinHashSignatures.jaccard(pair[0], pair[1]);
        double estimate = agreement(hashes.signature(pair[0]), hashes.signature(pair[1]));
        // Each estimate within five standard errors of a 100-value estimate.
        assertThat(estimate).isCloseTo(exact, within(5 * Math.sqrt(exact * (1 - exact) / 100) + 0.01));
        sumOfEstimates += estimate - exact;
      }
      // Unbiased: over 200 pairs the mean error is within about three standard errors of the mean.
      assertThat(sumOfEstimates / pairs).isCloseTo(0, within(3 * Math.sqrt(target * (1 - target) / 100 / pairs) + 0.005));
    }
  }

  @Test
  void theSameSeedGivesTheSameSignatures() {
    long[] set = LongStream.range(0, 50).map(MinHashSignatures::mix).sorted().toArray();
    assertThat(new MinHashSignatures(100, 1).signature(set)).containsExactly(new MinHashSignatures(100, 1).signature(set));
    assertThat(new MinHashSignatures(100, 2).signature(set)).isNotEqualTo(new MinHashSignatures(100, 1).signature(set));
  }

  /** Two sorted sets of {@code size} random 64-bit values sharing enough of them for the given Jaccard similarity. */
  private static long[][] setsWithJaccard(SplittableRandom random, int size, double jaccard) {
    // |A ∩ B| = s and |A| = |B| = n give J = s / (2n - s), so s = 2nJ / (1 + J).
    int shared = (int) Math.round(2 * size * jaccard / (1 + jaccard));
    long[] a = new long[size];
    long[] b = new long[size];
    for (int i = 0; i < size; i++) {
      a[i] = random.nextLong();
      b[i] = i < shared ? a[i] : random.nextLong();
    }
    Arrays.sort(a);
    Arrays.sort(b);
    return new long[][] {a, b};
  }

  private static double agreement(int[] x, int[] y) {
    int equal = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] == y[i]) {
        equal++;
      }
    }
    return (double) equal / x.length;
  }
}
