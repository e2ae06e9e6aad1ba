package org.biasaudit.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.LocatedFileStatus;

/**
 * The input files of a run: every file of a readable format under the given paths (directories are walked
 * recursively), sorted so that runs are repeatable, plus the files that were skipped and why. Hidden
 * files and folders (a leading '.' or '_', as Spark and Hadoop write) are not inputs.
 */
public record InputListing(List<InputFile> files, List<String> skipped) {

  /** One input file and its size in bytes. */
  public record InputFile(String path, long bytes) {}

  public static InputListing of(Iterable<String> inputs, Configuration conf) throws IOException {
    TreeSet<String> seen = new TreeSet<>();
    List<InputFile> files = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (String input : inputs) {
      Path path = new Path(input);
      FileSystem fs = path.getFileSystem(conf);
      if (!fs.exists(path)) {
        throw new IOException("input path does not exist: " + input);
      }
      FileStatus status = fs.getFileStatus(path);
      if (status.isFile()) {
        add(fs.makeQualified(status.getPath()).toString(), status.getLen(), seen, files, skipped);
        continue;
      }
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
      while (it.hasNext()) {
        LocatedFileStatus file = it.next();
        if (isHidden(file.getPath(), path)) {
          continue;
        }
        add(fs.makeQualified(file.getPath()).toString(), file.getLen(), seen, files, skipped);
      }
    }
    files.sort((a, b) -> a.path().compareTo(b.path()));
    skipped.sort(String::compareTo);
    return new InputListing(List.copyOf(files), List.copyOf(skipped));
  }

  private static void add(String path, long bytes, TreeSet<String> seen, List<InputFile> files, List<String> skipped) {
    if (!seen.add(path)) {
      return;
    }
    if (InputFormat.of(new Path(path).getName()) == null) {
      skipped.add(path + " (not an input format)");
    } else {
      files.add(new InputFile(path, bytes));
    }
  }

  private static boolean isHidden(Path file, Path root) {
    for (Path p = file; p != null && !p.equals(root) && p.depth() > root.depth(); p = p.getParent()) {
      String name = p.getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        return true;
      }
    }
    return false;
  }
}
