package org.biasaudit.output;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createMapType;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The schemas of every Dataset passed between steps and of every output table. The output tables are a
 * contract with analysts: columns are only ever added, and each is documented in {@code docs/tables.md}.
 */
public final class TableSchemas {
  private TableSchemas() {}

  /** Input files to read: one row per file. */
  public static final StructType INPUT_FILES = struct(
      field("path", StringType, false),
      field("bytes", LongType, false));

  /** What reading the input gives: an article or a rejection ({@code kind}), one row per record. */
  public static final StructType INGESTED = struct(
      field("kind", StringType, false),
      field("article_id", StringType, true),
      field("id_derived", BooleanType, true),
      field("outlet", StringType, true),
      field("published", DateType, true),
      field("published_at", TimestampType, true),
      field("published_raw", StringType, true),
      field("url", StringType, true),
      field("title", StringType, true),
      field("text", StringType, true),
      field("source_file", StringType, false),
      field("source_row", LongType, false),
      field("text_cleaned", BooleanType, true),
      field("reason_code", StringType, true),
      field("reason", StringType, true),
      field("excerpt", StringType, true));

  public static final StructType MENTION = struct(
      field("actor_id", StringType, false),
      field("surface", StringType, false),
      field("field", StringType, false),
      field("char_begin", IntegerType, false),
      field("char_end", IntegerType, false),
      field("sentence_index", IntegerType, false),
      field("mention_type", StringType, false),
      field("sentence_sentiment", DoubleType, true),
      field("target_sentiment", DoubleType, true),
      field("target_label", StringType, false),
      field("sentiment_status", StringType, false),
      field("sentence", StringType, true),
      field("chain_id", IntegerType, false),
      field("resolution", StringType, false),
      field("role", StringType, true),
      field("governing_verb", StringType, true),
      field("descriptors", createArrayType(StringType, false), false),
      field("in_quote", BooleanType, false),
      field("quote_speaker_id", StringType, true));

  public static final StructType QUOTE = struct(
      field("quote_index", IntegerType, false),
      field("kind", StringType, false),
      field("char_begin", IntegerType, false),
      field("char_end", IntegerType, false),
      field("text", StringType, false),
      field("speaker_surface", StringType, true),
      field("speaker_name", StringType, true),
      field("speaker_actor_id", StringType, true),
      field("speaker_method", StringType, false),
      field("attribution_verb", StringType, true),
      field("attribution_class", StringType, true),
      field("mentioned_actor_ids", createArrayType(StringType, false), false),
      field("mentioned_actor_sentiment", createMapType(StringType, DoubleType, false), false));

  /**
   * The article columns that the {@code articles} table carries over from the NLP stage unchanged, in
   * order; both {@link #ANNOTATED} and {@link #ARTICLES} start with them.
   */
  public static final StructType ARTICLE_COLUMNS = struct(
      field("article_id", StringType, false),
      field("outlet", StringType, false),
      field("published", DateType, true),
      field("published_at", TimestampType, true),
      field("published_raw", StringType, true),
      field("url", StringType, true),
      field("title", StringType, true),
      field("source_file", StringType, false),
      field("source_row", LongType, false),
      field("id_derived", BooleanType, false),
      field("status", StringType, false),
      field("status_detail", StringType, true),
      field("text_cleaned", BooleanType, false),
      field("text_truncated", BooleanType, false),
      field("char_count", IntegerType, false),
      field("token_count", IntegerType, false),
      field("sentence_count", IntegerType, false),
      field("actor_ids", createArrayType(StringType, false), false));

  /** One article after the NLP stage, with its mentions and quotes nested. */
  public static final StructType ANNOTATED = append(ARTICLE_COLUMNS,
      field("mentions", createArrayType(MENTION, false), false),
      field("quotes", createArrayType(QUOTE, false), false),
      field("annotation_ms", LongType, false),
      field("content_key", StringType, false));

  // ------------------------------------------------------------------ output tables

  public static final StructType ARTICLES = append(ARTICLE_COLUMNS,
      field("mention_count", IntegerType, false),
      field("quote_count", IntegerType, false),
      field("duplicate_group", StringType, true));

  public static final StructType REJECTED = struct(
      field("source_file", StringType, false),
      field("source_row", LongType, false),
      field("article_id", StringType, true),
      field("reason_code", StringType, false),
      field("reason", StringType, true),
      field("excerpt", StringType, true));

