package org.biasaudit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.report.SentimentEvaluation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped model against NewsMTSC ({@code ../shared/data/targeted-sentiment/}; skipped when absent): its
 * train part is the train side of the documented split, and on a few dozen dev sentences (the full dev
 * split is {@code jobs/eval-sentiment}'s) the job's path gives every target a defined result.
 */
class NewsMtscSampleTest {
  private static final Path DATA = Path.of("../shared/data/targeted-sentiment/newsmtsc-train.jsonl");
  private static NewsMtsc.Split split;

  @BeforeAll
  static void split() {
    Assumptions.assumeTrue(Files.isRegularFile(DATA),
        "../shared/data/targeted-sentiment/newsmtsc-train.jsonl is absent (a user's clone has no ../shared): skipped");
    TargetSentimentModel model = NlpEngines.targetModel();
    split = NewsMtsc.split(NewsMtsc.read(DATA), Double.parseDouble(model.settings().get(TrainingData.DEV_SHARE)),
        Long.parseLong(model.settings().get(TrainingData.SEED)));
  }

  @Test
  void theCommittedTrainPartIsTheTrainSideOfTheSplitAndNeverTheDevSide() {
    Path part = Path.of("src/main/resources", TrainingData.RESOURCE_DIR, TrainingData.TRAIN_PART);
    List<NewsMtsc.Sentence> committed = NewsMtsc.read(part);
    assertThat(committed).extracting(NewsMtsc.Sentence::text).containsExactlyElementsOf(
        split.train().stream().map(NewsMtsc.Sentence::text).toList());
    Set<String> train = new HashSet<>();
    committed.forEach(s -> train.add(s.text().strip()));
    assertThat(split.dev()).noneMatch(s -> train.contains(s.text().strip()));
    assertThat(NlpEngines.targetModel().settings().get(TrainingData.SOURCE_SHA256)).isEqualTo(TrainingData.sha256(DATA));
  }

  @Test
  void aFewDozenDevSentencesGetDefinedResults() {
    AuditConfig config = Parsing.CONFIG;
    List<NewsMtsc.Sentence> sample = split.dev().subList(0, 40);
    NewsMtscRunner.Run run = new NewsMtscRunner(Parsing.PIPELINES, Parsing.ANALYZER, null).run(sample, 2, false, done -> { });
    assertThat(run.examples()).hasSize(TrainingData.targets(sample));
    assertThat(run.examples()).allSatisfy(e -> {
      assertThat(e.result().targetLabel()).isIn(TargetSentimentModel.LABELS);
      assertThat(e.result().status()).isIn(SentimentStatus.OK, SentimentStatus.NO_SENTIMENT_WORDS, SentimentStatus.SENTENCE_TOO_LONG,
          SentimentStatus.HEADLINE_CASE, SentimentStatus.ALL_CAPS);
    });
    SentimentEvaluation evaluation = SentimentEvaluation.of(run, config.sentiment(), "target", null);
    assertThat(evaluation.method("target").scores().total()).isEqualTo(run.examples().size());
    assertThat(run.baseCpuNanos()).isPositive();
    assertThat(run.targetCpuNanos()).isPositive();
  }
}
