package org.biasaudit.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.biasaudit.output.TableSchemas;
import scala.collection.immutable.ArraySeq;

/**
 * Finds copies of one story (wire copy, syndication, an outlet republishing its own piece): articles whose
 * texts' word 3-gram shingles have a Jaccard similarity of at least {@code aggregation.syndication_similarity}.
 *
 * <p>Each text becomes a set of hashed shingles and a signature of {@value #BANDS} x {@value #ROWS} MinHash
 * values ({@link MinHashSignatures}). The values are banded (the usual AND-then-OR construction): a pair is
 * a candidate when all {@value #ROWS} values of at least one of the {@value #BANDS} bands agree, which
 * happens with probability {@code 1 - (1 - J^4)^25}: 0.97 at J = 0.6, 0.18 at J = 0.3, 0.0025 at J = 0.1.
 * (A pair that any single value makes a candidate, as MLlib's {@code approxSimilarityJoin} does, is a
 * candidate 40% of the time at J = 0.1: candidates grow with the square of the corpus.)
 *
 * <p>Texts written from templates (press releases, market reports, local notices) share so many shingles
 * that a bucket can hold hundreds of articles: 2.7 million candidate pairs at 10,000 generated articles.
 * So the members of a bucket are compared where the bucket is, on their signatures: the share of equal
 * values estimates the Jaccard similarity (standard error at most 0.05), and only pairs estimated no more
 * than {@value #ESTIMATE_MARGIN} below the threshold go on to the exact Jaccard similarity of the two
 * shingle sets, which decides. The band rows carry each value's lowest byte only (b-bit MinHash), a quarter
 * of the shuffle: two unequal values share it with probability 1/256, which can only raise an estimate (by
 * at most 0.004), so no pair that the full values would keep is dismissed. The pairs are closed into groups
 * ({@link DuplicateGroups}).
 */
public final class SyndicatedCopies {
  /** Word n-gram length of a shingle: long enough that articles on the same event rarely share many. */
  static final int SHINGLE_WORDS = 3;
  /** Texts with fewer shingles are too short to call copies (briefs, captions). */
  static final int MIN_SHINGLES = 20;
  static final int BANDS = 25;
  static final int ROWS = 4;
  /**
   * How far below the threshold a pair's MinHash estimate may fall and still be checked exactly: four
   * standard errors of a 100-value estimate, so a true copy is lost with probability below 1 in 10,000.
   */
  static final double ESTIMATE_MARGIN = 0.2;
  private static final int SIGNATURE = BANDS * ROWS;

