package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The target-sentiment goals, through {@code jobs/eval-sentiment} on the whole NewsMTSC dev split
 * ({@code ../shared/data/targeted-sentiment/}; skipped when absent): macro-F1 of {@code target_label} at
 * least 0.60, at least 12 points above the sentence baseline, and the target-level step at most 20% more
 * time per sentence than the steps without it.
 */
class SentimentEvalIT {
  private static final Path DATA = Path.of("../shared/data/targeted-sentiment/newsmtsc-train.jsonl");

  @Test
  void targetLabelsBeatTheSentenceBaselineOnTheDevSplit() {
    Assumptions.assumeTrue(Files.isRegularFile(DATA),
        "../shared/data/targeted-sentiment/newsmtsc-train.jsonl is absent (a user's clone has no ../shared): skipped");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int code = EvalSentimentJob.run(new String[] {DATA.toString(), "--threads", "2"}, out, out);
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(code).as(printed).isZero();
    assertThat(printed).as("the dev split is unseen by the shipped model").contains("the dev split is unseen");

    double target = figure(printed, "target (classifier).macro_f1");
    double baseline = figure(printed, "sentence baseline.macro_f1");
    double cost = figure(printed, "target_step_extra_cost");
    assertThat(target).as(printed).isGreaterThanOrEqualTo(0.60);
    assertThat(target - baseline).as(printed).isGreaterThanOrEqualTo(0.12);
    assertThat(cost).as(printed).isLessThanOrEqualTo(0.20);
  }

  /** A value of the job's machine-readable {@code summary {...}} line. */
  private static double figure(String printed, String key) {
    Matcher m = Pattern.compile(Pattern.quote(key) + "=(-?[0-9.E-]+)").matcher(printed);
    assertThat(m.find()).as("'" + key + "' in the summary line of:\n" + printed).isTrue();
    return Double.parseDouble(m.group(1));
  }
}
