package org.biasaudit.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The classifier's training data on disk: the train part of the NewsMTSC split, kept in the repository as
 * the original JSON lines (gzipped, in file order) with a properties file that says where they came from
 * (source file and its SHA-256, dev share, seed, counts). {@code jobs/train-sentiment} trains from it;
 * {@code jobs/eval-sentiment} compares the model's record of it with the file it evaluates on, so a dev
 * split that could overlap the training data is reported.
 */
public final class TrainingData {
  /** Where the shipped model and its training data live, under {@code src/main/resources}. */
  public static final String RESOURCE_DIR = "org/biasaudit/nlp/target-sentiment";
  public static final String TRAIN_PART = "newsmtsc-train-part.jsonl.gz";
  public static final String TRAIN_PART_PROPERTIES = "newsmtsc-train-part.properties";

  public static final String SOURCE = "split.source";
  public static final String SOURCE_SHA256 = "split.source_sha256";
  public static final String SEED = "split.seed";
  public static final String DEV_SHARE = "split.dev_share";

  private TrainingData() {}

  /**
   * Splits {@code source} with {@link NewsMtsc#split} and writes the train part's original lines to
   * {@code trainPart} (gzip without a timestamp, so the same split gives the same bytes) and its
   * description beside it. Returns the description.
   */
  public static Map<String, String> carve(Path source, double devShare, long seed, Path trainPart) {
    try {
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      List<NewsMtsc.Sentence> sentences = NewsMtsc.read(source);
      NewsMtsc.Split split = NewsMtsc.split(sentences, devShare, seed);
      Files.createDirectories(trainPart.toAbsolutePath().getParent());
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(trainPart));
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
        for (NewsMtsc.Sentence s : split.train()) {
          writer.write(lines.get(s.line() - 1));
          writer.write('\n');
        }
      }
      Map<String, String> description = new LinkedHashMap<>();
      description.put(SOURCE, source.getFileName().toString());
      description.put(SOURCE_SHA256, sha256(source));
      description.put(DEV_SHARE, Double.toString(devShare));
      description.put(SEED, Long.toString(seed));
      description.put("split.train_sentences", Integer.toString(split.train().size()));
      description.put("split.train_targets", Integer.toString(targets(split.train())));
      description.put("split.dev_sentences", Integer.toString(split.dev().size()));
      description.put("split.dev_targets", Integer.toString(targets(split.dev())));
      StringBuilder text = new StringBuilder("# The train part of the NewsMTSC split (written by jobs/train-sentiment --carve-from).\n");
      description.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
      Files.writeString(trainPart.resolveSibling(TRAIN_PART_PROPERTIES), text.toString(), StandardCharsets.UTF_8);
      return description;
    } catch (IOException e) {
      throw new UncheckedIOException("carving " + source, e);
    }
  }

  /** The description written by {@link #carve}, in file order. */
  public static Map<String, String> describe(Path trainPart) {
    Path file = trainPart.resolveSibling(TRAIN_PART_PROPERTIES);
    Map<String, String> out = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (!line.startsWith("#") && eq > 0) {
          out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
    return out;
  }

  public static int targets(List<NewsMtsc.Sentence> sentences) {
    return sentences.stream().mapToInt(s -> s.targets().size()).sum();
  }

  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
