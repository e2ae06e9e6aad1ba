package org.biasaudit.jobs;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.config.ConfigException;
import org.biasaudit.metrics.LabeledArticles;
import org.biasaudit.metrics.LabeledMention;
import org.biasaudit.metrics.MentionScores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jobs/eval-mentions}: runs the real audit job on the labeled mention set and scores its
 * {@code mentions} table: precision, recall and F1 overall, per mention type and per actor.
 *
 * <p>Input: a folder of labeled articles ({@link LabeledArticles}; default
 * {@code src/test/resources/mention-eval}). Output, under {@code --output}: {@code input/articles.jsonl}
 * (the clean articles), {@code audit/} (the job's tables), {@code scores.json} and {@code errors.tsv}
 * (every miss and false alarm with its sentence). Example:
 * {@code jobs/eval-mentions --coref fast --output target/mention-eval}
 *
 * <p>Exit codes: 0 scored; 2 bad arguments, labeled set, config or registry; 1 a failed run.
 */
@Command(name = "eval-mentions", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Score the audit's mentions table against the labeled mention set.")
public final class MentionEvalJob extends JobCommand {
  public static final String DEFAULT_SET = "src/test/resources/mention-eval";

  @Option(names = "--set", paramLabel = "DIR", defaultValue = DEFAULT_SET,
      description = "Folder of labeled articles (searched recursively). Default: ${DEFAULT-VALUE}.")
  String set;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "target/mention-eval",
      description = "Folder for the input, the job's tables and the scores; replaced. Default: ${DEFAULT-VALUE}.")
  String output;

  @Option(names = "--coref", paramLabel = "TIER", description = "Override nlp.coref: none, fast or full.")
  String coref;

  @Option(names = "--actors", paramLabel = "FILE", defaultValue = AuditOptions.DEFAULT_ACTORS,
      description = "Actor registry (YAML). Default: ${DEFAULT-VALUE}.")
  String actors;

  @Option(names = "--config", paramLabel = "FILE", description = "Job config (YAML). Default: conf/audit.yaml.")
  String config;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: the config's, local[*].")
  String master;

  /** What a run measured, for callers that assert on it. */
  public record Result(MentionScores scores, int articles, String tier, double annotateSeconds) {}

  private Result result;

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err).exitCode());
  }

  /** The exit code, and the scores when the run succeeded. */
  public record Outcome(int exitCode, Result result) {}

  public static Outcome run(String[] args, PrintStream out, PrintStream err) {
    MentionEvalJob job = new MentionEvalJob();
    int code = JobCommand.run(job, "eval-mentions", args, out, err);
    return new Outcome(code, job.result);
  }

  @Override
  public Integer call() throws IOException {
    List<LabeledArticles.Article> articles;
    AuditRun.Prepared prepared;
    Path work = Path.of(output);
    try {
      articles = LabeledArticles.read(set.equals(DEFAULT_SET) ? AuditJob.projectFile(set) : Path.of(set));
      ActorRegistry registry = AuditJob.loadRegistry(new AuditOptions(List.of(), output, actors, config, master, true));
      checkActors(articles, registry);
      Path input = work.resolve("input");
      Files.createDirectories(input);
      // A fresh audit every time: the annotation store of an earlier run would hand back earlier results.
      deleteTree(work.resolve("audit"));
      writeArticles(articles, input.resolve("articles.jsonl"));
      prepared = AuditRun.prepare(new AuditOptions(List.of(input.toString()), work.resolve("audit").toString(), actors,
          config, master, true));
      if (coref != null) {
        prepared = new AuditRun.Prepared(prepared.options(), prepared.config().withCoref(coref), prepared.registry(),
            prepared.listing(), prepared.output(), prepared.runId());
      }
    } catch (ConfigException | IllegalArgumentException e) {
      err.println("eval-mentions: " + e.getMessage());
      return 2;
    }
    SparkSession spark = SparkSessions.create(prepared.config());
    try {
      AuditRun.Result run = new AuditRun(spark, prepared, out).run();
      List<LabeledMention> found = new ArrayList<>();
      for (Row r : spark.read().parquet(run.output() + "/mentions")
          .select(col("article_id"), col("field"), col("char_begin"), col("char_end"), col("surface"), col("actor_id"),
              col("mention_type")).collectAsList()) {
        found.add(new LabeledMention(r.getString(0), r.getString(1), r.getInt(2), r.getInt(3), r.getString(4),
            r.getString(5), r.getString(6)));
      }
      List<LabeledMention> gold = articles.stream().flatMap(a -> a.mentions().stream()).toList();
      MentionScores scores = MentionScores.score(gold, found);
      String tier = prepared.config().nlp().coref();
      double annotateSeconds = readAnnotateSeconds(work.resolve("audit").resolve("manifest.json"));
      result = new Result(scores, articles.size(), tier, annotateSeconds);
      report(articles, scores, tier, annotateSeconds, work);
      return 0;
    } catch (Exception e) {
      err.println("eval-mentions: run failed: " + e);
      e.printStackTrace(err);
      return 1;
    } finally {
      spark.stop();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void checkActors(List<LabeledArticles.Article> articles, ActorRegistry registry) {
    for (LabeledArticles.Article a : articles) {
      for (LabeledMention m : a.mentions()) {
        if (registry.byId(m.actorId()) == null) {
          throw new IllegalArgumentException(a.source() + ": actor '" + m.actorId() + "' of '" + m.surface()
              + "' is not in the registry " + registry.source());
        }
      }
    }
  }

  private static void writeArticles(List<LabeledArticles.Article> articles, Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder lines = new StringBuilder();
    for (LabeledArticles.Article a : articles) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", a.id());
      row.put("outlet", a.outlet());
      row.put("published", a.published() == null ? null : a.published().toString());
      row.put("title", a.title());
      row.put("text", a.text());
      lines.append(json.writeValueAsString(row)).append('\n');
    }
    Files.writeString(file, lines.toString(), StandardCharsets.UTF_8);
  }

  private static double readAnnotateSeconds(Path manifest) {
    try {
      return new ObjectMapper().readTree(manifest.toFile()).path("timings_seconds").path("annotate").asDouble();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void report(List<LabeledArticles.Article> articles, MentionScores scores, String tier, double annotateSeconds,
      Path work) throws IOException {
    out.println();
    out.printf(Locale.ROOT, "Mention evaluation: %d articles, %d labeled mentions, nlp.coref = %s, annotation %.1f s%n",
        articles.size(), scores.labeled(), tier, annotateSeconds);
    out.print(scores.format());
    Map<String, String> texts = new LinkedHashMap<>();
    for (LabeledArticles.Article a : articles) {
      texts.put(a.id() + "\u0000title", a.title());
      texts.put(a.id() + "\u0000text", a.text());
    }
    StringBuilder tsv = new StringBuilder("error\tarticle_id\tfield\tchar_begin\tactor_id\ttype\tsurface\tcontext\n");
    for (MentionScores.Error e : scores.errors()) {
      LabeledMention m = e.gold() != null ? e.gold() : e.found();
      String text = texts.getOrDefault(m.articleId() + "\u0000" + m.field(), "");
      String context = text.substring(Math.max(0, m.begin() - 60), Math.min(text.length(), m.end() + 60)).replaceAll("\\s+", " ");
      tsv.append(e.gold() != null ? "missed" : "false_alarm").append('\t').append(m.articleId()).append('\t').append(m.field())
          .append('\t').append(m.begin()).append('\t').append(m.actorId()).append('\t').append(m.type()).append('\t')
          .append(m.surface()).append('\t').append(context).append('\n');
    }
    Files.writeString(work.resolve("errors.tsv"), tsv.toString(), StandardCharsets.UTF_8);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("set", set);
    json.put("articles", articles.size());
    json.put("labeled_mentions", scores.labeled());
    json.put("coref", tier);
    json.put("annotate_seconds", annotateSeconds);
    json.put("overall", counts(scores.overall()));
    Map<String, Object> types = new LinkedHashMap<>();
    scores.byType().forEach((k, v) -> types.put(k, counts(v)));
    json.put("by_type", types);
    Map<String, Object> actorsJson = new LinkedHashMap<>();
    scores.byActor().forEach((k, v) -> actorsJson.put(k, counts(v)));
    json.put("by_actor", actorsJson);
    Files.writeString(work.resolve("scores.json"),
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json), StandardCharsets.UTF_8);
    out.printf("Misses and false alarms: %s; scores: %s%n", work.resolve("errors.tsv"), work.resolve("scores.json"));
  }

  private static Map<String, Object> counts(MentionScores.Counts c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tp", c.truePositives());
    out.put("fp", c.falsePositives());
    out.put("fn", c.falseNegatives());
    out.put("precision", Double.isNaN(c.precision()) ? null : c.precision());
    out.put("recall", Double.isNaN(c.recall()) ? null : c.recall());
    out.put("f1", Double.isNaN(c.f1()) ? null : c.f1());
    return out;
  }
}
