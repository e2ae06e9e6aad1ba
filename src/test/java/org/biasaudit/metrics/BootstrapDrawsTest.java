package org.biasaudit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapDrawsTest {
  @Test
  void everyDrawIsAnIndexOfTheArticlesAndTheSlotsBeyondThemAreUntouched() {
    for (int k : new int[] {1, 2, 3, 7, 100, 101}) {
      int[] into = new int[k + 3];
      Arrays.fill(into, -1);
      SplittableRandom random = new SplittableRandom(k);
      for (int r = 0; r < 200; r++) {
        BootstrapDraws.draw(random, into, k);
        for (int i = 0; i < k; i++) {
          assertThat(into[i]).isBetween(0, k - 1);
        }
        assertThat(into[k]).isEqualTo(-1);
      }
    }
  }

  @Test
  void drawsAreUniformOverTheArticles() {
    // 7 articles (odd: the last draw of each replicate takes a value of its own), 100,000 replicates: each
    // index is expected 100,000 times, with a standard deviation of about 292.
    int k = 7;
    long[] seen = new long[k];
    int[] into = new int[k];
    SplittableRandom random = new SplittableRandom(11);
    for (int r = 0; r < 100_000; r++) {
      BootstrapDraws.draw(random, into, k);
      for (int i = 0; i < k; i++) {
        seen[into[i]]++;
      }
    }
    double chiSquare = 0;
    for (long n : seen) {
      chiSquare += (n - 100_000.0) * (n - 100_000.0) / 100_000.0;
    }
    // The 0.999 quantile of chi-square with 6 degrees of freedom is 22.46.
    assertThat(chiSquare).isLessThan(22.46);
  }

  @Test
  void bothHalvesOfEachRandomValueAreUsedIndependently() {
    // Had the two draws of one value been tied, pairs (into[0], into[1]) would not cover every combination evenly.
    int k = 4;
    long[][] pairs = new long[k][k];
    int[] into = new int[k];
    SplittableRandom random = new SplittableRandom(5);
    for (int r = 0; r < 160_000; r++) {
      BootstrapDraws.draw(random, into, k);
      pairs[into[0]][into[1]]++;
    }
    double chiSquare = 0;
    for (long[] row : pairs) {
      for (long n : row) {
        chiSquare += (n - 10_000.0) * (n - 10_000.0) / 10_000.0;
      }
    }
    // The 0.999 quantile of chi-square with 15 degrees of freedom is 37.70.
    assertThat(chiSquare).isLessThan(37.70);
  }

  @Test
  void theSameSeedGivesTheSameDraws() {
    int[] a = new int[50];
    int[] b = new int[50];
    BootstrapDraws.draw(new SplittableRandom(3), a, 50);
    BootstrapDraws.draw(new SplittableRandom(3), b, 50);
    assertThat(a).isEqualTo(b);
  }
}
