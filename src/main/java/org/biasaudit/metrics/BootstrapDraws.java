package org.biasaudit.metrics;

import java.util.SplittableRandom;

/**
 * The article indices of one bootstrap replicate: {@code k} draws, uniform over {@code [0, k)} and
 * independent, for every bootstrap of the derived tables ({@link ClusteredBootstrap}, {@link PairedContrast},
 * {@link OutletVersusRest}).
 *
 * <p>Why not {@code SplittableRandom.nextInt(k)} per draw: the derived tables run millions of draws (the
 * actor contrasts alone: pairs x replicates x articles), and a bounded draw goes through an interface method
 * and a rejection loop that the client compiler, which runs the late steps of a local audit, does not inline:
 * in a profile of the tables it was the most frequent top frame after the paired bootstrap's own loop.
 * Here one 64-bit value gives two 32-bit draws, each mapped to {@code [0, k)} by a multiply and a shift
 * (Lemire's method without its rejection step): an index is favoured by at most {@code k / 2^32} (below
 * 1e-6 for 4,000 articles), far inside a bootstrap's own Monte Carlo error.
 */
final class BootstrapDraws {
  private BootstrapDraws() {}

  /** Fills {@code into[0..k)} with draws from {@code [0, k)}; {@code into} holds at least {@code k}. */
  static void draw(SplittableRandom random, int[] into, int k) {
    int i = 0;
    for (; i + 1 < k; i += 2) {
      long bits = random.nextLong();
      into[i] = scaled(bits >>> 32, k);
      into[i + 1] = scaled(bits & 0xFFFFFFFFL, k);
    }
    if (i < k) {
      into[i] = scaled(random.nextLong() >>> 32, k);
    }
  }

  /** A 32-bit random value ({@code 0 <= bits < 2^32}) mapped to {@code [0, k)}. */
  private static int scaled(long bits, int k) {
    return (int) ((bits * k) >>> 32);
  }
}
