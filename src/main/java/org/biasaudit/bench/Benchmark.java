package org.biasaudit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code jobs/bench}: in one run, on one generated corpus and one set of annotator settings, measures
 * <ol>
 *   <li>the audit job end to end with all cores and with one ({@code local[*]}, {@code local[1]});
 *   <li>the same annotation code and models over the same articles in a plain thread pool (no Spark): the
 *       ceiling;
 *   <li>the peer: CoreNLP's own command line over every article with its full pipeline (NER, coreference)
 *       plus sentiment, with {@code -threads}, as a user without this tool would run it;
 *   <li>optionally ({@code --cluster}) the job submitted to a local standalone cluster with one and with two
 *       one-core workers;
 * </ol>
 * each in its own JVM, and prints (and writes to {@code docs/benchmarks.md}) a table with tokens/s,
 * articles/s, peak memory and model-load time, and the ratios between them.
 */
public final class Benchmark {
  /** CoreNLP's per-file line: "Annotating file ... done [3.2 sec]." */
  private static final Pattern FILE_SECONDS = Pattern.compile("(?m)^Annotating file .* done \\[(\\d+(?:\\.\\d+)?) sec\\]");
  private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
  static final String PEER_ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,parse,coref,sentiment";

  private final Path home;
  private final Path work;
  private final String classpath;
  private final String jvmOptions;
  private final int cores = Runtime.getRuntime().availableProcessors();

  private Benchmark(Path home, Path work) throws IOException {
    this.home = home;
    this.work = work;
    this.classpath = home.resolve("target").toFile().listFiles((d, n) -> n.endsWith("-job.jar"))[0] + ":"
        + Files.readString(home.resolve("target/local-classpath.txt")).strip();
    this.jvmOptions = System.getProperty("bench.jvm.options", "");
  }

  /** One row of the results table. */
  record Row(String name, String what, int threads, long articles, long tokens, double wallSeconds, double annotateSeconds,
      double modelLoadSeconds, long liveHeapMb, long maxRssMb) {
    double tokensPerSecond() {
      return tokens / wallSeconds;
    }

    double stageTokensPerSecond() {
      return annotateSeconds > 0 ? tokens / annotateSeconds : Double.NaN;
    }
  }

