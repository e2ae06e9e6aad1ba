package org.biasaudit.metrics;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The shingle sets and MinHash signatures that {@link SyndicatedCopies} compares texts by.
 *
 * <p>A shingle is a run of {@code k} words; each is kept as a 64-bit hash, so a text becomes a sorted set of
 * longs and the exact Jaccard similarity of two texts is a merge of two arrays. A signature holds, for
 * each of {@code size} hash functions, the smallest hash of any shingle: two texts agree on a signature
 * value with probability equal to their Jaccard similarity.
 *
 * <p>Spark MLlib's {@code MinHashLSH} (used before) computes the same kind of signature, but it walks each
 * sparse vector through a boxed (index, value) iterator and takes a 64-bit remainder per hash and shingle:
 * 100 hashes of 1,000 shingles per article made it half of the copy search's time. Here each hash function
 * is a multiply-add on the shingle's (already well mixed) 64-bit hash, of which the high 32 bits are kept
 * ({@code (a * x + b) >>> 32}, {@code a} odd): a few nanoseconds an article-shingle instead of tens.
 */
public final class MinHashSignatures implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final long[] multipliers;
  private final long[] offsets;

  /** {@code size} hash functions drawn from {@code seed}: the same seed gives the same signatures. */
  public MinHashSignatures(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    multipliers = new long[size];
    offsets = new long[size];
    for (int i = 0; i < size; i++) {
      multipliers[i] = random.nextLong() | 1L;
      offsets[i] = random.nextLong();
    }
  }

  /** The signature of a non-empty shingle set: value {@code i} is the least {@code h_i} over the set. */
  public int[] signature(long[] shingles) {
    int[] out = new int[multipliers.length];
    for (int i = 0; i < multipliers.length; i++) {
      long a = multipliers[i];
      long b = offsets[i];
      long min = Long.MAX_VALUE;
      for (long x : shingles) {
        long h = (a * x + b) >>> 32;
        if (h < min) {
          min = h;
        }
      }
      out[i] = (int) min;
    }
    return out;
  }

  /**
   * The distinct word {@code k}-grams of a text as sorted 64-bit hashes. Words are {@link ContextTerms#tokens}
   * (folded, lower case, every word kept: copies keep stop words too).
   */
  public static long[] shingles(String text, int k) {
    List<String> words = ContextTerms.tokens(text);
    if (words.size() < k) {
      return new long[0];
    }
    long[] wordHashes = new long[words.size()];
    for (int i = 0; i < wordHashes.length; i++) {
      wordHashes[i] = hash(words.get(i));
    }
    long[] out = new long[words.size() - k + 1];
    for (int i = 0; i < out.length; i++) {
      long h = FNV_OFFSET;
      for (int j = i; j < i + k; j++) {
        // Order matters: "a b c" and "c b a" are different shingles.
        h = mix(h * 0x9E3779B97F4A7C15L + wordHashes[j]);
      }
      out[i] = h;
    }
    Arrays.sort(out);
    return distinct(out);
  }

  /** Jaccard similarity of two sorted sets of distinct values; 0 when both are empty. */
  public static double jaccard(long[] x, long[] y) {
    return jaccard(LongBuffer.wrap(x), LongBuffer.wrap(y));
  }

  /** {@link #jaccard(long[], long[])} of two sets as {@link #pack} stores them, read in place. */
  public static double jaccard(LongBuffer x, LongBuffer y) {
    int i = 0;
    int j = 0;
    int common = 0;
    int xSize = x.limit();
    int ySize = y.limit();
    while (i < xSize && j < ySize) {
      long a = x.get(i);
      long b = y.get(j);
      if (a == b) {
        common++;
        i++;
        j++;
      } else if (a < b) {
        i++;
      } else {
        j++;
      }
    }
    int union = xSize + ySize - common;
    return union == 0 ? 0 : (double) common / union;
  }

  /**
   * A shingle set as bytes, 8 per value: a Spark binary column holds it as one block, where an array column
   * of longs comes back to Java as a list of boxed values.
   */
  public static byte[] pack(long[] values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES);
    bytes.asLongBuffer().put(values);
    return bytes.array();
  }

  /** The values of a {@link #pack}ed set, without copying them. */
  public static LongBuffer unpack(byte[] packed) {
    return ByteBuffer.wrap(packed).asLongBuffer();
  }

  /** SplitMix64's finaliser: spreads every input bit over the whole value. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A 64-bit hash of a word: FNV-1a over its chars, then mixed. */
  private static long hash(String word) {
    long h = FNV_OFFSET;
    for (int i = 0; i < word.length(); i++) {
      h = (h ^ word.charAt(i)) * FNV_PRIME;
    }
    return mix(h);
  }

  private static long[] distinct(long[] sorted) {
    if (sorted.length == 0) {
      return sorted;
    }
    int n = 1;
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] != sorted[n - 1]) {
        sorted[n++] = sorted[i];
      }
    }
    return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
  }
}