  public static final StructType ACTORS = struct(
      field("actor_id", StringType, false),
      field("name", StringType, false),
      field("kind", StringType, false),
      field("aliases", createArrayType(StringType, false), false),
      field("attributes", createMapType(StringType, StringType, false), false));

  public static final StructType ACTOR_OUTLET_SUMMARY = struct(
      field("outlet", StringType, false),
      field("actor_id", StringType, false),
      field("actor_name", StringType, true),
      field("period", StringType, false),
      field("period_start", DateType, true),
      field("articles", LongType, false),
      field("mentions", LongType, false),
      field("scored_mentions", LongType, false),
      field("mean_target_sentiment", DoubleType, true),
      field("ci_low", DoubleType, true),
      field("ci_high", DoubleType, true),
      field("share_negative", DoubleType, true),
      field("share_neutral", DoubleType, true),
      field("share_positive", DoubleType, true),
      field("mean_sentence_sentiment", DoubleType, true),
      field("quotes_spoken", LongType, false),
      field("low_support", BooleanType, false),
      field("share_of_voice", DoubleType, false),
      field("quotes_about", LongType, false),
      field("share_of_quotes", DoubleType, true),
      field("quotes_by_attribution_class", createMapType(StringType, LongType, false), false),
      field("syndicated_articles", LongType, false));

  // ------------------------------------------------------------------ comparison tables

  /** Near-duplicate articles found before annotation: article to its group (smallest article id). */
  public static final StructType DUPLICATE_GROUPS = struct(
      field("article_id", StringType, false),
      field("duplicate_group", StringType, false));

  public static final StructType OUTLET_CONTRASTS = struct(
      field("outlet", StringType, false),
      field("actor_id", StringType, false),
      field("actor_name", StringType, true),
      field("period", StringType, false),
      field("period_start", DateType, true),
      field("articles", LongType, false),
      field("scored_mentions", LongType, false),
      field("mean_target_sentiment", DoubleType, false),
      field("rest_articles", LongType, false),
      field("rest_scored_mentions", LongType, false),
      field("rest_mean_target_sentiment", DoubleType, false),
      field("difference", DoubleType, false),
      field("ci_low", DoubleType, true),
      field("ci_high", DoubleType, true),
      field("std_error", DoubleType, true),
      field("degrees_of_freedom", DoubleType, true),
      field("p_value", DoubleType, true),
      field("q_value", DoubleType, true),
      field("low_support", BooleanType, false));

  public static final StructType ACTOR_CONTRASTS = struct(
      field("outlet", StringType, false),
      field("period", StringType, false),
      field("period_start", DateType, true),
      field("actor_a", StringType, false),
      field("actor_b", StringType, false),
      field("articles_a", LongType, false),
      field("scored_mentions_a", LongType, false),
      field("mean_target_sentiment_a", DoubleType, false),
      field("articles_b", LongType, false),
      field("scored_mentions_b", LongType, false),
      field("mean_target_sentiment_b", DoubleType, false),
      field("shared_articles", LongType, false),
      field("difference", DoubleType, false),
      field("ci_low", DoubleType, true),
      field("ci_high", DoubleType, true),
      field("std_error", DoubleType, true),
      field("degrees_of_freedom", DoubleType, true),
      field("p_value", DoubleType, true),
      field("q_value", DoubleType, true));

  public static final StructType FRAMING_TERMS = struct(
      field("outlet", StringType, false),
      field("actor_id", StringType, false),
      field("source", StringType, false),
      field("term", StringType, false),
      field("rank", IntegerType, false),
      field("count", LongType, false),
      field("outlet_terms", LongType, false),
      field("rest_count", LongType, false),
      field("rest_terms", LongType, false),
      field("log_odds_ratio", DoubleType, false),
      field("z_score", DoubleType, false));

  private static StructType append(StructType head, StructField... more) {
    StructField[] all = java.util.Arrays.copyOf(head.fields(), head.fields().length + more.length);
    System.arraycopy(more, 0, all, head.fields().length, more.length);
    return new StructType(all);
  }

  private static StructType struct(StructField... fields) {
    return new StructType(fields);
  }

  private static StructField field(String name, DataType type, boolean nullable) {
    return new StructField(name, type, nullable, Metadata.empty());
  }

  /** Column names of a schema, in order. */
  public static List<String> columns(StructType schema) {
    return List.of(schema.fieldNames());
  }
}
