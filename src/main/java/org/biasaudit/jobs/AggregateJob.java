package org.biasaudit.jobs;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.config.ConfigException;
import org.biasaudit.metrics.DerivedTables;
import org.biasaudit.output.OutputDirectory;
import org.biasaudit.output.TableWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jobs/aggregate}: recomputes every derived table of an audit output ({@link DerivedTables}, and
 * {@code report.html}) from its {@code articles}, {@code mentions} and {@code quotes}, with the grain and
 * thresholds of the given config, without annotating again (CoreNLP is never loaded). The tables are
 * replaced in place; {@code manifest.json} records the settings under {@code aggregate}.
 *
 * <p>Example: {@code jobs/aggregate --from out/ --config weekly.yaml}. Exit codes as {@code jobs/audit}.
 */
@Command(name = "aggregate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Recompute the derived tables of an audit output with a new grain or threshold.")
public final class AggregateJob extends JobCommand {
  @Option(names = "--from", required = true, paramLabel = "DIR", description = "An output of jobs/audit.")
  String from;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Job config (YAML); only its aggregation and output.compression settings are used. "
          + "Default: conf/audit.yaml when present, else built-in defaults.")
  String config;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: the config's, local[*].")
  String master;


  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return JobCommand.run(new AggregateJob(), "aggregate", args, out, err);
  }

  @Override
  public Integer call() {
    AuditConfig settings;
    OutputDirectory output;
    String runId = OutputDirectory.newRunId();
    try {
      settings = AuditJob.loadConfig(new AuditOptions(List.of(), from, null, config, master, false));
      output = OutputDirectory.forUpdate(from, runId, new Configuration());
    } catch (ConfigException | IllegalArgumentException | IOException e) {
      err.println("aggregate: " + e.getMessage());
      return 2;
    }
    SparkSession spark = SparkSessions.create(settings);
    try {
      long start = System.nanoTime();
      Map<String, Long> rows = new LinkedHashMap<>();
      Map<String, Double> timings = new LinkedHashMap<>();
      Map<String, String> names = new LinkedHashMap<>();
      for (Row r : spark.read().parquet(output.publishedPath("actors")).select(col("actor_id"), col("name")).collectAsList()) {
        names.put(r.getString(0), r.getString(1));
      }
      TableWriter writer = new TableWriter(output, settings.output().compression());
      DerivedTableStep.write(spark, writer, spark.read().parquet(output.publishedPath("articles")),
          spark.read().parquet(output.publishedPath("mentions")), spark.read().parquet(output.publishedPath("quotes")),
          names, settings.aggregation(), rows, timings);
      // The report reads the new derived tables and the unchanged base tables.
      List<String> derived = Arrays.asList(DerivedTables.NAMES);
      String html = null;
      long reportStart = System.nanoTime();
      try {
        html = ReportStep.render(spark, t -> derived.contains(t) ? output.stagingPath(t) : output.publishedPath(t),
            "bias-audit report: " + new org.apache.hadoop.fs.Path(output.target()).getName(), runId);
        output.writeText(ReportStep.FILE, html);
      } catch (RuntimeException e) {
        out.println("report.html not written: " + e);
      }
      timings.put("report", Math.round((System.nanoTime() - reportStart) / 1e7) / 100.0);
      double wall = (System.nanoTime() - start) / 1e9;
      List<String> replaced = new ArrayList<>(derived);
      if (html != null) {
        replaced.add(ReportStep.FILE);
      }
      output.publishUpdate(replaced, manifest(output, settings, rows, timings, runId, wall));
      for (Map.Entry<String, Long> table : rows.entrySet()) {
        out.printf("  %-22s %8d rows  %s/%s%n", table.getKey(), table.getValue(), output.target(), table.getKey());
      }
      out.printf("Re-aggregated %s (period %s) in %.1f s, without re-annotation%n", output.target(),
          settings.aggregation().period(), wall);
      return 0;
    } catch (Exception e) {
      output.abandon();
      err.println("aggregate: run failed: " + e);
      e.printStackTrace(err);
      return 1;
    } finally {
      spark.stop();
    }
  }

  /** The audit's manifest, with the new row counts and an {@code aggregate} section. */
  private static String manifest(OutputDirectory output, AuditConfig settings, Map<String, Long> rows,
      Map<String, Double> timings, String runId, double wall) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode manifest;
    try {
      manifest = (ObjectNode) mapper.readTree(output.readPublishedText(OutputDirectory.MANIFEST));
    } catch (IOException | ClassCastException e) {
      manifest = mapper.createObjectNode();
    }
    ObjectNode tables = manifest.has("tables") && manifest.get("tables").isObject()
        ? (ObjectNode) manifest.get("tables") : manifest.putObject("tables");
    rows.forEach(tables::put);
    Map<String, Object> aggregate = new LinkedHashMap<>();
    aggregate.put("run_id", runId);
    aggregate.put("finished_at", Instant.now().toString());
    aggregate.put("wall_seconds", Math.round(wall * 100) / 100.0);
    aggregate.put("timings_seconds", timings);
    Map<String, Object> config = new LinkedHashMap<>();
    settings.describe().forEach((k, v) -> {
      if (k.startsWith("aggregation.") || k.equals("source")) {
        config.put(k, v);
      }
    });
    aggregate.put("config", config);
    manifest.set("aggregate", mapper.valueToTree(aggregate));
    return mapper.writeValueAsString(manifest);
  }
}