  public static void main(String[] args) throws Exception {
    int articles = 150;
    double share = 1.0 / 3;
    double copyShare = 0;
    long seed = 7;
    boolean peer = true;
    boolean cluster = false;
    int pairs = 1;
    int peerArticles = 0;
    Path report = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--articles" -> articles = Integer.parseInt(args[++i]);
        case "--actor-share" -> share = Double.parseDouble(args[++i]);
        case "--copy-share" -> copyShare = Double.parseDouble(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--no-peer" -> peer = false;
        case "--peer-articles" -> peerArticles = Integer.parseInt(args[++i]);
        case "--cluster" -> cluster = true;
        case "--pairs" -> pairs = Integer.parseInt(args[++i]);
        case "--report" -> report = Path.of(args[++i]);
        default -> {
          System.err.println("bench: unknown option " + args[i]
              + " (use [--articles N] [--actor-share F] [--copy-share F] [--seed S] [--no-peer] [--peer-articles N] [--cluster]"
              + " [--pairs N] [--report FILE])");
          System.exit(2);
        }
      }
    }
    Path home = Path.of(System.getProperty("bias.audit.home", ".")).toAbsolutePath();
    Path work = home.resolve("target/bench");
    if (pairs < 1) {
      System.err.println("bench: --pairs must be at least 1");
      System.exit(2);
    }
    new Benchmark(home, work).run(articles, share, copyShare, seed,
        peer ? peerArticles <= 0 ? articles : Math.min(peerArticles, articles) : 0, cluster, pairs, report);
  }

  /**
   * @param peerCount how many of the corpus's articles (the first ones) the peer runs over; 0 for no peer
   * @param pairs how many times the ceiling and the job run back to back on all cores
   */
  private void run(int count, double share, double copyShare, long seed, int peerCount, boolean cluster, int pairs,
      Path report) throws Exception {
    Path corpus = work.resolve("corpus");
    deleteRecursively(work);
    List<CorpusGenerator.Article> generated = new CorpusGenerator(seed).generate(count, share, 6, copyShare);
    CorpusGenerator.write(generated, corpus, 1000);
    System.out.printf("bench: %s, %d cores%n", CorpusGenerator.describe(generated), cores);

    // Each job run right after its ceiling run: a shared machine's speed drifts over minutes, and a ratio of
    // two runs far apart measures the drift as much as the job.
    List<Row> rows = new ArrayList<>();
    long tokens = 0;
    for (int pair = 1; pair <= pairs; pair++) {
      String suffix = pair == 1 ? "" : " (" + pair + ")";
      Row ceiling = probe("ceiling" + suffix, "same annotation code, thread pool, no Spark", cores, "direct",
          Integer.toString(cores), corpus.toString());
      tokens = ceiling.tokens();
      rows.add(ceiling);
      // A fresh output each time: into an earlier run's output the job would reuse its annotation store.
      Path output = work.resolve(pair == 1 ? "out-all" : "out-all-" + pair);
      rows.add(withTokens(probe("job" + suffix, "jobs/audit end to end, local[*]", cores, "job", "local[*]", corpus.toString(),
          output.toString()), tokens));
      requireFreshAnnotation(output);
    }
    // What one thread of the same code does: how far this machine's cores scale without Spark at all.
    rows.add(withTokens(probe("ceiling-1", "same annotation code, one thread, no Spark", 1, "direct", "1", corpus.toString()),
        tokens));
    rows.add(withTokens(probe("job-1", "jobs/audit end to end, local[1]", 1, "job", "local[1]", corpus.toString(),
        work.resolve("out-1").toString()), tokens));
    requireFreshAnnotation(work.resolve("out-1"));
    if (cluster) {
      rows.add(withTokens(clusterRun(1, corpus), tokens));
      rows.add(withTokens(clusterRun(2, corpus), tokens));
    }
    if (peerCount > 0) {
      // The peer is an order of magnitude slower: on a large corpus it runs over the first articles only, and
      // is compared by throughput. Its tokens are the corpus's, prorated by characters.
      List<CorpusGenerator.Article> sample = generated.subList(0, peerCount);
      rows.add(withTokens(peer(sample), Math.round(tokens * (double) characters(sample) / characters(generated))));
    }
    String table = table(rows, generated, copyShare > 0 ? jobAnnotationCounts(work.resolve("out-all")) : "");
    System.out.println(table);
    if (report != null) {
      writeReport(report, table);
      System.out.println("bench: written to " + report);
    }
  }

  private static JsonNode manifest(Path output) throws IOException {
    return new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
  }

  /** A job run that reused stored annotations did not do the work the ceiling did: its time would mislead. */
  private static void requireFreshAnnotation(Path output) throws IOException {
    long reused = manifest(output).at("/annotation/reused").asLong();
    if (reused > 0) {
      throw new IllegalStateException("the job run into " + output + " reused " + reused + " stored annotations");
    }
  }

  /**
   * What the job's manifest says it annotated, for a corpus with copies: the ceiling annotates every article,
   * the job each content once.
   */
  private static String jobAnnotationCounts(Path output) throws IOException {
    JsonNode manifest = manifest(output);
    return String.format(Locale.ROOT, "- job: %d of the %d articles had the title, text and date of another and took its "
        + "annotation (`annotation.same_content`); the ceiling annotates all %d. Syndicated copies found: %d articles in %d "
        + "groups of copies.%n", manifest.at("/annotation/same_content").asLong(), manifest.at("/tables/articles").asLong(),
        manifest.at("/tables/articles").asLong(), manifest.at("/syndication/articles_in_groups").asLong(),
        manifest.at("/syndication/groups").asLong());
  }

  private static long characters(List<CorpusGenerator.Article> articles) {
    return articles.stream().mapToLong(a -> a.title().length() + a.text().length()).sum();
  }

  private static Row withTokens(Row row, long tokens) {
    return new Row(row.name(), row.what(), row.threads(), row.articles(), tokens, row.wallSeconds(), row.annotateSeconds(),
        row.modelLoadSeconds(), row.liveHeapMb(), row.maxRssMb());
  }

  /**
   * The heap the job may use at the default tier: 1.5 GB plus 0.5 GB per task thread. The job and the
   * ceiling run with exactly that, so a completed run shows the job fits it.
   */
  static String heapBudget(int threads) {
    return (1536 + 512 * threads) + "m";
  }

  private Row probe(String name, String what, int threads, String... args) throws Exception {
    List<String> command = timed(java(heapBudget(threads)));
    command.add(BenchProbe.class.getName());
    command.addAll(List.of(args));
    Path log = work.resolve(name.replaceAll("[^A-Za-z0-9-]+", "") + ".log");
    Output output = execute(command, log);
    JsonNode result = null;
    for (String line : output.text().split("\n")) {
      if (line.startsWith("BENCH ")) {
        result = new ObjectMapper().readTree(line.substring(6));
      }
    }
    if (result == null) {
      throw new IllegalStateException(name + " printed no result; see " + log);
    }
    return new Row(name, what, threads, result.path("articles").asLong(), result.path("tokens").asLong(),
        result.path("wall_s").asDouble(), result.path("annotate_s").asDouble(), result.path("model_load_s").asDouble(),
        result.path("peak_live_heap_mb").asLong(), output.maxRssMb());
  }

  private Row peer(List<CorpusGenerator.Article> articles) throws Exception {
    Path texts = Files.createDirectories(work.resolve("peer-input"));
    List<String> files = new ArrayList<>();
    for (CorpusGenerator.Article article : articles) {
      Path file = texts.resolve(article.id() + ".txt");
      Files.writeString(file, article.title() + "\n\n" + article.text());
      files.add(file.toString());
    }
    Path list = work.resolve("peer-files.txt");
    Files.write(list, files);
    List<String> command = timed(java("12g"));
    command.addAll(List.of("edu.stanford.nlp.pipeline.StanfordCoreNLP", "-annotators", PEER_ANNOTATORS,
        "-parse.model", "edu/stanford/nlp/models/srparser/englishSR.ser.gz", "-coref.algorithm", "statistical",
        "-ssplit.newlineIsSentenceBreak", "two", "-threads", Integer.toString(cores), "-filelist", list.toString(),
        "-outputFormat", "json", "-outputDirectory", Files.createDirectories(work.resolve("peer-output")).toString()));
    long start = System.nanoTime();
    Output output = execute(command, work.resolve("peer.log"));
    double wall = (System.nanoTime() - start) / 1e9;
    // CoreNLP logs each file's annotation time; their sum over the threads is the peer's annotation stage
    // (its model loading is not logged at the log level used, so it is left out rather than guessed).
    double annotating = 0;
    Matcher m = FILE_SECONDS.matcher(output.text());
    while (m.find()) {
      annotating += Double.parseDouble(m.group(1));
    }
    return new Row("peer", "CoreNLP command line, " + PEER_ANNOTATORS + ", -threads " + cores, cores, articles.size(), 0,
        wall, annotating / cores, Double.NaN, -1, output.maxRssMb());
  }

  private Row clusterRun(int workers, Path corpus) throws Exception {
    execute(List.of("bash", home.resolve("jobs/standalone-cluster").toString(), "start", Integer.toString(workers), "1", "4g"),
        work.resolve("cluster-" + workers + "-start.log"));
    try {
      Thread.sleep(10_000);
      List<String> submit = new ArrayList<>(List.of("env", "BIAS_AUDIT_EXECUTOR_MEMORY=3g", "BIAS_AUDIT_EXECUTOR_CORES=1",
          "bash", home.resolve("jobs/submit").toString(), "--master", "spark://127.0.0.1:7077", "--input", corpus.toString(),
          "--output", work.resolve("out-cluster-" + workers).toString(), "--overwrite"));
      long start = System.nanoTime();
      Output output = execute(timed(submit), work.resolve("cluster-" + workers + ".log"));
      double wall = (System.nanoTime() - start) / 1e9;
      JsonNode manifest = manifest(work.resolve("out-cluster-" + workers));
      return new Row("cluster-" + workers, "jobs/submit to a standalone cluster, " + workers + " worker(s) x 1 core", workers,
          manifest.at("/tables/articles").asLong(), 0, wall, manifest.at("/timings_seconds/annotate").asDouble(),
          Double.NaN, -1, output.maxRssMb());
    } finally {
      execute(List.of("bash", home.resolve("jobs/standalone-cluster").toString(), "stop"), work.resolve("cluster-stop.log"));
    }
  }

  private List<String> java(String heap) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap));
    for (String option : jvmOptions.split("\\s+")) {
      if (!option.isBlank()) {
        command.add(option);
      }
    }
    command.addAll(List.of("-Dlog4j2.configurationFile=" + home.resolve("conf/log4j2.properties"),
        "-Dbias.audit.home=" + home, "-cp", classpath));
    return command;
  }

  /** Runs under GNU time when it is there, for the peak resident memory of every kind of run alike. */
  private static List<String> timed(List<String> command) {
    List<String> out = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/time"))) {
      out.addAll(List.of("/usr/bin/time", "-v"));
    }
    out.addAll(command);
    return out;
  }

  private record Output(String text, long maxRssMb) {}

  private static Output execute(List<String> command, Path log) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int code = process.waitFor();
    String text = Files.readString(log, StandardCharsets.UTF_8);
    if (code != 0) {
      throw new IllegalStateException(String.join(" ", command.subList(0, Math.min(4, command.size())))
          + "... failed with exit code " + code + "; see " + log);
    }
    Matcher rss = MAX_RSS.matcher(text);
    return new Output(text, rss.find() ? Long.parseLong(rss.group(1)) / 1024 : -1);
  }

  private String table(List<Row> rows, List<CorpusGenerator.Article> corpus, String jobCounts) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Corpus: %s, generated (jobs/generate-corpus, seed as given); %d CoreNLP tokens. "
        + "Machine: %d cores, %s, Java %s. Date: %s.%n%n", CorpusGenerator.describe(corpus), rows.get(0).tokens(), cores,
        machineMemory(), System.getProperty("java.version"), LocalDate.now()));
    out.append(String.format(Locale.ROOT, "The job and the ceiling run with -Xmx set to the heap budget, 1.5 GB + 0.5 GB per "
        + "task thread (%s with %d threads, %s with 1); cluster executors get 3 GB and 1 core each; the peer gets 12 GB.%n%n",
        heapBudget(cores), cores, heapBudget(1)));
    out.append(String.format(Locale.ROOT, "JVM options of every run, the peer's included, besides the module flags: %s.%n%n",
        reportedJvmOptions().isEmpty() ? "none" : "`" + reportedJvmOptions() + "`"));
    out.append("| run | what | threads | articles | wall s | model load s | tokens/s end to end | articles/s | "
        + "tokens/s annotation stage | live heap MB, max after GC | max RSS MB |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %s | %.0f | %.2f | %s | %s | %s |%n", r.name(), r.what(),
          r.threads(), r.articles(), r.wallSeconds(), Double.isNaN(r.modelLoadSeconds()) ? "-" : String.format(Locale.ROOT, "%.1f", r.modelLoadSeconds()),
          r.tokensPerSecond(), r.articles() / r.wallSeconds(),
          Double.isNaN(r.stageTokensPerSecond()) ? "-" : String.format(Locale.ROOT, "%.0f", r.stageTokensPerSecond()),
          r.liveHeapMb() < 0 ? "-" : Long.toString(r.liveHeapMb()), r.maxRssMb() < 0 ? "-" : Long.toString(r.maxRssMb())));
    }
    Map<String, Row> byName = new LinkedHashMap<>();
    rows.forEach(r -> byName.put(r.name(), r));
    Row job = byName.get("job");
    Row ceiling = byName.get("ceiling");
    List<Row> ceilings = rows.stream().filter(r -> r.name().startsWith("ceiling") && !r.name().equals("ceiling-1")).toList();
    List<Row> jobs = rows.stream().filter(r -> r.name().startsWith("job") && !r.name().equals("job-1")).toList();
    out.append("\nRatios (same run; each job run right after its ceiling run):\n\n");
    out.append(pairedRatio("job / ceiling, end to end (wall incl. JVM and model load)", ceilings, jobs, Row::wallSeconds));
    out.append(pairedRatio("job / ceiling, annotation stage only", ceilings, jobs, Row::annotateSeconds));
    if (byName.containsKey("ceiling-1")) {
      out.append(String.format(Locale.ROOT, "- ceiling all cores / ceiling 1 thread (how far the cores scale without Spark): "
          + "%.2f end to end, %.2f annotation%n", byName.get("ceiling-1").wallSeconds() / ceiling.wallSeconds(),
          byName.get("ceiling-1").annotateSeconds() / ceiling.annotateSeconds()));
    }
    out.append(String.format(Locale.ROOT, "- job all cores / job 1 core, end to end: %.2f%n",
        byName.get("job-1").wallSeconds() / job.wallSeconds()));
    out.append(String.format(Locale.ROOT, "- job all cores / job 1 core, annotation stage: %.2f%n",
        byName.get("job-1").annotateSeconds() / job.annotateSeconds()));
    if (byName.containsKey("peer")) {
      Row peer = byName.get("peer");
      out.append(String.format(Locale.ROOT, "- job / peer, articles/s end to end (peer over %d of the %d articles): %.2f%n",
          peer.articles(), job.articles(), (job.articles() / job.wallSeconds()) / (peer.articles() / peer.wallSeconds())));
      out.append(String.format(Locale.ROOT, "- job / peer, articles/s of the annotation stage (the peer's: its per-file times "
          + "summed over %d threads): %.2f%n", peer.threads(),
          (job.articles() / job.annotateSeconds()) / (peer.articles() / peer.annotateSeconds())));
    }
    out.append(jobCounts);
    if (byName.containsKey("cluster-2")) {
      out.append(String.format(Locale.ROOT, "- cluster 2 workers / 1 worker, end to end: %.2f%n",
          byName.get("cluster-1").wallSeconds() / byName.get("cluster-2").wallSeconds()));
      out.append(String.format(Locale.ROOT, "- local[*] / standalone cluster with 2 workers, end to end: %.2f%n",
          byName.get("cluster-2").wallSeconds() / job.wallSeconds()));
    }
    return out.toString();
  }

  /**
   * Ceiling seconds over job seconds for each back-to-back pair; with several pairs, each and their median.
   */
  static String pairedRatio(String label, List<Row> ceilings, List<Row> jobs, java.util.function.ToDoubleFunction<Row> seconds) {
    double[] ratios = new double[jobs.size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = seconds.applyAsDouble(ceilings.get(i)) / seconds.applyAsDouble(jobs.get(i));
    }
    if (ratios.length == 1) {
      return String.format(Locale.ROOT, "- %s: %.2f%n", label, ratios[0]);
    }
    double[] sorted = ratios.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return String.format(Locale.ROOT, "- %s: median %.2f of %d pairs (%s)%n", label, median, n,
        Arrays.stream(ratios).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r)).collect(Collectors.joining(", ")));
  }

  /**
   * The -XX options the runs were given (the collector settings and the class-data archive of
   * jobs/lib/common.sh), for the report: the archive by its file name, not this machine's path.
   */
  private String reportedJvmOptions() {
    return Arrays.stream(jvmOptions.split("\\s+")).filter(o -> o.startsWith("-XX:") && !o.contains("IgnoreUnrecognized"))
        .map(o -> o.startsWith(SHARED_ARCHIVE) ? SHARED_ARCHIVE + Path.of(o.substring(SHARED_ARCHIVE.length())).getFileName() : o)
        .collect(Collectors.joining(" "));
  }

  private static final String SHARED_ARCHIVE = "-XX:SharedArchiveFile=";

  private static String machineMemory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          return (Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024) + " GiB";
        }
      }
    } catch (IOException e) {
      // Not Linux: leave it out.
    }
    return "memory unknown";
  }

  private static void writeReport(Path report, String table) throws IOException {
    String start = "<!-- jobs/bench:start -->";
    String end = "<!-- jobs/bench:end -->";
    String section = start + "\n" + table + end;
    String existing = Files.exists(report) ? Files.readString(report) : "# Benchmarks\n\n";
    int a = existing.indexOf(start);
    int b = existing.indexOf(end);
    String updated = a >= 0 && b > a ? existing.substring(0, a) + section + existing.substring(b + end.length())
        : existing + "\n## Throughput (jobs/bench)\n\n" + section + "\n";
    Files.writeString(report, updated);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
