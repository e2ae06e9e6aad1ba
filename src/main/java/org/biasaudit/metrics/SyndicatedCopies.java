package org.biasaudit.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.biasaudit.output.TableSchemas;

/**
 * Finds copies of one story (wire copy, syndication, an outlet republishing its own piece): articles whose
 * texts' word 3-gram shingles have a Jaccard similarity of at least {@code aggregation.syndication_similarity}.
 *
 * <p>Spark MLlib's {@link MinHashLSH} computes {@value #BANDS} x {@value #ROWS} MinHash values per article. Its
 * own {@code approxSimilarityJoin} makes a pair a candidate when any single MinHash agrees, so two unrelated
 * articles with 10% of their shingles in common are a candidate pair about 40% of the time with 5 hashes:
 * candidates grow with the square of the corpus (32 s of 118 at 2,000 generated articles). Here the values
 * are banded instead (the usual AND-then-OR construction): a pair is a candidate when all {@value #ROWS}
 * values of at least one of the {@value #BANDS} bands agree, which happens with probability
 * {@code 1 - (1 - J^4)^25}: 0.97 at J = 0.6, 0.18 at J = 0.3, 0.0025 at J = 0.1.
 *
 * <p>Texts written from templates (press releases, market reports, local notices) share so many shingles
 * that a bucket can hold hundreds of articles: 2.7 million candidate pairs at 10,000 generated articles.
 * Joining every such pair with both shingle sets was most of this step's time. So the members of a bucket
 * are compared where the bucket is, on their {@value #BANDS} x {@value #ROWS} MinHash values: the share of
 * equal values estimates the Jaccard similarity (standard error at most 0.05), and only pairs estimated no
 * more than {@value #ESTIMATE_MARGIN} below the threshold go on to the exact Jaccard similarity over the
 * hashed shingle sets, which decides. The pairs are closed into groups ({@link DuplicateGroups}).
 */
public final class SyndicatedCopies {
  /** Word n-gram length of a shingle: long enough that articles on the same event rarely share many. */
  static final int SHINGLE_WORDS = 3;
  /** Texts with fewer shingles are too short to call copies (briefs, captions). */
  static final int MIN_SHINGLES = 20;
  static final int BANDS = 25;
  static final int ROWS = 4;
  private static final int FEATURES = 1 << 20;
  /**
   * How far below the threshold a pair's MinHash estimate may fall and still be checked exactly: four
   * standard errors of a 100-value estimate, so a true copy is lost with probability below 1 in 10,000.
   */
  static final double ESTIMATE_MARGIN = 0.2;
  private static final int SIGNATURE = BANDS * ROWS;

  private static final StructType SHINGLED = new StructType()
      .add("article_id", DataTypes.StringType, false)
      .add("shingles", DataTypes.createArrayType(DataTypes.StringType, false), false);
  private static final StructType BANDED = new StructType()
      .add("band", DataTypes.IntegerType, false)
      .add("bucket", DataTypes.LongType, false)
      .add("article_id", DataTypes.StringType, false)
      .add("signature", DataTypes.createArrayType(DataTypes.IntegerType, false), false);
  private static final StructType CANDIDATE = new StructType()
      .add("a", DataTypes.StringType, false)
      .add("b", DataTypes.StringType, false);
  private static final StructType PAIR = new StructType()
      .add("a", DataTypes.StringType, false)
      .add("b", DataTypes.StringType, false)
      .add("similarity", DataTypes.DoubleType, false);

  private SyndicatedCopies() {}

