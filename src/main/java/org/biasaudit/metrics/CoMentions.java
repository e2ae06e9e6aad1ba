package org.biasaudit.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Builds {@code co_mentions}: per outlet and period (and all time), each pair of actors named in the same
 * article, with how many articles and how many sentences name both.
 *
 * <p>The mentions are gathered once per article and its pairs are found there, rather than joining the
 * mentions to themselves by article and again by sentence: one shuffle of the narrow mention keys instead of
 * two self-joins, whose pair rows grow with the square of the actors per article.
 */
public final class CoMentions {
  /** One article's pair of actors (a before b) and how many of its sentences name both. */
  public record Pair(String actorA, String actorB, long sentences) {}

  private static final StructType ARTICLE_PAIR = new StructType()
      .add("outlet", DataTypes.StringType, false)
      .add("published", DataTypes.DateType, true)
      .add("actor_a", DataTypes.StringType, false)
      .add("actor_b", DataTypes.StringType, false)
      .add("sentences", DataTypes.LongType, false);

  private CoMentions() {}

  public static Dataset<Row> build(Dataset<Row> mentions, String grain) {
    Dataset<Row> articles = mentions
        .groupBy(col("article_id"), col("outlet"), col("published"))
        .agg(collect_set(struct(col("field"), col("sentence_index"), col("actor_id"))).as("named"));
    Dataset<Row> pairs = articles.flatMap((FlatMapFunction<Row, Row>) CoMentions::articlePairs, Encoders.row(ARTICLE_PAIR));
    return ActorOutletSummary.withPeriods(pairs, grain)
        .groupBy(col("outlet"), col("period"), col("period_start"), col("actor_a"), col("actor_b"))
        .agg(count(lit(1)).as("articles"), sum(col("sentences")).as("sentences"))
        .select(col("outlet"), col("period"), col("period_start"), col("actor_a"), col("actor_b"), col("articles"),
            col("sentences"));
  }

  /** One row per pair of actors that the article names, with how many of its sentences name both. */
  static Iterator<Row> articlePairs(Row article) {
    String outlet = article.getAs("outlet");
    Object published = article.getAs("published");
    Map<String, List<String>> actorsBySentence = new HashMap<>();
    for (Row named : article.<Row>getList(article.fieldIndex("named"))) {
      String sentence = named.getString(0) + "/" + named.getInt(1);
      actorsBySentence.computeIfAbsent(sentence, s -> new ArrayList<>()).add(named.getString(2));
    }
    List<Row> out = new ArrayList<>();
    for (Pair pair : pairs(actorsBySentence.values())) {
      out.add(RowFactory.create(outlet, published, pair.actorA(), pair.actorB(), pair.sentences()));
    }
    return out.iterator();
  }

  /**
   * Every pair of distinct actors named in an article (actor_a before actor_b), given the actors each of its
   * sentences names, with how many of those sentences name both.
   */
  public static List<Pair> pairs(Collection<? extends Collection<String>> actorsBySentence) {
    Set<String> actors = new TreeSet<>();
    Map<List<String>, Long> together = new HashMap<>();
    for (Collection<String> inSentence : actorsBySentence) {
      List<String> sorted = new ArrayList<>(new TreeSet<>(inSentence));
      actors.addAll(sorted);
      for (int i = 0; i < sorted.size(); i++) {
        for (int j = i + 1; j < sorted.size(); j++) {
          together.merge(List.of(sorted.get(i), sorted.get(j)), 1L, Long::sum);
        }
      }
    }
    List<String> all = new ArrayList<>(actors);
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      for (int j = i + 1; j < all.size(); j++) {
        pairs.add(new Pair(all.get(i), all.get(j), together.getOrDefault(List.of(all.get(i), all.get(j)), 0L)));
      }
    }
    return pairs;
  }
}
