package org.biasaudit.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
