package org.biasaudit.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.output.TableSchemas;

/**
 * Builds {@code framing_terms}: per outlet x actor, the terms that set the outlet's coverage of the actor
 * apart from every other outlet's coverage of the same actor ({@link LogOddsDirichlet}; the prior is the
 * actor's coverage in all outlets together). Terms come from three sources, each compared on its own:
 * {@code context} (content words near the mention in its sentence, always), and, when the mentions table
 * has them, {@code governing_verb} and {@code descriptor} (the mention's {@code governing_verb} and
 * {@code descriptors} columns).
 */
public final class FramingTerms {
  public static final String CONTEXT = "context";
  public static final String GOVERNING_VERB = "governing_verb";
  public static final String DESCRIPTOR = "descriptor";

  private static final StructType SCORE = new StructType()
      .add("log_odds_ratio", DataTypes.DoubleType, false)
      .add("z_score", DataTypes.DoubleType, false);

  private static final StructType TERM_COUNT = new StructType()
      .add("outlet", DataTypes.StringType, false)
      .add("actor_id", DataTypes.StringType, false)
      .add("source", DataTypes.StringType, false)
      .add("term", DataTypes.StringType, false)
      .add("n", DataTypes.LongType, false);

  /**
   * How many distinct (outlet, actor, term) counts a task holds before it hands them on (tens of megabytes):
   * a bound on the task's memory whatever the vocabulary. (10,000 generated articles gave 4,868 distinct keys
   * from 1.0 million term occurrences; real news, with a vocabulary of tens of thousands of words, gives many
   * more.) Counts handed on early are summed with the rest after the shuffle.
   */
  static final int MAX_HELD_COUNTS = 200_000;

  private FramingTerms() {}

  public static Dataset<Row> build(Dataset<Row> mentions, AuditConfig.Aggregation settings) {
    Set<String> columns = new LinkedHashSet<>(Arrays.asList(mentions.columns()));
    int window = settings.framingWindow();
    Dataset<Row> sentences = mentions.where(col("sentence").isNotNull())
        .groupBy(col("outlet"), col("article_id"), col("field"), col("sentence_index"))
        .agg(max(col("sentence")).as("sentence"), collect_list(struct(col("actor_id"), col("surface"))).as("named"));
    // Counted within each task first: a sentence gives a row per context term, a million rows at 10,000
    // articles, and making a Spark row of each cost more than finding the terms.
    Dataset<Row> terms = sentences.mapPartitions(
        (MapPartitionsFunction<Row, Row>) rows -> contextTermCounts(rows, window), Encoders.row(TERM_COUNT));
    if (columns.contains("governing_verb")) {
      terms = terms.unionByName(mentions.where(col("governing_verb").isNotNull())
          .select(col("outlet"), col("actor_id"), lit(GOVERNING_VERB).as("source"),
              lower(trim(col("governing_verb").cast("string"))).as("term"), lit(1L).as("n")));
    }
    if (columns.contains("descriptors")) {
      terms = terms.unionByName(mentions.where(col("descriptors").isNotNull())
          .select(col("outlet"), col("actor_id"), lit(DESCRIPTOR).as("source"), explode(col("descriptors")).as("term"),
              lit(1L).as("n"))
          .where(col("term").isNotNull())
          .withColumn("term", lower(trim(col("term")))));
    }
    terms = terms.where(col("term").notEqual(""));

    // Every total is a sum of the same counts, so the counts are computed once and the totals are window sums
    // over them. Partitioning by actor and source satisfies all three windows (and the ranking) without another
    // shuffle. (Joining the counts to aggregates of themselves made Spark compute the terms four times over:
    // it does not reuse an exchange under a typed flatMap that appears in both sides of a join.)
    Dataset<Row> counts = terms.groupBy(col("outlet"), col("actor_id"), col("source"), col("term"))
        // Never null (a group has rows); coalesced so the column stays as non-nullable as a count.
        .agg(coalesce(sum(col("n")), lit(0L)).as("count"))
        .repartition(col("actor_id"), col("source"));
    Dataset<Row> totals = counts
        .withColumn("outlet_terms", sum(col("count")).over(Window.partitionBy(col("outlet"), col("actor_id"), col("source"))))
        .withColumn("background", sum(col("count")).over(Window.partitionBy(col("actor_id"), col("source"), col("term"))))
        .withColumn("background_terms", sum(col("count")).over(Window.partitionBy(col("actor_id"), col("source"))))
        .where(col("count").geq(settings.framingMinCount()))
        .withColumn("rest_count", col("background").minus(col("count")))
        .withColumn("rest_terms", col("background_terms").minus(col("outlet_terms")))
        .where(col("rest_terms").gt(0));

    double alpha0 = settings.framingPrior();
    UserDefinedFunction score = udf((UDF6<Long, Long, Long, Long, Long, Long, Row>) (y, n, restY, restN, background,
        backgroundTerms) -> {
      double alphaWord = LogOddsDirichlet.prior(background, backgroundTerms, alpha0);
      LogOddsDirichlet.Score s = LogOddsDirichlet.score(y, n, restY, restN, alphaWord, alpha0);
      return RowFactory.create(s.logOddsRatio(), s.z());
    }, SCORE);
    Dataset<Row> scores = totals
        .withColumn("score", score.apply(col("count"), col("outlet_terms"), col("rest_count"), col("rest_terms"),
            col("background"), col("background_terms")))
        .withColumn("log_odds_ratio", col("score.log_odds_ratio"))
        .withColumn("z_score", col("score.z_score"))
        .where(col("z_score").gt(0));

    Dataset<Row> ranked = scores.withColumn("rank", row_number().over(Window
        .partitionBy(col("outlet"), col("actor_id"), col("source")).orderBy(col("z_score").desc(), col("term"))));
    return ranked.where(col("rank").leq(settings.framingTopTerms()))
        .select(Arrays.stream(TableSchemas.FRAMING_TERMS.fieldNames()).map(c -> col(c)).toArray(Column[]::new));
  }

