package org.biasaudit.jobs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.config.ConfigException;
import org.biasaudit.metrics.ClassificationScores;
import org.biasaudit.nlp.MentionAnalyzer;
import org.biasaudit.nlp.NewsMtsc;
import org.biasaudit.nlp.NewsMtscRunner;
import org.biasaudit.nlp.NlpEngines;
import org.biasaudit.nlp.TargetSentimentModel;
import org.biasaudit.nlp.TargetSentimentTrainer;
import org.biasaudit.nlp.TrainingData;
import org.biasaudit.nlp.TargetFeatures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jobs/train-sentiment}: trains the target-sentiment classifier on the train part of the NewsMTSC
 * split and writes the model the job ships. Without options it retrains from the committed train part,
 * giving the committed model again; {@code --carve-from} first re-carves the train part from the original
 * NewsMTSC file (fixed seed, stratified, the dev share left out), and {@code --cv} reports k-fold
 * cross-validation on the train part, the only place where settings are compared.
 *
 * <p>Exit codes: 0 success; 2 bad arguments or a missing file; 1 a failed run.
 */
@Command(name = "train-sentiment", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Train the target-sentiment classifier on the train part of the NewsMTSC split.")
public final class TrainSentimentJob extends JobCommand {
  @Option(names = "--carve-from", paramLabel = "FILE",
      description = "Re-carve the train part from this NewsMTSC .jsonl file first, with the split of --seed and --dev-share "
          + "(overwrites the committed train part).")
  Path carveFrom;

  @Mixin SplitOptions splitOptions;

  @Option(names = "--train-part", paramLabel = "FILE", description = "The train part (.jsonl.gz). Default: the committed one.")
  Path trainPart;

  @Option(names = "--model", paramLabel = "FILE", description = "Where to write the model. Default: the committed one.")
  Path model;

  @Option(names = "--cv", paramLabel = "K", defaultValue = "0", description = "Also run K-fold cross-validation on the train part.")
  int folds;

  @Option(names = "--cost", defaultValue = "0.3", description = "LIBLINEAR C. Default: ${DEFAULT-VALUE}.")
  double cost;

  @Option(names = "--min-count", defaultValue = "2", description = "Drop features seen in fewer examples. Default: ${DEFAULT-VALUE}.")
  int minCount;

  @Option(names = "--lexicon-spread", defaultValue = "0.5",
      description = "Weight spread that makes a word evaluative (no-sentiment-words rule). Default: ${DEFAULT-VALUE}.")
  double lexiconSpread;

  @Option(names = "--threads", defaultValue = "0", description = "Parsing threads. Default: all cores.")
  int threads;

  @Option(names = "--config", paramLabel = "FILE", description = "Job config for the NLP settings. Default: conf/audit.yaml.")
  String config;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return JobCommand.run(new TrainSentimentJob(), "train-sentiment", args, out, err);
  }

  /** The committed model and data, in the source tree of the project. */
  static Path resourceDir() {
    return AuditJob.projectFile("src/main/resources").resolve(TrainingData.RESOURCE_DIR);
  }

  @Override
  public Integer call() throws IOException {
    AuditConfig settings;
    try {
      settings = AuditJob.loadConfig(new AuditOptions(List.of(), null, null, config, null, false));
    } catch (ConfigException e) {
      err.println("train-sentiment: " + e.getMessage());
      return 2;
    }
    Path part = trainPart != null ? trainPart : resourceDir().resolve(TrainingData.TRAIN_PART);
    Path target = model != null ? model : resourceDir().resolve(TargetSentimentModel.FILE_NAME);
    if (carveFrom != null) {
      if (!Files.isRegularFile(carveFrom)) {
        err.println("train-sentiment: --carve-from: no such file: " + carveFrom);
        return 2;
      }
      Map<String, String> carved = TrainingData.carve(carveFrom, splitOptions.devShare, splitOptions.seed, part);
      out.println("Carved " + carveFrom + " -> " + part + ": " + carved);
    }
    if (!Files.isRegularFile(part)) {
      err.println("train-sentiment: no train part at " + part + " (use --carve-from FILE)");
      return 2;
    }
    List<NewsMtsc.Sentence> sentences = NewsMtsc.read(part);
    Map<String, String> split = TrainingData.describe(part);
    int cores = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    out.printf("Train part: %s, %d sentences, %d targets (%s)%n", part, sentences.size(), TrainingData.targets(sentences), split);

    long start = System.nanoTime();
    NlpEngines.Pipelines pipelines = NlpEngines.pipelines(settings.nlp());
    MentionAnalyzer analyzer = new MentionAnalyzer(pipelines.deep(), null, settings.nlp(), settings.sentiment());
    int every = Math.max(1, sentences.size() / 10);
    NewsMtscRunner.Run run = new NewsMtscRunner(pipelines, analyzer, null).run(sentences, cores, true, done -> {
      if (done % every == 0) {
        out.printf("  parsed %d / %d sentences (%.0f s)%n", done, sentences.size(), (System.nanoTime() - start) / 1e9);
      }
    });
    List<TargetSentimentTrainer.Labelled> examples = new ArrayList<>();
    List<Integer> foldOf = new ArrayList<>();
    for (NewsMtscRunner.Example e : run.examples()) {
      examples.add(new TargetSentimentTrainer.Labelled(e.target().gold(), e.features()));
      foldOf.add(folds > 0 ? (int) Math.floorMod(e.sentence().line() * 2654435761L, (long) folds) : 0);
    }
    out.printf("Features of %d targets (%d not parsed: over the token limit or all-capitals/headline case) in %.0f s%n",
        examples.size(), TrainingData.targets(sentences) - examples.size(), (System.nanoTime() - start) / 1e9);

    TargetSentimentTrainer.Settings trainer = new TargetSentimentTrainer.Settings(cost, minCount, 0.01, 1000, lexiconSpread);
    if (folds > 1) {
      List<String> predicted = TargetSentimentTrainer.crossValidate(examples, foldOf, folds, trainer);
      ClassificationScores scores = new ClassificationScores(TargetSentimentModel.LABELS);
      for (int i = 0; i < examples.size(); i++) {
        scores.add(examples.get(i).gold(), predicted.get(i));
      }
      out.printf("%d-fold cross-validation on the train part (folds by sentence; parsed targets only): macro-F1 %.4f, accuracy %.4f%n",
          folds, scores.macroF1(), scores.accuracy());
    }

    Map<String, String> header = new LinkedHashMap<>();
    header.put("model", "bias-audit target sentiment, TargetFeatures version " + TargetFeatures.VERSION);
    header.put("training_data", TrainingData.RESOURCE_DIR + "/" + TrainingData.TRAIN_PART + " (sha256 " + TrainingData.sha256(part) + ")");
    header.putAll(split);
    header.put("nlp.parser", settings.nlp().parser());
    header.put("nlp.max_sentence_tokens", Integer.toString(settings.nlp().maxSentenceTokens()));
    TargetSentimentModel trained = TargetSentimentTrainer.train(examples, trainer, header);
    Files.createDirectories(target.toAbsolutePath().getParent());
    try (OutputStream file = Files.newOutputStream(target)) {
      trained.write(file);
    }
    out.printf("Model: %s (%d features, %d bytes) in %.0f s%n", target, trained.featureCount(), Files.size(target),
        (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
