package org.biasaudit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.biasaudit.bench.CorpusGenerator;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.testing.LocalSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** The derived tables on small hand-made tables, in local Spark: which articles count, and what each table sums. */
class DerivedTablesTest {
  private static SparkSession spark;

  private static final StructType ARTICLES = new StructType()
      .add("article_id", DataTypes.StringType).add("outlet", DataTypes.StringType).add("published", DataTypes.DateType)
      .add("duplicate_group", DataTypes.StringType);
  private static final StructType MENTIONS = new StructType()
      .add("article_id", DataTypes.StringType).add("outlet", DataTypes.StringType).add("published", DataTypes.DateType)
      .add("actor_id", DataTypes.StringType).add("surface", DataTypes.StringType).add("field", DataTypes.StringType)
      .add("char_begin", DataTypes.IntegerType).add("sentence_index", DataTypes.IntegerType)
      .add("sentence_sentiment", DataTypes.DoubleType).add("target_sentiment", DataTypes.DoubleType)
      .add("target_label", DataTypes.StringType).add("sentence", DataTypes.StringType);
  private static final StructType QUOTES = new StructType()
      .add("article_id", DataTypes.StringType).add("outlet", DataTypes.StringType).add("published", DataTypes.DateType)
      .add("speaker_actor_id", DataTypes.StringType).add("attribution_class", DataTypes.StringType)
      .add("mentioned_actor_ids", DataTypes.createArrayType(DataTypes.StringType)).add("kind", DataTypes.StringType);