  /**
   * The context terms of every actor named in the sentences, counted: one row per outlet, actor and term, with
   * how often the term occurs near the actor in these sentences. The same key may come out more than once when
   * the counts held exceed {@link #MAX_HELD_COUNTS}; its counts then add up.
   */
  static Iterator<Row> contextTermCounts(Iterator<Row> sentences, int window) {
    return contextTermCounts(sentences, window, MAX_HELD_COUNTS);
  }

  static Iterator<Row> contextTermCounts(Iterator<Row> sentences, int window, int maxHeld) {
    return new Iterator<>() {
      private final Map<List<String>, long[]> held = new HashMap<>();
      private Iterator<Row> ready = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!ready.hasNext()) {
          if (!sentences.hasNext()) {
            return false;
          }
          while (sentences.hasNext() && held.size() < maxHeld) {
            countContextTerms(sentences.next(), window, held);
          }
          List<Row> rows = new ArrayList<>(held.size());
          held.forEach((key, n) -> rows.add(RowFactory.create(key.get(0), key.get(1), CONTEXT, key.get(2), n[0])));
          held.clear();
          ready = rows.iterator();
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.next();
      }
    };
  }

  /** Adds the context terms of every actor named in one sentence to {@code counts}, keyed by outlet, actor and term. */
  static void countContextTerms(Row sentence, int window, Map<List<String>, long[]> counts) {
    String text = sentence.getAs("sentence");
    String outlet = sentence.getAs("outlet");
    Map<String, List<String>> surfaces = new LinkedHashMap<>();
    List<String> all = new ArrayList<>();
    for (Row named : sentence.<Row>getList(sentence.fieldIndex("named"))) {
      surfaces.computeIfAbsent(named.getString(0), a -> new ArrayList<>()).add(named.getString(1));
      all.add(named.getString(1));
    }
    ContextTerms.Sentence words = new ContextTerms.Sentence(text, all);
    for (Map.Entry<String, List<String>> actor : surfaces.entrySet()) {
      for (String term : words.around(actor.getValue(), window)) {
        counts.computeIfAbsent(List.of(outlet, actor.getKey(), term), k -> new long[1])[0]++;
      }
    }
  }
}
