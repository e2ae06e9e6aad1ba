package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.biasaudit.testing.DuckDb;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the job with SIGKILL at several points of a run and checks that the output directory is always
 * either the previous complete output or a new complete one, never half-written, and that a run killed
 * before it publishes leaves no output at all.
 */
class AtomicOutputIT {
  private static final long PROCESS_TIMEOUT_SECONDS = 300;

  @TempDir static Path work;
  private static Path previous;
  private static String previousRunId;

  @BeforeAll
  static void completeRun() throws IOException {
    previous = work.resolve("out");
    int code = AuditJob.run(new String[] {"--input", "sample-data/northgate-herald.jsonl", "--output", previous.toString(),
        "--master", "local[2]"}, quiet(), quiet());
    assertThat(code).isZero();
    previousRunId = runId(previous);
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }

  private static String runId(Path output) throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
    return manifest.get("run_id").asText();
  }

  /** Starts the job in its own JVM, as jobs/audit would. */
  private static Process start(Path output, boolean overwrite) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx3g");
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty")
          || arg.startsWith("-XX:+IgnoreUnrecognizedVMOptions")) {
        command.add(arg);
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), AuditJob.class.getName(),
        "--input", "sample-data/northgate-herald.jsonl", "--output", output.toString(), "--master", "local[2]"));
    if (overwrite) {
      command.add("--overwrite");
    }
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("job.log").toFile()).start();
  }

  /** Waits until {@code moment} holds for some staging folder of {@code output}, then kills the job. */
  private static boolean killWhen(Process job, Path output, Predicate<Path> moment) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline && job.isAlive()) {
      for (Path staging : stagingFolders(output)) {
        if (moment.test(staging)) {
          job.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
          return true;
        }
      }
      Thread.sleep(5);
    }
    job.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    return false;
  }

  private static List<Path> stagingFolders(Path output) throws IOException {
    try (Stream<Path> siblings = Files.list(output.getParent())) {
      return siblings.filter(p -> p.getFileName().toString().startsWith("." + output.getFileName() + ".staging-")).toList();
    }
  }

  static Predicate<Path> moment(String name) {
    return switch (name) {
      case "started" -> staging -> true;
      case "annotating" -> staging -> Files.isDirectory(staging.resolve("_work/fresh"));
      case "writing-tables" -> staging -> Files.isDirectory(staging.resolve("mentions"));
      case "publishing" -> staging -> Files.exists(staging.resolve("manifest.json"));
      default -> throw new IllegalArgumentException(name);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"started", "annotating", "writing-tables", "publishing"})
  void killedRerunLeavesACompleteOutput(String when) throws Exception {
    Process job = start(previous, true);
    boolean killed = killWhen(job, previous, moment(when));
    assertThat(killed || job.exitValue() == 0).as("the job reached '" + when + "' or finished; log: "
        + Files.readString(work.resolve("job.log"))).isTrue();
    // Either the previous output or (if the kill came after the rename) the new one: complete either way.
    assertThat(previous.resolve("_SUCCESS")).exists();
    JsonNode manifest = new ObjectMapper().readTree(previous.resolve("manifest.json").toFile());
    if (killed && !when.equals("publishing")) {
      // Killed before the manifest was written: the publish step had not begun.
      assertThat(manifest.get("run_id").asText()).isEqualTo(previousRunId);
    } else if (!killed) {
      assertThat(manifest.get("run_id").asText()).isNotEqualTo(previousRunId);
    }
    // Every table agrees with the manifest that was published with it.
    try (DuckDb duck = new DuckDb()) {
      for (String table : new String[] {"articles", "rejected", "mentions", "quotes", "actors", "actor_outlet_summary"}) {
        assertThat(duck.count("SELECT count(*) FROM " + DuckDb.table(previous.toString(), table)))
            .as(table).isEqualTo(manifest.at("/tables/" + table).asLong());
      }
      assertThat(duck.count("SELECT count(*) FROM " + DuckDb.table(previous.toString(), "articles"))).isEqualTo(16);
    }
  }

  @Test
  void killedFirstRunLeavesNoOutput() throws Exception {
    Path fresh = work.resolve("fresh-out");
    Process job = start(fresh, false);
    assertThat(killWhen(job, fresh, moment("writing-tables"))).isTrue();
    assertThat(fresh).doesNotExist();
    // A rerun is not confused by the stale hidden staging folder.
    int code = AuditJob.run(new String[] {"--input", "sample-data/northgate-herald.jsonl", "--output", fresh.toString(),
        "--master", "local[2]"}, quiet(), quiet());
    assertThat(code).isZero();
    assertThat(fresh.resolve("_SUCCESS")).exists();
    assertThat(new File(fresh.toFile(), "articles").isDirectory()).isTrue();
  }
}
