package org.biasaudit.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.biasaudit.metrics.QuoteEvaluation;
import org.biasaudit.metrics.QuoteGold;
import org.biasaudit.output.OutputTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jobs/eval-quotes}: runs the audit on the quote gold set's articles and scores its {@code quotes}
 * table against the gold ({@link QuoteEvaluation}): quote-span precision, recall and F1, and speaker
 * accuracy, overall and per kind, style, form and quote marks.
 *
 * <p>Exit codes: 0 scored (and, with {@code --check}, every goal met); 1 a goal not met under
 * {@code --check}; 2 bad arguments or a failed audit run.
 */
@Command(name = "eval-quotes", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Score the audit's quotes table against the hand-labelled quote gold set.")
public final class EvalQuotesJob extends JobCommand {
  static final String DEFAULT_GOLD = "src/test/resources/quotes-gold";

  @Option(names = "--gold", paramLabel = "DIR", defaultValue = DEFAULT_GOLD,
      description = "The gold set: articles/ and gold.jsonl. Default: ${DEFAULT-VALUE}.")
  String gold;

  @Option(names = "--audit-output", paramLabel = "DIR",
      description = "Where the audit writes its tables (kept). Default: a temporary folder, removed afterwards.")
  String auditOutput;

  @Option(names = "--score-only", description = "Do not run the audit; score the tables already in --audit-output.")
  boolean scoreOnly;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master for the audit. Default: the config's.")
  String master;

  @Option(names = "--config", paramLabel = "FILE", description = "Job config for the audit. Default: conf/audit.yaml.")
  String config;

  @Option(names = "--engine", paramLabel = "NAME", defaultValue = "audit",
      description = "What produces the quotes: audit (the real job, default), finder (the alias matcher and quote "
          + "finder alone, no Spark or CoreNLP: seconds), corenlp (CoreNLP's quote annotator and attribution).")
  String engine;

  @Option(names = "--errors", description = "Also list every missed, mis-spanned, mis-attributed and extra quote.")
  boolean errors;

  @Option(names = "--check", description = "Exit 1 when a goal is not met.")
  boolean check;


  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return JobCommand.run(new EvalQuotesJob(), "eval-quotes", args, out, err);
  }

  @Override
  public Integer call() throws IOException {
    Path goldDir = AuditJob.projectFile(gold);
    Path goldFile = goldDir.resolve("gold.jsonl");
    Path articles = goldDir.resolve("articles");
    if (!Files.isRegularFile(goldFile) || !Files.isDirectory(articles)) {
      err.println("eval-quotes: " + goldDir + " has no gold.jsonl and articles/ (see --gold)");
      return 2;
    }
    if (scoreOnly && auditOutput == null) {
      err.println("eval-quotes: --score-only needs --audit-output");
      return 2;
    }
    if (!List.of("audit", "finder", "corenlp").contains(engine)) {
      err.println("eval-quotes: --engine must be audit, finder or corenlp");
      return 2;
    }
    if (!engine.equals("audit")) {
      long start = System.nanoTime();
      List<QuoteEvaluation.Predicted> predicted = engine.equals("finder")
          ? QuoteEngines.finder(articles, AuditJob.projectFile(AuditOptions.DEFAULT_ACTORS))
          : QuoteEngines.coreNlp(articles, AuditJob.projectFile(AuditOptions.DEFAULT_ACTORS), out);
      double seconds = (System.nanoTime() - start) / 1e9;
      return report(QuoteEvaluation.score(QuoteGold.read(goldFile), predicted), goldFile,
          String.format(Locale.ROOT, "engine %s, %.1f s", engine, seconds));
    }
    Path output = auditOutput != null ? Path.of(auditOutput) : Files.createTempDirectory("eval-quotes-");
    try {
      if (!scoreOnly) {
        List<String> args = new ArrayList<>(List.of("--input", articles.toString(), "--output", output.toString(), "--overwrite"));
        if (master != null) {
          args.addAll(List.of("--master", master));
        }
        if (config != null) {
          args.addAll(List.of("--config", config));
        }
        out.println("Running the audit on " + articles + " ...");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(log, true, StandardCharsets.UTF_8);
        int code = AuditJob.run(args.toArray(String[]::new), capture, capture);
        if (code != 0) {
          err.print(log.toString(StandardCharsets.UTF_8));
          err.println("eval-quotes: the audit failed (exit " + code + ")");
          return 2;
        }
      }
      return report(evaluate(QuoteGold.read(goldFile), articles, output.toString()), goldFile, "audit output " + output);
    } finally {
      if (auditOutput == null) {
        deleteTree(output);
      }
    }
  }

  private int report(QuoteEvaluation evaluation, Path goldFile, String source) {
    out.println("Gold: " + goldFile + "; " + source);
    out.println();
    out.print(evaluation.format());
    if (errors) {
      out.println();
      out.println("Errors");
      out.print(evaluation.formatErrors());
    }
    boolean met = evaluation.goals().stream().allMatch(QuoteEvaluation.Goal::met);
    return check && !met ? 1 : 0;
  }

  /** Reads the audit's {@code quotes} and {@code articles} tables and scores the quotes of the gold articles. */
  public static QuoteEvaluation evaluate(List<QuoteGold> gold, Path articlesDir, String auditOutput) throws IOException {
    Map<String, String> fileOfArticle = new HashMap<>();
    Path root = articlesDir.toAbsolutePath().normalize();
    for (Map<String, Object> row : OutputTables.read(auditOutput, "articles", List.of("article_id", "source_file"))) {
      Path source = Path.of(new org.apache.hadoop.fs.Path((String) row.get("source_file")).toUri().getPath());
      if (source.startsWith(root)) {
        fileOfArticle.put((String) row.get("article_id"), root.relativize(source).toString().replace('\\', '/'));
      }
    }
    List<QuoteEvaluation.Predicted> predicted = new ArrayList<>();
    for (Map<String, Object> row : OutputTables.read(auditOutput, "quotes", List.of("article_id", "kind", "char_begin",
        "char_end", "text", "speaker_actor_id", "speaker_name", "speaker_method"))) {
      String file = fileOfArticle.get((String) row.get("article_id"));
      if (file != null) {
        predicted.add(new QuoteEvaluation.Predicted(file, (String) row.get("kind"), (Integer) row.get("char_begin"),
            (Integer) row.get("char_end"), (String) row.get("text"), (String) row.get("speaker_actor_id"),
            (String) row.get("speaker_name"), (String) row.get("speaker_method")));
      }
    }
    return QuoteEvaluation.score(gold, predicted);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