  /**
   * @param articles with {@code article_id} and {@code text}
   * @return {@link TableSchemas#DUPLICATE_GROUPS}: one row per article that has at least one copy
   */
  public static Dataset<Row> find(SparkSession spark, Dataset<Row> articles, double minSimilarity, long seed) {
    Dataset<Row> shingled = articles.select(col("article_id"), col("text"))
        .map((MapFunction<Row, Row>) r -> RowFactory.create(r.getString(0),
            scala.jdk.javaapi.CollectionConverters.asScala(DuplicateGroups.shingles(r.getString(1), SHINGLE_WORDS)).toList()),
            Encoders.row(SHINGLED))
        .where(size(col("shingles")).geq(MIN_SHINGLES));
    Dataset<Row> features = new HashingTF().setInputCol("shingles").setOutputCol("features").setNumFeatures(FEATURES)
        .setBinary(true).transform(shingled).select(col("article_id"), col("features")).cache();
    try {
      MinHashLSHModel model = new MinHashLSH().setInputCol("features").setOutputCol("hashes")
          .setNumHashTables(BANDS * ROWS).setSeed(seed).fit(features);
      Dataset<Row> banded = model.transform(features).select(col("article_id"), col("hashes"))
          .flatMap((FlatMapFunction<Row, Row>) SyndicatedCopies::bands, Encoders.row(BANDED));
      double floor = minSimilarity - ESTIMATE_MARGIN;
      Dataset<Row> candidates = banded.groupBy(col("band"), col("bucket"))
          .agg(collect_list(struct(col("article_id"), col("signature"))).as("members"))
          .where(size(col("members")).geq(2))
          .flatMap((FlatMapFunction<Row, Row>) bucket -> similarMembers(bucket.getList(bucket.fieldIndex("members")), floor),
              Encoders.row(CANDIDATE))
          .distinct();
      Dataset<Row> verified = candidates
          .join(features.select(col("article_id").as("a"), col("features").as("fa")), "a")
          .join(features.select(col("article_id").as("b"), col("features").as("fb")), "b")
          .map((MapFunction<Row, Row>) r -> RowFactory.create(r.getString(r.fieldIndex("a")), r.getString(r.fieldIndex("b")),
              jaccard(r.getAs("fa"), r.getAs("fb"))), Encoders.row(PAIR))
          .where(col("similarity").geq(minSimilarity));
      List<String[]> idPairs = new ArrayList<>();
      for (Row pair : verified.select("a", "b").collectAsList()) {
        idPairs.add(new String[] {pair.getString(0), pair.getString(1)});
      }
      List<Row> rows = new ArrayList<>();
      for (Map.Entry<String, String> e : DuplicateGroups.of(idPairs).entrySet()) {
        rows.add(RowFactory.create(e.getKey(), e.getValue()));
      }
      return spark.createDataFrame(rows, TableSchemas.DUPLICATE_GROUPS);
    } finally {
      features.unpersist();
    }
  }

  /**
   * One row per band: the band's number, a 64-bit key of its {@value #ROWS} MinHash values, the article and
   * its whole signature (MLlib's MinHash values are integers below a 31-bit prime, so they fit an int).
   */
  private static java.util.Iterator<Row> bands(Row row) {
    String id = row.getString(0);
    List<Vector> hashes = row.getList(1);
    Integer[] signature = new Integer[SIGNATURE];
    for (int i = 0; i < SIGNATURE; i++) {
      signature[i] = (int) hashes.get(i).apply(0);
    }
    scala.collection.immutable.Seq<Integer> shared = scala.collection.immutable.ArraySeq.unsafeWrapArray(signature);
    List<Row> out = new ArrayList<>(BANDS);
    for (int band = 0; band < BANDS; band++) {
      long key = 0x9E3779B97F4A7C15L;
      for (int i = band * ROWS; i < (band + 1) * ROWS; i++) {
        key = mix(key ^ signature[i]);
      }
      out.add(RowFactory.create(band, key, id, shared));
    }
    return out.iterator();
  }

  /** The pairs (a &lt; b) of one bucket's members whose signatures agree on at least {@code floor} of their values. */
  private static java.util.Iterator<Row> similarMembers(List<Row> members, double floor) {
    int n = members.size();
    String[] ids = new String[n];
    int[][] signatures = new int[n][];
    for (int i = 0; i < n; i++) {
      Row member = members.get(i);
      ids[i] = member.getString(0);
      List<Integer> values = member.getList(1);
      signatures[i] = values.stream().mapToInt(Integer::intValue).toArray();
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
  static boolean estimatedSimilarityAtLeast(int[] x, int[] y, double floor) {
    int allowedMisses = (int) Math.floor(x.length * (1 - Math.max(0, floor)));
    int misses = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] != y[i] && ++misses > allowedMisses) {
        return false;
      }
    }
    return true;
  }

  /** SplitMix64's finaliser: spreads the values' bits over the whole key. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Jaccard similarity of two binary sparse vectors (sorted index sets). */
  static double jaccard(Vector a, Vector b) {
    int[] x = a.toSparse().indices();
    int[] y = b.toSparse().indices();
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        common++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = x.length + y.length - common;
    return union == 0 ? 0 : (double) common / union;
  }
}