  @BeforeAll
  static void start() {
    spark = LocalSpark.session("derived-tables-test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static Date day(int d) {
    return Date.valueOf("2024-01-" + String.format("%02d", d));
  }

  private static Row mention(String article, String outlet, int d, String actor, int sentence, double score, String text) {
    return RowFactory.create(article, outlet, day(d), actor, actor.substring(0, 1).toUpperCase() + actor.substring(1), "text",
        sentence * 100, sentence, score, score, score < -0.1 ? "negative" : score > 0.1 ? "positive" : "neutral", text);
  }

  /**
   * Outlet A ran wire story W twice (a-1, a-2) and its own a-3; outlet B ran W as b-1 and its own b-2.
   * W: Biden -0.5 and Putin 0.0 in one sentence. Own stories: Biden +0.2 each.
   */
  private static DerivedTables.Built build(boolean excludeSyndicated) {
    Dataset<Row> articles = spark.createDataFrame(List.of(
        RowFactory.create("a-1", "A", day(2), "a-1"), RowFactory.create("a-2", "A", day(3), "a-1"),
        RowFactory.create("a-3", "A", day(4), null), RowFactory.create("b-1", "B", day(2), "a-1"),
        RowFactory.create("b-2", "B", day(5), null)), ARTICLES);
    String wire = "The weak Biden met Putin.";
    List<Row> mentions = new ArrayList<>();
    for (String[] copy : new String[][] {{"a-1", "A"}, {"a-2", "A"}, {"b-1", "B"}}) {
      mentions.add(mention(copy[0], copy[1], 2, "biden", 0, -0.5, wire));
      mentions.add(mention(copy[0], copy[1], 2, "putin", 0, 0.0, wire));
    }
    mentions.add(mention("a-3", "A", 4, "biden", 0, 0.2, "Biden spoke."));
    mentions.add(mention("b-2", "B", 5, "biden", 0, 0.2, "Biden spoke."));
    Dataset<Row> quotes = spark.createDataFrame(List.of(
        RowFactory.create("a-1", "A", day(2), "biden", "neutral", seq(), "direct"),
        RowFactory.create("a-2", "A", day(3), "biden", "neutral", seq(), "direct"),
        RowFactory.create("a-3", "A", day(4), "biden", "assertive", seq(), "direct"),
        RowFactory.create("a-3", "A", day(4), null, null, seq("biden"), "direct"),
        RowFactory.create("a-3", "A", day(4), "putin", "neutral", seq("biden"), "direct"),
        // Reported speech is not a printed quotation: it counts in none of the quote measures.
        RowFactory.create("a-1", "A", day(2), "biden", "neutral", seq(), "indirect")), QUOTES);
    AuditConfig.Aggregation defaults = AuditConfig.defaults().aggregation();
    AuditConfig.Aggregation settings = new AuditConfig.Aggregation("month", 200, 1, 1, 0.95, excludeSyndicated,
        defaults.syndicationSimilarity(), 8, 100, 1, 20);
    return DerivedTables.build(spark, articles, spark.createDataFrame(mentions, MENTIONS), quotes,
        Map.of("biden", "Joe Biden", "putin", "Vladimir Putin"), settings);
  }

  private static scala.collection.immutable.Seq<String> seq(String... values) {
    return CollectionConverters.asScala(List.of(values)).toList();
  }

  private static Row summaryRow(DerivedTables.Built tables, String outlet, String actor) {
    return tables.get("actor_outlet_summary").rows()
        .where("period = 'all' AND outlet = '" + outlet + "' AND actor_id = '" + actor + "'").collectAsList().get(0);
  }

  @Test
  void aWireStoryCountsOncePerOutlet() {
    DerivedTables.Built tables = build(false);
    Row a = summaryRow(tables, "A", "biden");
    // a-2 is A's second copy of the wire story: A counts a-1 and a-3.
    assertThat(a.<Long>getAs("articles")).isEqualTo(2);
    assertThat(a.<Long>getAs("syndicated_articles")).isEqualTo(1);
    assertThat(a.<Double>getAs("mean_target_sentiment")).isEqualTo((-0.5 + 0.2) / 2);
    // Share of voice: A's counted mentions are biden x2 and putin x1.
    assertThat(a.<Double>getAs("share_of_voice")).isEqualTo(2.0 / 3);
    // Quotes from a-1 and a-3 (a-2 is a copy): biden speaks 2 of A's 4 counted quotes, one neutral, one assertive;
    // two quotes by others name him.
    assertThat(a.<Long>getAs("quotes_spoken")).isEqualTo(2);
    assertThat(a.<Long>getAs("quotes_about")).isEqualTo(2);
    assertThat(a.<Double>getAs("share_of_quotes")).isEqualTo(0.5);
    assertThat(CollectionConverters.asJava(a.<scala.collection.Map<String, Long>>getAs("quotes_by_attribution_class")))
        .containsExactlyInAnyOrderEntriesOf(Map.of("assertive", 1L, "neutral", 1L));

    List<Row> co = tables.get("co_mentions").rows().where("period = 'all'").orderBy("outlet").collectAsList();
    assertThat(co).extracting(r -> r.getString(0) + ":" + r.getAs("actor_a") + "+" + r.getAs("actor_b") + "="
        + r.getAs("articles") + "/" + r.getAs("sentences")).containsExactly("A:biden+putin=1/1", "B:biden+putin=1/1");
  }

  @Test
  void syndicatedStoriesCanBeLeftOut() {
    DerivedTables.Built tables = build(true);
    Row a = summaryRow(tables, "A", "biden");
    assertThat(a.<Long>getAs("articles")).isEqualTo(1);
    assertThat(a.<Long>getAs("syndicated_articles")).isZero();
    assertThat(a.<Double>getAs("mean_target_sentiment")).isEqualTo(0.2);
    assertThat(tables.get("co_mentions").rows().count()).isZero();
    assertThat(tables.get("actor_outlet_summary").rows().where("actor_id = 'putin'").count()).isZero();
  }

  @Test
  void contrastsCoverEveryOutletButTestOnlyWithEnoughArticles() {
    List<Row> rows = build(false).get("outlet_contrasts").rows().where("period = 'all' AND actor_id = 'biden'")
        .orderBy("outlet").collectAsList();
    assertThat(rows).extracting(r -> r.<String>getAs("outlet")).containsExactly("A", "B");
    // A: (-0.5 + 0.2) / 2 against B's (-0.5 + 0.2) / 2: the same mean.
    assertThat(rows.get(0).<Double>getAs("difference")).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-12));
    // Two articles a side: the contrast is estimated but not tested (OutletVersusRest.MIN_TESTED_ARTICLES),
    // so it has no p-value and stays out of the q-value family.
    assertThat(rows.get(0).<Double>getAs("ci_low")).isNotNull();
    assertThat(rows.get(0).<Double>getAs("p_value")).isNull();
    assertThat(rows.get(0).<Double>getAs("q_value")).isNull();
  }

  @Test
  void framingTermsUseMentionAnnotationsWhenThereAreAny() {
    AuditConfig.Aggregation settings = new AuditConfig.Aggregation("month", 100, 1, 1, 0.95, false, 0.6, 8, 100, 1, 20);
    StructType withExtras = MENTIONS.add("governing_verb", DataTypes.StringType)
        .add("descriptors", DataTypes.createArrayType(DataTypes.StringType));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rows.add(RowFactory.create("x-" + i, "X", day(2), "biden", "Biden", "text", 0, 0, -0.5, -0.5, "negative",
          "The weak Biden failed again.", "fail", seq("weak")));
      rows.add(RowFactory.create("y-" + i, "Y", day(2), "biden", "Biden", "text", 0, 0, 0.0, 0.0, "neutral",
          "Biden visited the plant.", "visit", seq("President")));
    }
    List<Row> terms = FramingTerms.build(spark.createDataFrame(rows, withExtras), settings)
        .where("outlet = 'X'").orderBy("source", "rank").collectAsList();
    assertThat(terms).extracting(r -> r.getAs("source") + ":" + r.getAs("term") + ":" + r.getAs("count"))
        .containsExactlyInAnyOrder("context:weak:3", "context:failed:3", "descriptor:weak:3", "governing_verb:fail:3");
    assertThat(terms).allSatisfy(r -> assertThat(r.<Double>getAs("z_score")).isPositive());
    // Without the columns, only context terms.
    Dataset<Row> plain = spark.createDataFrame(rows, withExtras).drop("governing_verb", "descriptors");
    assertThat(FramingTerms.build(plain, settings).select("source").distinct().collectAsList())
        .extracting(r -> r.getString(0)).containsExactly("context");
  }

  @Test
  void framingTermsTokenizeEachSentenceOnce() {
    // The totals the log-odds need are sums of the same counts; a plan that joins the counts to aggregates of
    // themselves tokenizes every mention sentence once per join side (four times).
    AuditConfig.Aggregation settings = new AuditConfig.Aggregation("month", 100, 1, 1, 0.95, false, 0.6, 8, 100, 1, 20);
    Dataset<Row> mentions = spark.createDataFrame(List.of(mention("a-1", "A", 2, "biden", 0, -0.5, "Biden failed.")), MENTIONS);
    String plan = FramingTerms.build(mentions, settings).queryExecution().executedPlan().toString();
    assertThat(plan.split("MapPartitions", -1)).hasSize(2);
  }

  @Test
  void coMentionPairsCountArticlesAndSentencesThatNameBoth() {
    // Three sentences: biden and putin together twice (once with zelensky), zelensky alone once more.
    List<CoMentions.Pair> pairs = CoMentions.pairs(List.of(List.of("putin", "biden"), List.of("biden", "putin", "zelensky"),
        List.of("zelensky", "zelensky")));
    assertThat(pairs).containsExactly(new CoMentions.Pair("biden", "putin", 2), new CoMentions.Pair("biden", "zelensky", 1),
        new CoMentions.Pair("putin", "zelensky", 1));
    // Named in different sentences only: a pair of the article, in no sentence.
    assertThat(CoMentions.pairs(List.of(List.of("biden"), List.of("putin")))).containsExactly(new CoMentions.Pair("biden", "putin", 0));
    assertThat(CoMentions.pairs(List.of(List.of("biden"), List.of("biden")))).isEmpty();
  }

  /**
   * Three articles: x and y share 3 of 5 shingles (Jaccard 0.6), x and z share 1 of 7. The shingle sets are
   * tiny here, so a size-based planner would broadcast them; the check must not, at any size.
   */
  @Test
  void exactCopyCheckJoinsShingleSetsWithoutBroadcastingThem() {
    StructType signedSchema = new StructType().add("article_id", DataTypes.StringType)
        .add("signature", DataTypes.createArrayType(DataTypes.IntegerType)).add("shingles", DataTypes.BinaryType);
    Dataset<Row> signed = spark.createDataFrame(List.of(
        RowFactory.create("x", seq(), MinHashSignatures.pack(new long[] {1, 2, 3, 4})),
        RowFactory.create("y", seq(), MinHashSignatures.pack(new long[] {2, 3, 4, 5})),
        RowFactory.create("z", seq(), MinHashSignatures.pack(new long[] {4, 6, 7, 8}))), signedSchema);
    Dataset<Row> candidates = spark.createDataFrame(List.of(RowFactory.create("x", "y"), RowFactory.create("x", "z")),
        new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType));

    Dataset<Row> verified = SyndicatedCopies.verified(candidates, signed, 0.5);
    List<Row> pairs = verified.collectAsList();

    assertThat(pairs).extracting(r -> r.getString(0) + "~" + r.getString(1) + "=" + r.getDouble(2)).containsExactly("x~y=0.6");
    String plan = verified.queryExecution().executedPlan().toString();
    assertThat(plan).contains("SortMergeJoin").doesNotContain("BroadcastHashJoin").doesNotContain("BroadcastExchange");
  }

  @Test
  void minHashFindsCopiesAcrossOutletsButNotDifferentStories() {
    String story = "The Senate voted on Tuesday to approve a package of military aid for Ukraine and Israel after months "
        + "of negotiations between the two parties, sending the bill to the House where its fate remains uncertain as "
        + "members return from recess next week and leaders weigh their options on the border provisions.";
    String edited = story.replace("next week", "on Monday") + " Local lawmakers welcomed the vote.";
    String other = "Farmers blocked roads near the capital on Friday to protest fuel taxes and new rules on pesticides, "
        + "the third such protest this month, as the agriculture minister promised talks with union leaders before the "
        + "spring planting season begins in earnest across the northern provinces.";
    Dataset<Row> articles = spark.createDataFrame(List.of(
        RowFactory.create("wire-a", story), RowFactory.create("wire-b", edited), RowFactory.create("farm", other),
        RowFactory.create("short", "Too short.")),
        new StructType().add("article_id", DataTypes.StringType).add("text", DataTypes.StringType));
    SyndicatedCopies.Found found = SyndicatedCopies.find(spark, articles, 0.6, 1);
    List<Row> groups = found.groups().orderBy("article_id").collectAsList();
    assertThat(groups).extracting(r -> r.getString(0) + "=" + r.getString(1)).containsExactly("wire-a=wire-a", "wire-b=wire-a");
    assertThat(found.articlesInGroups()).isEqualTo(2);
    assertThat(found.groupCount()).isEqualTo(1);
  }
  @Test
  void copySearchGroupsEveryGeneratedCopyWithItsOriginalAndNoTwoOriginals() {
    // The bench corpus's copies: reposts (identical texts) and wire copies (a dateline, the last paragraph cut).
    List<CorpusGenerator.Article> corpus = new CorpusGenerator(11).generate(400, 0.33, 6, 0.2);
    List<Row> rows = corpus.stream().map(a -> RowFactory.create(a.id(), a.text())).toList();
    Dataset<Row> articles = spark.createDataFrame(rows,
        new StructType().add("article_id", DataTypes.StringType).add("text", DataTypes.StringType));
    Map<String, String> groupOf = new HashMap<>();
    for (Row r : SyndicatedCopies.find(spark, articles, 0.6, 1).groups().collectAsList()) {
      groupOf.put(r.getString(0), r.getString(1));
    }
    Map<String, Integer> originalsPerGroup = new HashMap<>();
    for (CorpusGenerator.Article a : corpus) {
      if (a.copy() == CorpusGenerator.Copy.NONE) {
        if (groupOf.containsKey(a.id())) {
          originalsPerGroup.merge(groupOf.get(a.id()), 1, Integer::sum);
        }
      } else {
        assertThat(groupOf.get(a.id())).as("group of copy %s", a.id()).isNotNull().isEqualTo(groupOf.get(a.copyOf()));
      }
    }
    assertThat(originalsPerGroup.values()).isNotEmpty().allSatisfy(n -> assertThat(n).isEqualTo(1));
  }
}
