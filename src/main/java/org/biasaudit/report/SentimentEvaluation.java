package org.biasaudit.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.metrics.ClassificationScores;
import org.biasaudit.nlp.NewsMtscRunner;
import org.biasaudit.nlp.TargetSentimentModel;

/**
 * The scores of {@code jobs/eval-sentiment}: the job's {@code target_label} and the sentence-level baseline
 * (the sentence's {@code sentence_sentiment} labelled with {@code sentiment.negative_below} /
 * {@code positive_above}) against the gold labels of the same targets, side by side, with the tree-distance
 * method for reference, and the speed of the run with and without the target-level step.
 *
 * <p>Every target counts. A target whose sentence was not scored (too long, headline case, ...) counts as
 * the job reports it: {@code target_label} neutral, and neutral for the baseline as well.
 */
public final class SentimentEvaluation {
  /** One method's predictions, scored. */
  public record Method(String name, ClassificationScores scores) {}

  private final List<Method> methods;
  private final Map<String, Long> statuses;
  private final NewsMtscRunner.Run run;

  private SentimentEvaluation(List<Method> methods, Map<String, Long> statuses, NewsMtscRunner.Run run) {
    this.methods = methods;
    this.statuses = statuses;
    this.run = run;
  }

  public static SentimentEvaluation of(NewsMtscRunner.Run run, AuditConfig.Sentiment thresholds, String targetName,
      String comparedName) {
    List<Method> methods = new ArrayList<>();
    methods.add(score(run, targetName, e -> e.result().targetLabel()));
    methods.add(score(run, "sentence baseline", e -> {
      Double s = e.result().sentenceSentiment();
      return s == null ? "neutral" : thresholds.label(s);
    }));
    if (comparedName != null && !run.examples().isEmpty() && run.examples().get(0).compared() != null) {
      methods.add(score(run, comparedName, e -> e.compared().targetLabel()));
    }
    Map<String, Long> statuses = new TreeMap<>();
    for (NewsMtscRunner.Example e : run.examples()) {
      statuses.merge(e.result().status(), 1L, Long::sum);
    }
    return new SentimentEvaluation(methods, statuses, run);
  }

  private static Method score(NewsMtscRunner.Run run, String name, Function<NewsMtscRunner.Example, String> predicted) {
    ClassificationScores scores = new ClassificationScores(TargetSentimentModel.LABELS);
    for (NewsMtscRunner.Example e : run.examples()) {
      scores.add(e.target().gold(), predicted.apply(e));
    }
    return new Method(name, scores);
  }

  public List<Method> methods() {
    return methods;
  }

  public Method method(String name) {
    return methods.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  /** Sentences per CPU-second (one core) of the audit without the target-level step. */
  public double sentencesPerCoreSecondWithout() {
    return run.sentences() / (run.baseCpuNanos() / 1e9);
  }

  /** Sentences per CPU-second (one core) with the target-level step. */
  public double sentencesPerCoreSecondWith() {
    return run.sentences() / ((run.baseCpuNanos() + run.targetCpuNanos()) / 1e9);
  }

  /** Extra cost of the target-level step, as a share of the time without it. */
  public double targetStepCost() {
    return (double) run.targetCpuNanos() / run.baseCpuNanos();
  }

  public Map<String, Long> statuses() {
    return statuses;
  }

  public void print(PrintStream out) {
    out.printf("%-24s", "");
    for (Method m : methods) {
      out.printf("%24s", m.name());
    }
    out.println();
    row(out, "accuracy", m -> m.scores().accuracy());
    row(out, "macro-F1", m -> m.scores().macroF1());
    for (String label : TargetSentimentModel.LABELS) {
      row(out, "F1 " + label, m -> m.scores().f1(label));
    }
    out.println();
    out.println("Confusion matrices (rows: gold label, columns: predicted label)");
    out.printf("%-12s", "");
    for (Method m : methods) {
      out.printf("  %-26s", m.name());
    }
    out.println();
    out.printf("%-12s", "gold");
    for (int i = 0; i < methods.size(); i++) {
      out.printf("  %8s%9s%9s", "neg", "neu", "pos");
    }
    out.println();
    for (String gold : TargetSentimentModel.LABELS) {
      out.printf("%-12s", gold);
      for (Method m : methods) {
        out.print("  ");
        for (String predicted : TargetSentimentModel.LABELS) {
          out.printf(predicted.equals("negative") ? "%8d" : "%9d", m.scores().count(gold, predicted));
        }
      }
      out.println();
    }
    out.println();
    out.println("sentiment_status of the targets: " + statuses);
  }

  private void row(PrintStream out, String name, Function<Method, Double> value) {
    out.printf("%-24s", name);
    for (Method m : methods) {
      out.printf("%24.3f", value.apply(m));
    }
    out.println();
  }

  /** The figures as a flat map, for a machine-readable summary line. */
  public Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Method m : methods) {
      out.put(m.name() + ".macro_f1", round(m.scores().macroF1()));
      out.put(m.name() + ".accuracy", round(m.scores().accuracy()));
    }
    out.put("sentences_per_core_second_without_target_step", round(sentencesPerCoreSecondWithout()));
    out.put("sentences_per_core_second_with_target_step", round(sentencesPerCoreSecondWith()));
    out.put("target_step_extra_cost", round(targetStepCost()));
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
