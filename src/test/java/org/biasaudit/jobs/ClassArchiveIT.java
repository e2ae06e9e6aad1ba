package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive of {@code jobs/audit} (jobs/lib/common.sh): the first run of a build records the
 * classes it loads and an archive is made from them after it ends, in the background; the next run maps it.
 * The second run is started with {@code -Xshare:on}, with which the JVM refuses to start unless it can map
 * the archive: a stale, half-written or unusable archive fails this test instead of silently slowing runs.
 */
class ClassArchiveIT {
  private static final long RUN_TIMEOUT_SECONDS = 300;
  /** Making the archive takes about 30 s of one core on the project's 2-core machine. */
  private static final long ARCHIVE_TIMEOUT_SECONDS = 300;

  @TempDir Path work;

  @Test
  void firstRunMakesTheArchiveAndTheNextRunMapsIt() throws Exception {
    Path archives = work.resolve("class-archive");
    Process first = audit(archives, work.resolve("first"), "", work.resolve("first.log"));
    assertThat(first.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(first.exitValue()).as(Files.readString(work.resolve("first.log"))).isZero();
    assertThat(work.resolve("first/manifest.json")).exists();

    Path archive = awaitArchive(archives);
    assertThat(archive).as("no archive within %d s; make.log: %s", ARCHIVE_TIMEOUT_SECONDS, makeLog(archives)).isNotNull();
    assertThat(Files.size(archive)).isGreaterThan(10_000_000L);

    Process second = audit(archives, work.resolve("second"), "-Xshare:on", work.resolve("second.log"));
    assertThat(second.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).as(Files.readString(work.resolve("second.log"))).isZero();
    assertThat(work.resolve("second/manifest.json")).exists();
    // The second run recorded no classes of its own, and no other archive was made beside the first.
    assertThat(list(archives)).containsExactlyInAnyOrder(archive.getFileName().toString(), "make.log");
  }

  private Process audit(Path archives, Path output, String javaOptions, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder("jobs/audit", "--input", "sample-data/northgate-herald.jsonl",
        "--output", output.toString(), "--master", "local[2]");
    Map<String, String> env = builder.environment();
    env.put("BIAS_AUDIT_CLASS_ARCHIVE_DIR", archives.toString());
    env.put("BIAS_AUDIT_HEAP", "3g");
    env.put("BIAS_AUDIT_JAVA_OPTIONS", javaOptions);
    env.remove("BIAS_AUDIT_CLASS_ARCHIVE");
    return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** The archive once made and moved into place (never its part-written file), or null at the timeout. */
  private static Path awaitArchive(Path archives) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ARCHIVE_TIMEOUT_SECONDS);
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(archives)) {
        for (String name : list(archives)) {
          if (name.endsWith(".jsa") && !Files.exists(archives.resolve("making"))) {
            return archives.resolve(name);
          }
        }
      }
      Thread.sleep(500);
    }
    return null;
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static String makeLog(Path archives) throws IOException {
    Path log = archives.resolve("make.log");
    return Files.exists(log) ? Files.readString(log) : "(none)";
  }
}
