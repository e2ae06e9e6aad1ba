package org.biasaudit.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shipped notebook's code cells ({@code notebooks/run_cells.py}) with a Python that has duckdb,
 * pandas and matplotlib: {@code target/notebook-venv} (which {@code .ci/run} creates when it can install
 * them), else {@code python3}. Null from {@link #find()} when neither has them, so the caller can skip.
 */
public final class NotebookPython {
  private final String python;

  private NotebookPython(String python) {
    this.python = python;
  }

  public static NotebookPython find() {
    for (String candidate : List.of("target/notebook-venv/bin/python", "python3")) {
      if (candidate.contains("/") && !Files.isExecutable(Path.of(candidate))) {
        continue;
      }
      try {
        Process probe = new ProcessBuilder(candidate, "-c", "import duckdb, pandas, matplotlib").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        if (probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0) {
          // A path is made absolute, since the notebook runs in another working directory; a bare name
          // stays a name for the PATH to resolve.
          return new NotebookPython(candidate.contains("/") ? Path.of(candidate).toAbsolutePath().toString() : candidate);
        }
      } catch (IOException e) {
        // Not installed: try the next.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
    return null;
  }

  /** Exit code and output of running every code cell of {@code notebook} with {@code workingDir} as cwd. */
  public Result run(Path notebook, Path workingDir) throws IOException, InterruptedException {
    Path runner = Path.of("notebooks/run_cells.py").toAbsolutePath();
    Process process = new ProcessBuilder(python, runner.toString(), notebook.toAbsolutePath().toString())
        .directory(workingDir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      return new Result(-1, output + "\n(timed out)");
    }
    return new Result(process.exitValue(), output);
  }

  public record Result(int exitCode, String output) {}
}
