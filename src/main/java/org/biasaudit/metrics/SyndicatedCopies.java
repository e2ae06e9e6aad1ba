package org.biasaudit.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
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
 * Spark MLlib's MinHash LSH proposes candidate pairs and checks each candidate's exact Jaccard distance over
 * the hashed shingle sets; the pairs are then closed into groups ({@link DuplicateGroups}).
 */
public final class SyndicatedCopies {
  /** Word n-gram length of a shingle: long enough that articles on the same event rarely share many. */
  static final int SHINGLE_WORDS = 3;
  /** Texts with fewer shingles are too short to call copies (briefs, captions). */
  static final int MIN_SHINGLES = 20;
  private static final int HASH_TABLES = 5;
  private static final int FEATURES = 1 << 20;

  private static final StructType SHINGLED = new StructType()
      .add("article_id", DataTypes.StringType, false)
      .add("shingles", DataTypes.createArrayType(DataTypes.StringType, false), false);

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
          .setNumHashTables(HASH_TABLES).setSeed(seed).fit(features);
      List<Row> pairs = model.approxSimilarityJoin(features, features, 1.0 - minSimilarity, "distance")
          .select(col("datasetA.article_id").as("a"), col("datasetB.article_id").as("b"))
          .where(col("a").lt(col("b")))
          .collectAsList();
      List<String[]> idPairs = new ArrayList<>(pairs.size());
      for (Row pair : pairs) {
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
}
