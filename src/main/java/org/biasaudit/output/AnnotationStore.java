package org.biasaudit.output;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.biasaudit.actors.Actor;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.config.AuditConfig;

/**
 * Remembers the NLP results of every article by content and annotation settings, so that a rerun
 * annotates only what it has not seen. It lives in the output directory ({@code DIR/_annotation_store}),
 * so it is published atomically with the tables and a rerun with {@code --overwrite} finds it.
 *
 * <p>The <em>content key</em> hashes what annotation reads: title, text and publication date. The
 * <em>settings key</em> hashes everything that changes annotation results: the NLP and sentiment
 * settings, the text cap, the actor registry, the project version and the stored schema. Aggregation
 * settings are not in it: changing the summary grain or bootstrap reuses every annotation.
 */
public final class AnnotationStore {
  public static final String FOLDER = "_annotation_store";

  /** The NLP fields of {@link TableSchemas#ANNOTATED} that are stored; the rest comes from the input. */
  public static final List<String> STORED_FIELDS = List.of("status", "status_detail", "text_truncated", "char_count", "token_count",
      "sentence_count", "actor_ids", "mentions", "quotes", "annotation_ms");

  private AnnotationStore() {}

  /** The content key of each article row (columns title, text, published). */
  public static Column contentKey() {
    return sha2(concat_ws("\u0000", coalesce(col("title"), lit("")), col("text"),
        coalesce(col("published").cast("string"), lit(""))), 256);
  }

  public static String settingsKey(AuditConfig config, ActorRegistry registry, String projectVersion) {
    StringBuilder key = new StringBuilder();
    key.append(projectVersion).append('\n');
    key.append(config.nlp()).append('\n');
    key.append(config.sentiment()).append('\n');
    key.append(config.input().maxArticleChars()).append('\n');
    for (Actor actor : registry.actors()) {
      key.append(actor.id()).append('|').append(actor.name()).append('|').append(actor.kind()).append('|')
          .append(actor.aliases()).append('|').append(actor.firstNames()).append('|').append(actor.exclude()).append('|')
          .append(actor.gender()).append('|').append(actor.titles()).append('|').append(actor.metonyms()).append('|')
          .append(actor.ambiguousSurname()).append('|').append(actor.surnameDefault()).append('\n');
    }
    key.append(storeSchema().json());
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** The schema of the store: content and settings keys, then the stored NLP fields. */
  public static StructType storeSchema() {
    StructType schema = new StructType()
        .add("content_key", "string", false)
        .add("settings_key", "string", false);
    for (String field : STORED_FIELDS) {
      schema = schema.add(TableSchemas.ANNOTATED.apply(field));
    }
    return schema;
  }

  /**
   * The stored annotations for {@code settingsKey} under {@code outputDir}, or null when there is no
   * store, or one written with another schema (an older version): then nothing is reused.
   */
  public static Dataset<Row> read(SparkSession spark, String outputDir, String settingsKey) throws IOException {
    Path folder = new Path(outputDir, FOLDER);
    FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
    if (!fs.exists(folder) || fs.listStatus(folder, p -> p.getName().endsWith(".parquet")).length == 0) {
      return null;
    }
    Dataset<Row> stored = spark.read().parquet(folder.toString());
    if (!stored.schema().asNullable().toDDL().equals(storeSchema().asNullable().toDDL())) {
      return null;
    }
    return stored.where(col("settings_key").equalTo(settingsKey));
  }

  /** Articles per store file at most: about 270 MB of Parquet at the sample corpus's 1.1 KB per stored article. */
  static final long MAX_ROWS_PER_FILE = 250_000;
  /** Articles per store file at least, where there are enough cores to split them further. */
  static final long MIN_ROWS_PER_FILE = 5_000;

  /**
   * How many files to write {@code rows} stored articles to with {@code cores} cores: one per core, so they
   * are written in parallel, but none under {@value #MIN_ROWS_PER_FILE} rows (no crowd of small files from
   * a small run on a large cluster) and none over {@value #MAX_ROWS_PER_FILE} (no single huge file from a
   * large run on a few cores).
   */
  public static int files(long rows, int cores) {
    long bySize = (rows + MAX_ROWS_PER_FILE - 1) / MAX_ROWS_PER_FILE;
    long byCores = Math.min(cores, (rows + MIN_ROWS_PER_FILE - 1) / MIN_ROWS_PER_FILE);
    return (int) Math.max(1, Math.min(20_000, Math.max(bySize, byCores)));
  }

  /**
   * Writes the store rows for this run's annotated articles into the staging output, in {@code files}
   * files (see {@link #files}), each sorted by content key, written in parallel. The annotated rows'
   * partitions are merged without a shuffle of the whole annotation, so an article whose content repeats is
   * stored as often as it appears; the run that reuses the store keeps one row per content key.
   */
  public static void write(Dataset<Row> annotated, String settingsKey, OutputDirectory output, String compression,
      int files) {
    Column[] columns = new Column[STORED_FIELDS.size() + 2];
    columns[0] = col("content_key");
    columns[1] = lit(settingsKey).as("settings_key");
    for (int i = 0; i < STORED_FIELDS.size(); i++) {
      columns[i + 2] = col(STORED_FIELDS.get(i));
    }
    annotated.select(columns).coalesce(Math.max(1, files)).sortWithinPartitions("content_key")
        .write().option("compression", compression).parquet(output.stagingPath(FOLDER));
  }
}
