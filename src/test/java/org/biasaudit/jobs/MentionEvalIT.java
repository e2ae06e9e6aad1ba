package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.biasaudit.metrics.LabeledArticles;
import org.biasaudit.metrics.MentionScores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code jobs/eval-mentions} as the command line does, at the default coreference tier, on the
 * labeled mention set ({@code src/test/resources/mention-eval}, written for this project), and holds the
 * job to the goals it reaches: named mentions precision >= 0.97 and recall >= 0.95, pronoun and nominal
 * F1 >= 0.75.
 */
class MentionEvalIT {
  @TempDir static Path work;
  private static MentionEvalJob.Outcome outcome;
  private static String console;

  @BeforeAll
  static void runTheEvaluation() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    outcome = MentionEvalJob.run(new String[] {"--output", work.resolve("eval").toString(), "--master", "local[2]"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    console = out.toString(StandardCharsets.UTF_8);
    assertThat(outcome.exitCode()).as("stderr:\n" + err.toString(StandardCharsets.UTF_8)).isZero();
  }

  @Test
  void theLabeledSetIsLargeEnoughAndCoversEveryType() {
    var articles = LabeledArticles.read(Path.of(MentionEvalJob.DEFAULT_SET));
    assertThat(articles).hasSizeGreaterThanOrEqualTo(40);
    var mentions = articles.stream().flatMap(a -> a.mentions().stream()).toList();
    assertThat(mentions).hasSizeGreaterThanOrEqualTo(300);
    for (String type : MentionScores.TYPES) {
      assertThat(mentions).filteredOn(m -> m.type().equals(type)).as(type).hasSizeGreaterThanOrEqualTo(50);
    }
    assertThat(mentions).extracting(m -> m.actorId()).contains("hillary_clinton", "bill_clinton", "russian_government");
    assertThat(outcome.result().articles()).isEqualTo(articles.size());
    assertThat(outcome.result().scores().labeled()).isEqualTo(mentions.size());
  }

  @Test
  void defaultTierMeetsTheMentionGoals() {
    MentionEvalJob.Result result = outcome.result();
    assertThat(result.tier()).isEqualTo("fast");
    MentionScores.Counts names = result.scores().byType().get("NAME");
    assertThat(names.precision()).as("named precision\n" + console).isGreaterThanOrEqualTo(0.97);
    assertThat(names.recall()).as("named recall\n" + console).isGreaterThanOrEqualTo(0.95);
    assertThat(result.scores().byType().get("PRONOUN").f1()).as("pronoun F1\n" + console).isGreaterThanOrEqualTo(0.75);
    assertThat(result.scores().byType().get("NOMINAL").f1()).as("nominal F1\n" + console).isGreaterThanOrEqualTo(0.75);
  }

  @Test
  void scoresAndErrorsAreWrittenAndPrinted() throws Exception {
    assertThat(console).contains("Mention evaluation:").contains("PRONOUN").contains("per actor");
    assertThat(Files.readString(work.resolve("eval/scores.json"))).contains("\"by_type\"").contains("\"by_actor\"");
    long errors = Files.readAllLines(work.resolve("eval/errors.tsv")).size() - 1;
    MentionScores.Counts all = outcome.result().scores().overall();
    assertThat(errors).isEqualTo(all.falsePositives() + all.falseNegatives());
  }
}