  private static final StructType SIGNED = new StructType()
      .add("article_id", DataTypes.StringType, false)
      .add("signature", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("shingles", DataTypes.BinaryType, false);
  private static final StructType BANDED = new StructType()
      .add("band", DataTypes.IntegerType, false)
      .add("bucket", DataTypes.LongType, false)
      .add("article_id", DataTypes.StringType, false)
      .add("signature", DataTypes.BinaryType, false);
  private static final StructType CANDIDATE = new StructType()
      .add("a", DataTypes.StringType, false)
      .add("b", DataTypes.StringType, false);
  private static final StructType PAIR = new StructType()
      .add("a", DataTypes.StringType, false)
      .add("b", DataTypes.StringType, false)
      .add("similarity", DataTypes.DoubleType, false);

  private SyndicatedCopies() {}

  /**
   * The groups of copies found: {@link TableSchemas#DUPLICATE_GROUPS} rows, one per article that has at least
   * one copy, and their counts (the driver holds the groups when it builds the rows, so they cost no query).
   */
  public record Found(Dataset<Row> groups, long articlesInGroups, long groupCount) {}

  /** @param articles with {@code article_id} and {@code text} */
  public static Found find(SparkSession spark, Dataset<Row> articles, double minSimilarity, long seed) {
    MinHashSignatures hashes = new MinHashSignatures(SIGNATURE, seed);
    Dataset<Row> signed = articles.select(col("article_id"), col("text"))
        .flatMap((FlatMapFunction<Row, Row>) r -> sign(r.getString(0), r.getString(1), hashes), Encoders.row(SIGNED))
        .cache();
    try {
      Dataset<Row> banded = signed.select(col("article_id"), col("signature"))
          .flatMap((FlatMapFunction<Row, Row>) SyndicatedCopies::bands, Encoders.row(BANDED));
      double floor = minSimilarity - ESTIMATE_MARGIN;
      Dataset<Row> candidates = banded.groupBy(col("band"), col("bucket"))
          .agg(collect_list(struct(col("article_id"), col("signature"))).as("members"))
          .where(size(col("members")).geq(2))
          .flatMap((FlatMapFunction<Row, Row>) bucket -> similarMembers(bucket.getList(bucket.fieldIndex("members")), floor),
              Encoders.row(CANDIDATE))
          .distinct();
      Dataset<Row> verified = verified(candidates, signed, minSimilarity);
      // Each partition's pairs are reduced to a spanning forest before they reach the driver (see
      // DuplicateGroups.spanningPairs): the pairs of a widely carried story grow with the square of its copies.
      List<String[]> idPairs = new ArrayList<>();
      for (Row pair : verified.select("a", "b").mapPartitions((MapPartitionsFunction<Row, Row>) SyndicatedCopies::spanningPairs,
          Encoders.row(CANDIDATE)).collectAsList()) {
        idPairs.add(new String[] {pair.getString(0), pair.getString(1)});
      }
      Map<String, String> groupOf = DuplicateGroups.of(idPairs);
      List<Row> rows = new ArrayList<>();
      for (Map.Entry<String, String> e : groupOf.entrySet()) {
        rows.add(RowFactory.create(e.getKey(), e.getValue()));
      }
      return new Found(spark.createDataFrame(rows, TableSchemas.DUPLICATE_GROUPS), groupOf.size(),
          groupOf.values().stream().distinct().count());
    } finally {
      signed.unpersist();
    }
  }

  /**
   * The candidate pairs whose shingle sets have a Jaccard similarity of at least {@code minSimilarity}, with
   * it. Both joins are sort-merge joins: the shingle sets grow with the corpus (about 3 KB per article), and a
   * broadcast join would hold every set of the corpus in the driver and in each executor at once. The planner
   * would choose one here, because it estimates the sets' size from the input's before they are computed
   * (at 50,000 articles it broadcast 160 MB twice); sort-merge joins stream both sides and spill.
   */
  static Dataset<Row> verified(Dataset<Row> candidates, Dataset<Row> signed, double minSimilarity) {
    return candidates
        .join(signed.select(col("article_id").as("a"), col("shingles").as("sa")).hint("merge"), "a")
        .join(signed.select(col("article_id").as("b"), col("shingles").as("sb")).hint("merge"), "b")
        .map((MapFunction<Row, Row>) r -> RowFactory.create(r.getString(r.fieldIndex("a")), r.getString(r.fieldIndex("b")),
            MinHashSignatures.jaccard(MinHashSignatures.unpack(r.getAs("sa")), MinHashSignatures.unpack(r.getAs("sb")))),
            Encoders.row(PAIR))
        .where(col("similarity").geq(minSimilarity));
  }

  private static Iterator<Row> spanningPairs(Iterator<Row> pairs) {
    Iterator<String[]> ids = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return pairs.hasNext();
      }

      @Override
      public String[] next() {
        Row pair = pairs.next();
        return new String[] {pair.getString(0), pair.getString(1)};
      }
    };
    return DuplicateGroups.spanningPairs(ids).stream().map(p -> RowFactory.create(p[0], p[1])).iterator();
  }

  /** The article's signature and shingle set; nothing for a text too short to call a copy. */
  private static Iterator<Row> sign(String id, String text, MinHashSignatures hashes) {
    long[] shingles = MinHashSignatures.shingles(text, SHINGLE_WORDS);
    if (shingles.length < MIN_SHINGLES) {
      return Collections.emptyIterator();
    }
    Row row = RowFactory.create(id, ArraySeq.unsafeWrapArray(hashes.signature(shingles)), MinHashSignatures.pack(shingles));
    return List.of(row).iterator();
  }

  /**
   * One row per band: the band's number, a 64-bit key of its {@value #ROWS} MinHash values, the article and
   * the lowest byte of each value of its signature.
   */
  private static Iterator<Row> bands(Row row) {
    String id = row.getString(0);
    int[] signature = row.<Integer>getList(1).stream().mapToInt(Integer::intValue).toArray();
    byte[] lowBytes = lowBytes(signature);
    List<Row> out = new ArrayList<>(BANDS);
    for (int band = 0; band < BANDS; band++) {
      long key = 0x9E3779B97F4A7C15L;
      for (int i = band * ROWS; i < (band + 1) * ROWS; i++) {
        key = MinHashSignatures.mix(key ^ signature[i]);
      }
      out.add(RowFactory.create(band, key, id, lowBytes));
    }
    return out.iterator();
  }

  /** The lowest byte of each value. */
  static byte[] lowBytes(int[] signature) {
    byte[] out = new byte[signature.length];
    for (int i = 0; i < signature.length; i++) {
      out[i] = (byte) signature[i];
    }
    return out;
  }

  /** The pairs (a &lt; b) of one bucket's members whose signatures agree on at least {@code floor} of their values. */
  private static Iterator<Row> similarMembers(List<Row> members, double floor) {
    int n = members.size();
    String[] ids = new String[n];
    byte[][] signatures = new byte[n][];
    for (int i = 0; i < n; i++) {
      Row member = members.get(i);
      ids[i] = member.getString(0);
      signatures[i] = (byte[]) member.get(1);
    }
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (estimatedSimilarityAtLeast(signatures[i], signatures[j], floor)) {
          boolean ordered = ids[i].compareTo(ids[j]) < 0;
          out.add(RowFactory.create(ordered ? ids[i] : ids[j], ordered ? ids[j] : ids[i]));
        }
      }
    }
    return out.iterator();
  }

  /**
   * Whether at least {@code floor} of the two signatures' values agree (the MinHash estimate of their Jaccard
   * similarity), stopping as soon as too many have disagreed: unrelated pairs are dismissed after a few values.
   */
  static boolean estimatedSimilarityAtLeast(byte[] x, byte[] y, double floor) {
    int allowedMisses = (int) Math.floor(x.length * (1 - Math.max(0, floor)));
    int misses = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] != y[i] && ++misses > allowedMisses) {
        return false;
      }
    }
    return true;
  }
}
