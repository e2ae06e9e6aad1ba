package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.biasaudit.metrics.QuoteEvaluation;
import org.biasaudit.metrics.QuoteGold;
import org.biasaudit.testing.DuckDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real job on the quote gold set's articles, its {@code quotes} table read back through DuckDB and
 * scored against the gold: the goals must hold, so a regression fails the build.
 */
class QuoteGoldIT {
  private static final Path ARTICLES = QuoteGoldTest.GOLD.resolve("articles");

  @TempDir static Path work;
  private static String output;
  private static DuckDb duck;
  private static List<QuoteGold> gold;

  @BeforeAll
  static void runTheAudit() {
    output = work.resolve("out").toString();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    int code = AuditJob.run(new String[] {"--input", ARTICLES.toString(), "--output", output, "--master", "local[2]"}, quiet,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    duck = new DuckDb();
    gold = QuoteGold.read(QuoteGoldTest.GOLD.resolve("gold.jsonl"));
  }

  @AfterAll
  static void close() {
    duck.close();
  }

  private static String t(String table) {
    return DuckDb.table(output, table);
  }

  /** The quotes table as DuckDB reads it, keyed to the gold's article files. */
  private static List<QuoteEvaluation.Predicted> predictedFromDuckDb() {
    Path root = ARTICLES.toAbsolutePath().normalize();
    List<QuoteEvaluation.Predicted> rows = new ArrayList<>();
    for (Map<String, Object> r : duck.query("SELECT a.source_file, q.kind, q.char_begin, q.char_end, q.text, "
        + "q.speaker_actor_id, q.speaker_name, q.speaker_method FROM " + t("quotes") + " q JOIN " + t("articles")
        + " a USING (article_id)")) {
      Path source = Path.of(new org.apache.hadoop.fs.Path((String) r.get("source_file")).toUri().getPath());
      rows.add(new QuoteEvaluation.Predicted(root.relativize(source).toString().replace('\\', '/'), (String) r.get("kind"),
          (Integer) r.get("char_begin"), (Integer) r.get("char_end"), (String) r.get("text"), (String) r.get("speaker_actor_id"),
          (String) r.get("speaker_name"), (String) r.get("speaker_method")));
    }
    return rows;
  }

  @Test
  void theRealJobMeetsTheGoals() {
    QuoteEvaluation evaluation = QuoteEvaluation.score(gold, predictedFromDuckDb());
    assertThat(evaluation.goals()).as(evaluation.format()).allMatch(QuoteEvaluation.Goal::met);
    assertThat(evaluation.spans().get("indirect").f1(false)).as(evaluation.format()).isGreaterThan(0.9);
  }

  @Test
  void theEvalCommandScoresTheSameTableAsDuckDb() throws Exception {
    QuoteEvaluation viaDuckDb = QuoteEvaluation.score(gold, predictedFromDuckDb());
    QuoteEvaluation viaCommand = EvalQuotesJob.evaluate(gold, ARTICLES, output);
    assertThat(viaCommand.spans()).isEqualTo(viaDuckDb.spans());
    assertThat(viaCommand.speakers()).isEqualTo(viaDuckDb.speakers());

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = EvalQuotesJob.run(new String[] {"--score-only", "--audit-output", output, "--check"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(report).isZero();
    assertThat(report).contains("Quote spans").contains("style=pronoun").contains("Goals").doesNotContain("NOT MET");
  }

  @Test
  void quoteRowsAreWellFormed() {
    assertThat(duck.query("SELECT DISTINCT kind FROM " + t("quotes") + " ORDER BY 1")).extracting(r -> r.get("kind"))
        .containsExactly("direct", "indirect");
    assertThat(duck.count("SELECT count(*) FROM " + t("quotes") + " WHERE kind = 'indirect' AND speaker_actor_id IS NULL")).isZero();
    assertThat(duck.count("SELECT count(*) FROM " + t("quotes") + " WHERE char_end - char_begin > 4002")).isZero();
    // The sentiment map covers only actors named inside the quote, with scores on [-1, 1].
    assertThat(duck.count("SELECT count(*) FROM " + t("quotes")
        + " WHERE NOT list_has_all(mentioned_actor_ids, map_keys(mentioned_actor_sentiment))")).isZero();
    assertThat(duck.count("SELECT count(*) FROM (SELECT unnest(map_values(mentioned_actor_sentiment)) AS v FROM " + t("quotes")
        + ") WHERE v < -1 OR v > 1")).isZero();
    assertThat(duck.count("SELECT count(*) FROM " + t("quotes") + " WHERE cardinality(mentioned_actor_sentiment) > 0"))
        .isGreaterThan(30);
    // Who gets quoted with which verb: classes come from the documented lexicon.
    assertThat(duck.query("SELECT DISTINCT attribution_class FROM " + t("quotes") + " WHERE attribution_class IS NOT NULL"))
        .extracting(r -> r.get("attribution_class")).isSubsetOf(org.biasaudit.nlp.SpeechVerbs.CLASSES);
    // quotes_spoken counts direct quotations only.
    long spoken = duck.count("SELECT sum(quotes_spoken) FROM " + t("actor_outlet_summary") + " WHERE period = 'all'");
    long direct = duck.count("SELECT count(*) FROM " + t("quotes") + " WHERE kind = 'direct' AND speaker_actor_id IS NOT NULL");
    assertThat(spoken).isEqualTo(direct);
  }
}
