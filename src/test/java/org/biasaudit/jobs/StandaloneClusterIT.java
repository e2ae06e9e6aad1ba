package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.biasaudit.testing.DuckDb;
import org.biasaudit.testing.SameTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on 127.0.0.1 (a master and two workers started from the Spark jars the
 * build resolved, {@code target/spark-home}), the job submitted to it with {@code jobs/submit}, and every
 * table compared with a local-mode run on the same input. Faults: an executor killed in the middle of the
 * annotation stage, and the driver killed while it writes the tables. Every process started here is
 * stopped by pid, with its descendants (the executors), even when a test fails.
 */
class StandaloneClusterIT {
  private static final Path SPARK_HOME = Path.of("target/spark-home").toAbsolutePath();
  private static final long SUBMIT_TIMEOUT_SECONDS = 420;

  @TempDir static Path work;
  private static final List<Process> started = new ArrayList<>();
  private static String masterUrl;
  private static Path input;
  private static Path reference;

  @BeforeAll
  static void startClusterAndReference() throws Exception {
    assertThat(SPARK_HOME.resolve("jars")).as("built by mvn package").isDirectory();
    int port = freePort();
    int ui = freePort();
    masterUrl = "spark://127.0.0.1:" + port;
    started.add(sparkDaemon("master", "org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(ui)));
    for (int i = 1; i <= 2; i++) {
      Path dir = Files.createDirectories(work.resolve("worker-" + i));
      started.add(sparkDaemon("worker-" + i, "org.apache.spark.deploy.worker.Worker", masterUrl,
          "--host", "127.0.0.1", "--cores", "1", "--memory", "4g", "--webui-port", Integer.toString(freePort()),
          "--work-dir", dir.toString()));
    }
    waitFor(() -> aliveWorkers(ui) == 2, 120, "two workers registered with the master");

    input = Files.createDirectories(work.resolve("in"));
    Files.copy(Path.of("sample-data/northgate-herald.jsonl"), input.resolve("northgate-herald.jsonl"));
    Files.copy(Path.of("sample-data/valley-tribune.jsonl.gz"), input.resolve("valley-tribune.jsonl.gz"));
    reference = work.resolve("local");
    int code = AuditJob.run(new String[] {"--input", input.toString(), "--output", reference.toString(), "--master", "local[2]"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
    assertThat(code).isZero();
  }

  @AfterAll
  static void stopEverything() {
    for (Process process : started) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    for (Process process : started) {
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void submittedJobGivesTheSameTablesAsLocalMode() throws Exception {
    Path output = work.resolve("cluster");
    Process submit = submit(output);
    assertThat(submit.waitFor(SUBMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(work.resolve("cluster.log"));
    assertThat(submit.exitValue()).as(log).isZero();
    // Never trust the exit code alone: the output must be complete and equal to local mode.
    assertThat(output.resolve("_SUCCESS")).exists();
    assertThat(log).contains("(" + masterUrl + ")").contains("annotating").contains("ETA");
    assertSameTables(output, reference);
    // Executors run G1 with a fixed marking threshold (jobs/submit): with the adaptive one, annotation took
    // about 45% longer than without Spark; and with huge pages, which cut its page faults 6-8x
    // (docs/benchmarks.md). The manifest records the settings the run had.
    String executorOptions = new com.fasterxml.jackson.databind.ObjectMapper().readTree(output.resolve("manifest.json").toFile())
        .at("/spark_settings/spark.executor.extraJavaOptions").asText();
    assertThat(executorOptions).contains("-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=75",
        "-XX:+UseTransparentHugePages");
  }

  @Test
  void executorKilledMidAnnotationLosesAndDuplicatesNothing() throws Exception {
    Path output = work.resolve("executor-killed");
    Process submit = submit(output);
    // Kill an executor once the annotation stage has committed its first task but not all of them.
    waitFor(() -> firstTaskCommitted(output) || !submit.isAlive(), SUBMIT_TIMEOUT_SECONDS, "the annotation stage to start");
    Optional<ProcessHandle> executor = executors().findFirst();
    assertThat(executor).as("a running executor").isPresent();
    assertThat(submit.isAlive()).as("the job was still running when the executor was killed").isTrue();
    executor.get().destroyForcibly();
    assertThat(submit.waitFor(SUBMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(submit.exitValue()).as(Files.readString(work.resolve("executor-killed.log"))).isZero();
    assertThat(output.resolve("_SUCCESS")).exists();
    assertSameTables(output, reference);
  }

  @Test
  void driverKilledWhileWritingLeavesNoOutput() throws Exception {
    Path output = work.resolve("driver-killed");
    Process submit = submit(output);
    waitFor(() -> stagingHas(output, "mentions") || !submit.isAlive(), SUBMIT_TIMEOUT_SECONDS, "tables being written");
    assertThat(submit.isAlive()).as("the driver was still writing").isTrue();
    submit.descendants().forEach(ProcessHandle::destroyForcibly);
    submit.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(output).doesNotExist();
  }

  // ------------------------------------------------------------------ helpers

  private static Process submit(Path output) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("bash", "jobs/submit", "--master", masterUrl,
        "--input", input.toString(), "--output", output.toString())
        .redirectErrorStream(true).redirectOutput(work.resolve(output.getFileName() + ".log").toFile());
    builder.environment().put("BIAS_AUDIT_EXECUTOR_MEMORY", "3g");
    builder.environment().put("BIAS_AUDIT_EXECUTOR_CORES", "1");
    builder.environment().remove("SPARK_HOME");
    Process process = builder.start();
    started.add(process);
    return process;
  }

  private static Process sparkDaemon(String name, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens") || arg.startsWith("-Djdk.reflect") || arg.startsWith("-Dio.netty")) {
        command.add(arg);
      }
    }
    command.addAll(List.of("-cp", SPARK_HOME.resolve("jars") + "/*", mainClass));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(work.resolve(name + ".log").toFile());
    // A worker launches executors only with SPARK_HOME (holding jars/) and the Scala version set.
    builder.environment().put("SPARK_HOME", SPARK_HOME.toString());
    builder.environment().put("SPARK_SCALA_VERSION", "2.13");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder.start();
  }

  private static Stream<ProcessHandle> executors() {
    return started.stream().limit(3).flatMap(Process::descendants)
        .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"));
  }

  private static boolean firstTaskCommitted(Path output) {
    for (Path staging : stagingFolders(output)) {
      Path fresh = staging.resolve("_work/fresh/_temporary");
      if (Files.isDirectory(fresh)) {
        try (Stream<Path> files = Files.walk(fresh)) {
          if (files.anyMatch(p -> p.getFileName().toString().startsWith("part-") && p.toString().contains("task_"))) {
            return true;
          }
        } catch (IOException | java.io.UncheckedIOException e) {
          // The folder is being renamed under us; look again.
        }
      }
    }
    return false;
  }

  private static boolean stagingHas(Path output, String name) {
    return stagingFolders(output).stream().anyMatch(s -> Files.isDirectory(s.resolve(name)));
  }

  private static List<Path> stagingFolders(Path output) {
    try (Stream<Path> siblings = Files.list(output.getParent())) {
      return siblings.filter(p -> p.getFileName().toString().startsWith("." + output.getFileName() + ".staging-")).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static int aliveWorkers(int uiPort) {
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/json/")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()).path("aliveworkers").asInt();
    } catch (IOException | InterruptedException e) {
      return 0;
    }
  }

  private static void waitFor(BooleanSupplier condition, long seconds, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void assertSameTables(Path a, Path b) {
    SameTables.assertSameTables(a, b);
    try (DuckDb duck = new DuckDb()) {
      assertThat(duck.count("SELECT count(*) FROM " + DuckDb.table(a.toString(), "articles"))).isEqualTo(32);
    }
  }
}
