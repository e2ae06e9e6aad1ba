package org.biasaudit.nlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Labelled targeted-sentiment data in the NewsMTSC format (Hamborg and Donnay, EACL 2021): one JSON object
 * per line with {@code sentence_normalized} and {@code targets}, each target with character offsets
 * {@code from}/{@code to} (end-exclusive) and a {@code polarity} of 2.0 (negative), 4.0 (neutral) or 6.0
 * (positive). Each target is one example.
 *
 * <p>{@link #split} carves the fixed-seed, stratified development split that {@code jobs/eval-sentiment}
 * reports on and {@code jobs/train-sentiment} never trains on.
 */
public final class NewsMtsc {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One labelled target: offsets into the sentence and the gold label. */
  public record Target(int from, int to, String mention, String gold) {}

  /** One sentence with its targets; {@code line} is its 1-based line in the file. */
  public record Sentence(int line, String text, List<Target> targets) {}

  /** The two parts of a split. */
  public record Split(List<Sentence> train, List<Sentence> dev) {}

  private NewsMtsc() {}

  public static String gold(double polarity) {
    if (polarity <= 3.0) {
      return "negative";
    }
    return polarity >= 5.0 ? "positive" : "neutral";
  }

  /**
   * Reads a {@code .jsonl} or {@code .jsonl.gz} file. A line that is not JSON, has no sentence, or has no
   * target with valid offsets and a numeric polarity is skipped; so is such a target.
   */
  public static List<Sentence> read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<Sentence> sentences = new ArrayList<>();
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        Sentence sentence = parse(number, line);
        if (sentence != null) {
          sentences.add(sentence);
        }
      }
      return sentences;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }

  private static Sentence parse(int number, String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      return null;
    }
    String text = node.path("sentence_normalized").asText(null);
    if (text == null || text.isBlank() || !node.path("targets").isArray()) {
      return null;
    }
    List<Target> targets = new ArrayList<>();
    for (JsonNode t : node.path("targets")) {
      int from = t.path("from").asInt(-1);
      int to = t.path("to").asInt(-1);
      if (from < 0 || to <= from || to > text.length() || !t.path("polarity").isNumber()) {
        continue;
      }
      targets.add(new Target(from, to, t.path("mention").asText(text.substring(from, to)), gold(t.path("polarity").asDouble())));
    }
    return targets.isEmpty() ? null : new Sentence(number, text, List.copyOf(targets));
  }

  /**
   * Splits by sentence, so that no sentence (and no repeat of the same sentence text) has targets on both
   * sides, stratified by the sentence's sorted gold labels ("negative", "negative+positive", ...; label
   * combinations with fewer than 20 sentences share one stratum). Within each stratum, in file order, the
   * sentences are shuffled with {@code new Random(seed)} (strata in sorted order, one generator) and the
   * first {@code round(devShare * size)} go to dev. The same file, share and seed always give the same split.
   */
  public static Split split(List<Sentence> sentences, double devShare, long seed) {
    Map<String, List<Sentence>> groups = new LinkedHashMap<>();
    for (Sentence s : sentences) {
      groups.computeIfAbsent(s.text().strip(), k -> new ArrayList<>()).add(s);
    }
    Map<String, Integer> signatureCounts = new TreeMap<>();
    for (List<Sentence> group : groups.values()) {
      signatureCounts.merge(signature(group.get(0)), 1, Integer::sum);
    }
    Map<String, List<List<Sentence>>> strata = new TreeMap<>();
    for (List<Sentence> group : groups.values()) {
      String signature = signature(group.get(0));
      String stratum = signatureCounts.get(signature) < 20 ? "(rare)" : signature;
      strata.computeIfAbsent(stratum, k -> new ArrayList<>()).add(group);
    }
    Random random = new Random(seed);
    List<Sentence> train = new ArrayList<>();
    List<Sentence> dev = new ArrayList<>();
    for (List<List<Sentence>> stratum : strata.values()) {
      List<List<Sentence>> shuffled = new ArrayList<>(stratum);
      Collections.shuffle(shuffled, random);
      int devCount = (int) Math.round(devShare * shuffled.size());
      for (int i = 0; i < shuffled.size(); i++) {
        (i < devCount ? dev : train).addAll(shuffled.get(i));
      }
    }
    train.sort((a, b) -> Integer.compare(a.line(), b.line()));
    dev.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return new Split(List.copyOf(train), List.copyOf(dev));
  }

  private static String signature(Sentence s) {
    List<String> labels = new ArrayList<>();
    for (Target t : s.targets()) {
      labels.add(t.gold());
    }
    Collections.sort(labels);
    return String.join("+", labels);
  }
}
