package org.biasaudit.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Opens a page in headless Chromium (Debian's {@code chromium}, installed by {@code .ci/run}) and returns
 * the DOM after its scripts ran and every console message the page produced. Absent Chromium skips the
 * test on a developer's machine and fails it in CI ({@code CI=true}), where it must be installed.
 */
public final class HeadlessChromium {
  /** What the page left behind: the serialised DOM and its console messages. */
  public record Page(String dom, List<String> console) {}

  private HeadlessChromium() {}

  public static Path binary() {
    String configured = System.getenv("CHROMIUM");
    Path path = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
    if (!Files.isExecutable(path)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(path + " is missing; .ci/run installs Debian's chromium package");
      }
      Assumptions.abort(path + " is missing (apt-get install chromium, or set CHROMIUM): report rendering not checked");
    }
    return path;
  }

  public static Page open(Path html, Path work) throws IOException, InterruptedException {
    Path stderr = work.resolve("chromium-stderr.txt");
    Path stdout = work.resolve("chromium-dom.html");
    List<String> command = new ArrayList<>(List.of(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--disable-extensions", "--user-data-dir=" + work.resolve("chromium-profile"),
        "--enable-logging=stderr", "--v=0", "--dump-dom", html.toUri().toString()));
    run(command, stdout, stderr);
    List<String> console = new ArrayList<>();
    for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
      // Chromium logs every console message and uncaught error of the page as ...:INFO:CONSOLE...] "text", source: ...
      if (line.contains(":CONSOLE")) {
        console.add(line);
      }
    }
    return new Page(Files.readString(stdout, StandardCharsets.UTF_8), console);
  }

  public static void screenshot(Path html, Path png, int width, int height, Path work) throws IOException, InterruptedException {
    run(List.of(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
        "--user-data-dir=" + work.resolve("chromium-profile"), "--window-size=" + width + "," + height,
        "--screenshot=" + png.toAbsolutePath(), html.toUri().toString()), work.resolve("shot-out.txt"), work.resolve("shot-err.txt"));
  }

  private static void run(List<String> command, Path stdout, Path stderr) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s: " + command);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("chromium exited " + process.exitValue() + ": " + Files.readString(stderr));
    }
  }
}
