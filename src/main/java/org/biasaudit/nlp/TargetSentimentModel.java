package org.biasaudit.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The trained target-sentiment classifier: an L2-regularised logistic regression over {@link TargetFeatures},
 * one-vs-rest over {@code negative}, {@code neutral}, {@code positive} as LIBLINEAR trains it, so
 * P(class k | x) = sigmoid(w_k x + b_k) / sum_j sigmoid(w_j x + b_j). Trained by
 * {@code jobs/train-sentiment} ({@link TargetSentimentTrainer}); stored as a plain, gzipped table of weights
 * (one feature per line) so that a reviewer can read what it learned and the job needs no ML runtime.
 *
 * <p>Immutable after loading, so one instance serves every thread; {@link NlpEngines#targetModel()} loads
 * the shipped one once per JVM.
 */
public final class TargetSentimentModel {
  public static final String FILE_NAME = "model.tsv.gz";
  public static final String RESOURCE = "/" + TrainingData.RESOURCE_DIR + "/" + FILE_NAME;
  public static final List<String> LABELS = List.of("negative", "neutral", "positive");
  private static final String BIAS = "<bias>";

  private final Map<String, String> settings;
  private final Map<String, double[]> weights;
  private final double[] bias;
  private final double lexiconSpread;

  /** @param settings training settings; {@code lexicon_spread} (default 0.5) is read back from them */
  public TargetSentimentModel(Map<String, String> settings, Map<String, double[]> weights, double[] bias) {
    this.settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    this.weights = Map.copyOf(weights);
    this.bias = bias.clone();
    this.lexiconSpread = Double.parseDouble(settings.getOrDefault(LEXICON_SPREAD, "0.5"));
  }

  /** Setting: the weight spread above which a word counts as evaluative ({@link #evaluative}). */
  public static final String LEXICON_SPREAD = "lexicon_spread";

  /** Class probabilities in the order of {@link #LABELS}. */
  public double[] probabilities(Map<String, Double> features) {
    double[] z = bias.clone();
    for (Map.Entry<String, Double> feature : features.entrySet()) {
      double[] w = weights.get(feature.getKey());
      if (w != null) {
        double v = feature.getValue();
        for (int k = 0; k < z.length; k++) {
          z[k] += w[k] * v;
        }
      }
    }
    double total = 0;
    for (int k = 0; k < z.length; k++) {
      z[k] = 1.0 / (1.0 + Math.exp(-z[k]));
      total += z[k];
    }
    for (int k = 0; k < z.length; k++) {
      z[k] /= total;
    }
    return z;
  }

  /**
   * Whether the model learned a word as evaluative: the spread of its word feature's weights across the
   * classes is at least the {@code lexicon_spread} the model was trained with. With CoreNLP's own word
   * scores this defines the sentiment-bearing words of {@link SentimentStatus#NO_SENTIMENT_WORDS}.
   */
  public boolean evaluative(String normalizedWord) {
    double[] w = weights.get(TargetFeatures.WORD + normalizedWord);
    if (w == null) {
      return false;
    }
    double min = Math.min(w[0], Math.min(w[1], w[2]));
    double max = Math.max(w[0], Math.max(w[1], w[2]));
    return max - min >= lexiconSpread;
  }

  /** P(positive) - P(negative): on [-1, 1], 0 when the two balance. */
  public static double score(double[] p) {
    return p[2] - p[0];
  }

  /** The most probable class. */
  public static String label(double[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return LABELS.get(best);
  }

  /** How the model was trained (data, split, seed, settings), as written in its file header. */
  public Map<String, String> settings() {
    return settings;
  }

  public int featureCount() {
    return weights.size();
  }

  // ------------------------------------------------------------------ file format

  /** Loads the model shipped in the jar. */
  public static TargetSentimentModel loadDefault() {
    try (InputStream in = TargetSentimentModel.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("target-sentiment model " + RESOURCE + " is not on the classpath; "
            + "run jobs/train-sentiment or set sentiment.method: tree");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
  }

  /**
   * Reads the gzipped text format: {@code # key: value} header lines with the training settings, then
   * {@code feature<TAB>w_negative<TAB>w_neutral<TAB>w_positive}; the intercepts are the feature {@code <bias>}.
   */
  public static TargetSentimentModel read(InputStream gzipped) throws IOException {
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, double[]> weights = new HashMap<>();
    double[] bias = new double[LABELS.size()];
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("#")) {
          int colon = line.indexOf(':');
          if (colon > 0) {
            settings.put(line.substring(1, colon).strip(), line.substring(colon + 1).strip());
          }
          continue;
        }
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.split("\t");
        if (parts.length != LABELS.size() + 1) {
          throw new IOException("bad model line: " + line);
        }
        double[] w = new double[LABELS.size()];
        for (int k = 0; k < w.length; k++) {
          w[k] = Double.parseDouble(parts[k + 1]);
        }
        if (parts[0].equals(BIAS)) {
          bias = w;
        } else {
          weights.put(parts[0], w);
        }
      }
    }
    return new TargetSentimentModel(settings, weights, bias);
  }

  /** Writes the format {@link #read} reads, features sorted so that retraining gives comparable files. */
  public void write(OutputStream out) throws IOException {
    GZIPOutputStream gzip = new GZIPOutputStream(out);
    PrintWriter writer = new PrintWriter(new java.io.OutputStreamWriter(gzip, StandardCharsets.UTF_8));
    settings.forEach((k, v) -> writer.println("# " + k + ": " + v));
    writer.println("# columns: feature\t" + String.join("\t", LABELS));
    writer.println(BIAS + "\t" + join(bias));
    for (Map.Entry<String, double[]> e : new TreeMap<>(weights).entrySet()) {
      writer.println(e.getKey() + "\t" + join(e.getValue()));
    }
    writer.flush();
    gzip.finish();
  }

  private static String join(double[] w) {
    List<String> parts = new ArrayList<>();
    for (double v : w) {
      parts.add(Double.toString((float) v));
    }
    return String.join("\t", parts);
  }
}
