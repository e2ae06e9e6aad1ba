package org.biasaudit.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.config.ConfigException;
import org.biasaudit.nlp.MentionAnalyzer;
import org.biasaudit.nlp.NewsMtsc;
import org.biasaudit.nlp.NewsMtscRunner;
import org.biasaudit.nlp.NlpEngines;
import org.biasaudit.nlp.TargetSentimentModel;
import org.biasaudit.nlp.TrainingData;
import org.biasaudit.report.SentimentEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jobs/eval-sentiment}: runs the job's target-sentiment code on a NewsMTSC-format file and prints
 * accuracy, macro-F1 and confusion matrices of {@code target_label} and of the sentence-level baseline, on
 * the dev split carved from the file with the same seed and share the model's train part was carved with,
 * and the speed with and without the target-level step, measured in the same run.
 *
 * <p>Exit codes: 0 success; 2 bad arguments or a missing file; 1 a failed run.
 */
@Command(name = "eval-sentiment", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Evaluate target-level sentiment against the sentence baseline on the NewsMTSC dev split.")
public final class EvalSentimentJob extends JobCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "NewsMTSC-format .jsonl (or .jsonl.gz) file.")
  Path data;

  @Mixin SplitOptions splitOptions;

  @Option(names = "--all", description = "Evaluate on every sentence of FILE instead of the dev split (for a separate test file).")
  boolean all;

  @Option(names = "--limit", defaultValue = "0", description = "Evaluate only the first N sentences of the split (quick runs).")
  int limit;

  @Option(names = "--threads", defaultValue = "0", description = "Threads. Default: all cores.")
  int threads;

  @Option(names = "--warmup", defaultValue = "150",
      description = "Sentences from outside the dev split run first, untimed and unscored (JIT warm-up). Default: ${DEFAULT-VALUE}.")
  int warmup;

  @Option(names = "--model", paramLabel = "FILE", description = "A model file instead of the shipped one.")
  Path model;

  @Option(names = "--config", paramLabel = "FILE", description = "Job config (NLP and sentiment settings). Default: conf/audit.yaml.")
  String config;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return JobCommand.run(new EvalSentimentJob(), "eval-sentiment", args, out, err);
  }

  @Override
  public Integer call() throws IOException {
    AuditConfig settings;
    try {
      settings = AuditJob.loadConfig(new AuditOptions(List.of(), null, null, config, null, false));
    } catch (ConfigException e) {
      err.println("eval-sentiment: " + e.getMessage());
      return 2;
    }
    if (!Files.isRegularFile(data)) {
      err.println("eval-sentiment: no such file: " + data + " (NewsMTSC: ../shared/data/targeted-sentiment/newsmtsc-train.jsonl)");
      return 2;
    }
    TargetSentimentModel classifier;
    if (model != null) {
      try (InputStream in = Files.newInputStream(model)) {
        classifier = TargetSentimentModel.read(in);
      }
    } else {
      classifier = NlpEngines.targetModel();
    }
    List<NewsMtsc.Sentence> sentences = NewsMtsc.read(data);
    NewsMtsc.Split split = NewsMtsc.split(sentences, splitOptions.devShare, splitOptions.seed);
    List<NewsMtsc.Sentence> evaluated = all ? sentences : split.dev();
    if (limit > 0 && limit < evaluated.size()) {
      evaluated = evaluated.subList(0, limit);
    }
    out.println("Target-sentiment evaluation");
    out.printf("  data:   %s (sha256 %s)%n", data, TrainingData.sha256(data));
    out.printf("  split:  %s%n", all ? "every sentence of the file"
        : String.format("dev = %.0f%% of the sentences, stratified by their label combination, seed %d: %d sentences, %d targets"
            + " (train part: %d sentences)", splitOptions.devShare * 100, splitOptions.seed, split.dev().size(),
            TrainingData.targets(split.dev()), split.train().size()));
    if (limit > 0) {
      out.printf("          limited to the first %d sentences (%d targets)%n", evaluated.size(), TrainingData.targets(evaluated));
    }
    out.println("  model:  " + (model != null ? model : TargetSentimentModel.RESOURCE) + ", " + classifier.featureCount()
        + " features; " + disjointness(classifier.settings()));
    out.printf("  config: nlp.parser %s, nlp.max_sentence_tokens %d, sentiment.method %s; baseline and tree labels: score < %s"
        + " negative, > %s positive%n", settings.nlp().parser(), settings.nlp().maxSentenceTokens(), settings.sentiment().method(),
        settings.sentiment().negativeBelow(), settings.sentiment().positiveAbove());

    int cores = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    NlpEngines.Pipelines pipelines = NlpEngines.pipelines(settings.nlp());
    AuditConfig.Sentiment classifierSettings = new AuditConfig.Sentiment(AuditConfig.Sentiment.CLASSIFIER,
        settings.sentiment().negativeBelow(), settings.sentiment().positiveAbove());
    AuditConfig.Sentiment treeSettings = new AuditConfig.Sentiment(AuditConfig.Sentiment.TREE,
        settings.sentiment().negativeBelow(), settings.sentiment().positiveAbove());
    boolean useTree = AuditConfig.Sentiment.TREE.equals(settings.sentiment().method());
    MentionAnalyzer analyzer = new MentionAnalyzer(pipelines.deep(), classifier, settings.nlp(), useTree ? treeSettings : classifierSettings);
    MentionAnalyzer compare = useTree ? null : new MentionAnalyzer(pipelines.deep(), null, settings.nlp(), treeSettings);
    NewsMtscRunner runner = new NewsMtscRunner(pipelines, analyzer, compare);

    if (warmup > 0) {
      List<NewsMtsc.Sentence> warm = all ? evaluated : split.train();
      runner.run(warm.subList(0, Math.min(warmup, warm.size())), cores, false, done -> { });
    }
    long start = System.nanoTime();
    int total = evaluated.size();
    int every = Math.max(1, total / 5);
    NewsMtscRunner.Run run = runner.run(evaluated, cores, false, done -> {
      if (done % every == 0) {
        out.printf("  %d / %d sentences (%.0f s)%n", done, total, (System.nanoTime() - start) / 1e9);
      }
    });
    double wall = (System.nanoTime() - start) / 1e9;
    String targetName = useTree ? "target (tree)" : "target (classifier)";
    SentimentEvaluation evaluation = SentimentEvaluation.of(run, settings.sentiment(), targetName, "target (tree, before)");
    out.println();
    out.printf("%d targets in %d sentences%n", run.examples().size(), run.sentences());
    evaluation.print(out);
    out.println();
    out.printf("Speed (CPU time of the threads that did the work, %d threads; %.0f s wall):%n", cores, wall);
    out.printf("  without the target-level step: %7.1f sentences/s per core (split, quotes, POS, parse, sentiment model, sentence score)%n",
        evaluation.sentencesPerCoreSecondWithout());
    out.printf("  with the target-level step:    %7.1f sentences/s per core (+ dependencies, grammar, features, classifier)%n",
        evaluation.sentencesPerCoreSecondWith());
    out.printf("  the target-level step costs %+.1f%% time%n", 100 * evaluation.targetStepCost());
    out.println("summary " + evaluation.summary());
    return 0;
  }

  /** Whether the model's recorded train part was carved from this file with this seed and share. */
  private String disjointness(Map<String, String> model) {
    if (all) {
      return "evaluating on the whole file";
    }
    String sha = TrainingData.sha256(data);
    boolean sameFile = sha.equals(model.get(TrainingData.SOURCE_SHA256));
    boolean sameSplit = String.valueOf(splitOptions.seed).equals(model.get(TrainingData.SEED))
        && String.valueOf(splitOptions.devShare).equals(model.get(TrainingData.DEV_SHARE));
    if (sameFile && sameSplit) {
      return "trained on the train part of this very split (same file, seed and share): the dev split is unseen";
    }
    return "WARNING: the model's train part was carved from " + model.getOrDefault(TrainingData.SOURCE, "?") + " (sha256 "
        + model.getOrDefault(TrainingData.SOURCE_SHA256, "?") + ", seed " + model.getOrDefault(TrainingData.SEED, "?")
        + ", share " + model.getOrDefault(TrainingData.DEV_SHARE, "?") + "): this dev split may overlap its training data";
  }
}
