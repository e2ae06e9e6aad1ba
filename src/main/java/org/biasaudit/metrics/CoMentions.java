package org.biasaudit.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Builds {@code co_mentions}: per outlet and period (and all time), each pair of actors named in the same
 * article, with how many articles and how many sentences name both.
 */
public final class CoMentions {
  private CoMentions() {}

  public static Dataset<Row> build(Dataset<Row> mentions, String grain) {
    Dataset<Row> inSentence = mentions.select(col("outlet"), col("published"), col("article_id"), col("field"),
        col("sentence_index"), col("actor_id")).distinct();
    Dataset<Row> a = inSentence.withColumnRenamed("actor_id", "actor_a");
    Dataset<Row> b = inSentence.select(col("article_id"), col("field"), col("sentence_index"), col("actor_id").as("actor_b"));
    Dataset<Row> sentencePairs = a.join(b, new String[] {"article_id", "field", "sentence_index"}, "inner")
        .where(col("actor_a").lt(col("actor_b")));
    // Both sides come from distinct rows, so each sentence (or article) gives a pair once: count rows.
    Dataset<Row> sentences = ActorOutletSummary.withPeriods(sentencePairs, grain)
        .groupBy(col("outlet"), col("period"), col("actor_a"), col("actor_b"))
        .agg(count(lit(1)).as("sentences"));

    Dataset<Row> inArticle = mentions.select(col("outlet"), col("published"), col("article_id"), col("actor_id")).distinct();
    Dataset<Row> articlePairs = inArticle.withColumnRenamed("actor_id", "actor_a")
        .join(inArticle.select(col("article_id"), col("actor_id").as("actor_b")), new String[] {"article_id"}, "inner")
        .where(col("actor_a").lt(col("actor_b")));
    Dataset<Row> articles = ActorOutletSummary.withPeriods(articlePairs, grain)
        .groupBy(col("outlet"), col("period"), col("period_start"), col("actor_a"), col("actor_b"))
        .agg(count(lit(1)).as("articles"));

    return articles.join(sentences, new String[] {"outlet", "period", "actor_a", "actor_b"}, "left")
        .select(col("outlet"), col("period"), col("period_start"), col("actor_a"), col("actor_b"), col("articles"),
            coalesce(col("sentences"), lit(0L)).as("sentences"));
  }
}
