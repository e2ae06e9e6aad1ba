package org.biasaudit.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.biasaudit.actors.Actor;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.actors.AliasMatcher;
import org.biasaudit.actors.ArticleReferences;

/**
 * {@code jobs/bench-matcher}: how fast the alias automaton is, with the shipped registry and with a
 * generated registry of at least 10,000 aliases, on the same text: build time, scanning throughput (MB/s
 * of UTF-8 text) at growing text sizes (the time per character stays flat if matching is linear), and
 * per-article name resolution over the corpus's articles.
 *
 * <p>The text is every article of {@code sample-data/} (plain text and JSON Lines, gzipped or not), repeated
 * to the sizes measured; both registries are warmed up before either is timed. Each figure is the median of {@code --runs} timed runs after {@code --warmup} untimed ones.
 * Example: {@code jobs/bench-matcher --runs 5}
 */
public final class MatcherBenchmark {
  private static final int[] SIZES_MB = {1, 4, 16};

  private MatcherBenchmark() {}

  public static void main(String[] args) throws IOException {
    int runs = 5;
    int warmup = 3;
    int aliases = 10_000;
    Path corpus = AuditJob.projectFile("sample-data");
    Path registryFile = AuditJob.projectFile(AuditOptions.DEFAULT_ACTORS);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--aliases" -> aliases = Integer.parseInt(args[++i]);
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--actors" -> registryFile = Path.of(args[++i]);
        default -> {
          System.err.println("bench-matcher: unknown option " + args[i]
              + " (use --runs N, --warmup N, --aliases N, --corpus DIR, --actors FILE)");
          System.exit(2);
        }
      }
    }
    run(ActorRegistry.load(registryFile), corpus, aliases, runs, warmup, System.out);
  }

  static void run(ActorRegistry shipped, Path corpus, int aliasTarget, int runs, int warmup, PrintStream out) throws IOException {
    List<String> articles = readArticles(corpus);
    String base = String.join("\n\n", articles);
    ActorRegistry large = generated(shipped, aliasTarget);
    out.printf(Locale.ROOT, "Java %s, %d cores available, max heap %d MB; %d runs after %d warm-up runs, median reported%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024), runs, warmup);
    out.printf(Locale.ROOT, "Text: %d articles from %s (%.1f KB), repeated to each size%n%n", articles.size(), corpus,
        base.getBytes(StandardCharsets.UTF_8).length / 1024.0);
    out.printf(Locale.ROOT, "%-10s %8s %8s %10s %9s %12s %10s %14s%n", "registry", "actors", "aliases", "build ms", "text MB",
        "scan MB/s", "ns/char", "articles/s");
    // Both registries are warmed up before either is timed, so the JIT favours neither.
    String largest = repeat(base, SIZES_MB[SIZES_MB.length - 1] * 1024L * 1024L);
    for (ActorRegistry registry : List.of(shipped, large)) {
      AliasMatcher matcher = new AliasMatcher(registry);
      for (int i = 0; i < warmup; i++) {
        matcher.scan(largest);
        articles.forEach(a -> ArticleReferences.resolve(matcher, "", a, null));
      }
    }
    for (ActorRegistry registry : List.of(shipped, large)) {
      String label = registry == shipped ? "shipped" : "generated";
      long[] builds = new long[runs];
      AliasMatcher matcher = null;
      for (int i = 0; i < warmup + runs; i++) {
        long start = System.nanoTime();
        matcher = new AliasMatcher(registry);
        if (i >= warmup) {
          builds[i - warmup] = System.nanoTime() - start;
        }
      }
      double articlesPerSecond = perArticle(matcher, articles, runs, warmup);
      for (int mb : SIZES_MB) {
        String text = mb == SIZES_MB[SIZES_MB.length - 1] ? largest : repeat(base, mb * 1024L * 1024L);
        double bytes = text.getBytes(StandardCharsets.UTF_8).length;
        long[] scans = new long[runs];
        for (int i = 0; i < warmup + runs; i++) {
          long start = System.nanoTime();
          int hits = matcher.scan(text).size();
          if (i >= warmup) {
            scans[i - warmup] = System.nanoTime() - start;
          }
          if (hits == 0) {
            throw new IllegalStateException("no hits: the benchmark text names no actor");
          }
        }
        double seconds = median(scans) / 1e9;
        out.printf(Locale.ROOT, "%-10s %8d %8d %10.1f %9.1f %12.1f %10.1f %14s%n", label, registry.actors().size(),
            aliasCount(registry), median(builds) / 1e6, bytes / (1024 * 1024), bytes / (1024 * 1024) / seconds,
            seconds * 1e9 / text.length(), mb == SIZES_MB[0] ? String.format(Locale.ROOT, "%.0f", articlesPerSecond) : "");
      }
    }
  }

  /** Articles per second through name resolution (scan and context rules), one call per article as in the job. */
  private static double perArticle(AliasMatcher matcher, List<String> articles, int runs, int warmup) {
    long[] times = new long[runs];
    int rounds = Math.max(1, 20_000 / articles.size());
    for (int i = 0; i < warmup + runs; i++) {
      long start = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        for (String article : articles) {
          ArticleReferences.resolve(matcher, "", article, null);
        }
      }
      if (i >= warmup) {
        times[i - warmup] = System.nanoTime() - start;
      }
    }
    return rounds * articles.size() / (median(times) / 1e9);
  }

  /**
   * The shipped registry plus invented people (a given name and a surname of random syllables, each
   * with both as aliases) until the registry has at least {@code target} aliases. Seeded: the same
   * registry every run.
   */
  static ActorRegistry generated(ActorRegistry shipped, int target) {
    List<Actor> actors = new ArrayList<>(shipped.actors());
    Set<String> used = new HashSet<>();
    for (Actor a : actors) {
      a.aliases().forEach(used::add);
    }
    Random random = new Random(20240101);
    int count = aliasCount(shipped);
    int n = 0;
    while (count < target) {
      String first = word(random, 2);
      String last = word(random, 3);
      if (!used.add(last) || !used.add(first + " " + last)) {
        continue;
      }
      actors.add(new Actor("gen_" + n++, first + " " + last, Actor.PERSON, List.of(first + " " + last, last), List.of(first),
          List.of(), Map.of()));
      count += 2;
    }
    return new ActorRegistry("(generated)", actors);
  }

  private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "ten", "vo", "shi", "dar", "bel", "nu", "kor", "za",
      "ri", "ven", "tol", "mar", "sa", "gri", "pel", "dun", "ho", "li", "ba", "ste", "vik", "ul", "ne", "cas", "tor", "vi"};

  private static String word(Random random, int syllables) {
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    w.setCharAt(0, Character.toUpperCase(w.charAt(0)));
    return w.toString();
  }

  private static int aliasCount(ActorRegistry registry) {
    return registry.actors().stream().mapToInt(a -> a.aliases().size()).sum();
  }

  private static List<String> readArticles(Path corpus) throws IOException {
    List<String> articles = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(corpus)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.endsWith(".txt")) {
        articles.add(Files.readString(file, StandardCharsets.UTF_8));
      } else if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")) {
        byte[] bytes = Files.readAllBytes(file);
        if (name.endsWith(".gz")) {
          bytes = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes();
        }
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
          JsonNode node = line.isBlank() ? null : json.readTree(line);
          if (node != null && node.hasNonNull("text")) {
            articles.add(node.path("title").asText("") + "\n\n" + node.get("text").asText());
          }
        }
      }
    }
    if (articles.isEmpty()) {
      throw new IllegalArgumentException(corpus + ": no .txt or .jsonl articles to benchmark on");
    }
    return articles;
  }

  private static String repeat(String base, long bytes) {
    StringBuilder text = new StringBuilder();
    while (text.length() < bytes) {
      text.append(base).append("\n\n");
    }
    return text.toString();
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
