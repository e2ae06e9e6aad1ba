package org.biasaudit.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Publishes a run's output atomically. Tables are written to a hidden staging folder beside the output
 * directory ({@code .NAME.staging-RUNID}); only when every table, the manifest and the {@code _SUCCESS}
 * marker are written is the staging folder renamed to the output directory. A run killed before that
 * leaves the previous output (or none) in place and at most a stale staging folder, which is never
 * mistaken for output.
 */
public final class OutputDirectory {
  public static final String SUCCESS_MARKER = "_SUCCESS";
  public static final String MANIFEST = "manifest.json";

  private final FileSystem fs;
  private final Path target;
  private final Path staging;

  private OutputDirectory(FileSystem fs, Path target, Path staging) {
    this.fs = fs;
    this.target = target;
    this.staging = staging;
  }

  /** A new run id: UTC time to the second and a random-enough suffix, so that staging folders never collide. */
  public static String newRunId() {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now())
        + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
  }

  /**
   * Checks the target before anything runs: a non-empty directory is refused unless {@code overwrite}.
   *
   * @throws IllegalArgumentException with a one-line reason when the target cannot be used
   */
  public static OutputDirectory prepare(String output, boolean overwrite, String runId, Configuration conf) throws IOException {
    Path target = new Path(output);
    FileSystem fs = target.getFileSystem(conf);
    target = fs.makeQualified(target);
    if (fs.exists(target)) {
      FileStatus status = fs.getFileStatus(target);
      if (!status.isDirectory()) {
        throw new IllegalArgumentException("--output " + output + " is a file, not a directory");
      }
      if (fs.listStatus(target).length > 0 && !overwrite) {
        throw new IllegalArgumentException("--output " + output
            + " is not empty; choose another directory, or pass --overwrite (or set output.overwrite: true)");
      }
    }
    Path parent = target.getParent();
    if (parent != null && !fs.exists(parent)) {
      fs.mkdirs(parent);
    }
    Path staging = new Path(parent, "." + target.getName() + ".staging-" + runId);
    fs.mkdirs(staging);
    return new OutputDirectory(fs, target, staging);
  }

  /**
   * Prepares to replace some tables of a complete output in place ({@code jobs/aggregate}): the new tables
   * are written to a hidden folder beside it ({@code .NAME.update-RUNID}) and moved in by
   * {@link #publishUpdate}.
   *
   * @throws IllegalArgumentException when {@code output} is not a complete output (no {@code _SUCCESS})
   */
  public static OutputDirectory forUpdate(String output, String runId, Configuration conf) throws IOException {
    Path target = new Path(output);
    FileSystem fs = target.getFileSystem(conf);
    target = fs.makeQualified(target);
    if (!fs.exists(new Path(target, SUCCESS_MARKER))) {
      throw new IllegalArgumentException("--from " + output + " is not a complete bias-audit output (no "
          + SUCCESS_MARKER + "); run jobs/audit first");
    }
    Path staging = new Path(target.getParent(), "." + target.getName() + ".update-" + runId);
    fs.mkdirs(staging);
    return new OutputDirectory(fs, target, staging);
  }

  /** Path of a table or file in the published output. */
  public String publishedPath(String name) {
    return new Path(target, name).toString();
  }

  public String readPublishedText(String name) throws IOException {
    try (java.io.InputStream in = fs.open(new Path(target, name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Moves the rewritten tables and files into the output, one rename each. {@code _SUCCESS} is removed
   * first and written last, so a reader that checks it never takes a half-updated output for a complete
   * one; an update killed midway leaves the output without {@code _SUCCESS} until the next aggregate.
   */
  public void publishUpdate(Iterable<String> names, String manifestJson) throws IOException {
    fs.delete(new Path(target, SUCCESS_MARKER), false);
    for (String name : names) {
      Path fresh = new Path(staging, name);
      if (!fs.exists(fresh)) {
        continue;
      }
      Path current = new Path(target, name);
      Path old = new Path(target.getParent(), "." + target.getName() + "." + name + ".previous-" + staging.getName());
      if (fs.exists(current) && !fs.rename(current, old)) {
        throw new IOException("cannot move " + current + " aside");
      }
      if (!fs.rename(fresh, current)) {
        throw new IOException("cannot move " + fresh + " to " + current);
      }
      fs.delete(old, true);
    }
    try (OutputStream out = fs.create(new Path(target, MANIFEST), true)) {
      out.write(manifestJson.getBytes(StandardCharsets.UTF_8));
    }
    fs.create(new Path(target, SUCCESS_MARKER), true).close();
    fs.delete(staging, true);
  }

  /** Writes one file straight into the published output, through a temporary name and a rename. */
  public static void writePublished(String output, String name, String content, Configuration conf) throws IOException {
    Path target = new Path(output);
    FileSystem fs = target.getFileSystem(conf);
    Path temp = new Path(target, "." + name + ".tmp");
    try (OutputStream out = fs.create(temp, true)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
    Path file = new Path(target, name);
    fs.delete(file, false);
    if (!fs.rename(temp, file)) {
      throw new IOException("cannot move " + temp + " to " + file);
    }
  }

  public String target() {
    return target.toString();
  }

  /** Where a table is written during the run. */
  public String stagingPath(String table) {
    return new Path(staging, table).toString();
  }

  /** Intermediate data that does not belong to the output. */
  public String workPath(String name) {
    return new Path(new Path(staging, "_work"), name).toString();
  }

  public void writeText(String name, String content) throws IOException {
    try (OutputStream out = fs.create(new Path(staging, name), true)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Marks the staging folder complete and moves it into place, replacing any previous output. */
  public void publish(String manifestJson) throws IOException {
    fs.delete(new Path(staging, "_work"), true);
    writeText(MANIFEST, manifestJson);
    writeText(SUCCESS_MARKER, "");
    Path previous = null;
    if (fs.exists(target)) {
      previous = new Path(target.getParent(), "." + target.getName() + ".previous-" + staging.getName());
      if (!fs.rename(target, previous)) {
        throw new IOException("cannot move the previous output " + target + " aside");
      }
    }
    if (!fs.rename(staging, target)) {
      throw new IOException("cannot move " + staging + " to " + target);
    }
    if (previous != null) {
      fs.delete(previous, true);
    }
  }

  /** Removes the staging folder after a failed run. */
  public void abandon() {
    try {
      fs.delete(staging, true);
    } catch (IOException ignored) {
      // Best effort: a stale staging folder is hidden and never read as output.
    }
  }
}
