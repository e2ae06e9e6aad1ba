package org.biasaudit.jobs;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jobs/audit}: reads a news corpus, finds the tracked actors, runs CoreNLP on the articles that name
 * them and writes the audit tables.
 *
 * <p>Input: files or folders of JSON Lines, CSV, Parquet or plain-text articles. Output: Parquet tables
 * under {@code --output} ({@code docs/tables.md}). Example:
 * {@code jobs/audit --input sample-data --output out/}
 *
 * <p>Exit codes: 0 success; 2 bad arguments, config or registry (before Spark starts); 1 a failed run.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Audit how news outlets frame tracked actors; writes Parquet tables.")
public final class AuditJob extends JobCommand {
  @Option(names = "--input", required = true, paramLabel = "PATH",
      description = "A file or directory of articles (.jsonl, .jsonl.gz, .csv, .parquet, .txt); repeatable.")
  List<String> inputs;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Directory for the tables.")
  String output;

  @Option(names = "--actors", paramLabel = "FILE", defaultValue = AuditOptions.DEFAULT_ACTORS,
      description = "Actor registry (YAML). Default: ${DEFAULT-VALUE}.")
  String actors;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Job config (YAML). Default: conf/audit.yaml when present, else built-in defaults.")
  String config;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: the config's, local[*].")
  String master;

  @Option(names = "--overwrite", description = "Replace a non-empty output directory.")
  boolean overwrite;

  /** Whether this JVM runs nothing but this job, so that it may drop the models once it has annotated. */
  private final boolean ownsJvm;

  private AuditJob(boolean ownsJvm) {
    this.ownsJvm = ownsJvm;
  }

  public static void main(String[] args) {
    System.exit(run(new AuditJob(true), args, System.out, System.err));
  }

  /**
   * Runs the job as the command line would, with the exit code returned instead of exiting. The JVM is the
   * caller's, so its loaded models stay loaded for the next run.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(new AuditJob(false), args, out, err);
  }

  /**
   * Runs the job exactly as {@link #main} does, in a JVM that runs nothing after it (so, in local mode, the
   * models are dropped once annotated), with the exit code returned instead of exiting: for a caller that
   * measures the command line's run in a JVM of its own ({@code jobs/bench}).
   */
  public static int runInOwnJvm(String[] args, PrintStream out, PrintStream err) {
    return run(new AuditJob(true), args, out, err);
  }

  private static int run(AuditJob job, String[] args, PrintStream out, PrintStream err) {
    return JobCommand.run(job, "audit", args, out, err);
  }


  @Override
  public Integer call() {
    AuditOptions options = new AuditOptions(inputs, output, actors, config, master, overwrite);
    AuditRun.Prepared prepared;
    try {
      prepared = AuditRun.prepare(options);
    } catch (ConfigException | IllegalArgumentException e) {
      err.println("audit: " + e.getMessage());
      return 2;
    }
    SparkSession spark = SparkSessions.create(prepared.config());
    try {
      new AuditRun(spark, prepared, out, ownsJvm).run();
      return 0;
    } catch (Exception e) {
      err.println("audit: run failed: " + e);
      e.printStackTrace(err);
      return 1;
    } finally {
      spark.stop();
    }
  }

  /** Loads config and registry for {@code options}, failing fast on problems. */
  static AuditConfig loadConfig(AuditOptions options) {
    AuditConfig config;
    if (options.config() != null) {
      config = AuditConfig.load(Path.of(options.config()));
    } else if (Files.isRegularFile(projectFile(AuditOptions.DEFAULT_CONFIG))) {
      config = AuditConfig.load(projectFile(AuditOptions.DEFAULT_CONFIG));
    } else {
      config = AuditConfig.defaults();
    }
    if (options.overwrite()) {
      config = config.withOverwrite(true);
    }
    if (options.master() != null) {
      config = config.withSparkMaster(options.master());
    }
    return config;
  }

  static ActorRegistry loadRegistry(AuditOptions options) {
    String actors = options.actors() == null ? AuditOptions.DEFAULT_ACTORS : options.actors();
    return ActorRegistry.load(actors.equals(AuditOptions.DEFAULT_ACTORS) ? projectFile(actors) : Path.of(actors));
  }

  /**
   * A default file under {@code conf/}: from the working directory when it has one, else from the
   * project folder that {@code jobs/audit} names in {@code bias.audit.home}, so the defaults work from
   * any directory.
   */
  static Path projectFile(String relative) {
    Path local = Path.of(relative);
    if (Files.exists(local)) {
      return local;
    }
    String home = System.getProperty("bias.audit.home");
    return home == null ? local : Path.of(home).resolve(relative);
  }
}
