package org.biasaudit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.ingest.ArticleRecord;
import org.biasaudit.jobs.AuditJob;
import org.biasaudit.nlp.AnnotatedArticle;
import org.biasaudit.nlp.ArticleAnnotator;
import org.biasaudit.nlp.NlpEngines;

/**
 * One measurement of {@link Benchmark}, run in its own JVM so that each starts cold (model loading and JIT
 * warm-up included, as in real use) and its peak heap is its own. Prints one line {@code BENCH {json}}.
 *
 * <ul>
 *   <li>{@code job MASTER CORPUS OUTPUT}: the audit job end to end, as {@code jobs/audit} runs it.
 *   <li>{@code direct THREADS CORPUS}: the same annotation code and models over the same articles in a
 *       plain thread pool, no Spark: the ceiling for the job.
 * </ul>
 */
public final class BenchProbe {
  private BenchProbe() {}

  public static void main(String[] args) throws Exception {
    AtomicLong liveHeap = watchLiveHeap();
    Map<String, Object> result = switch (args[0]) {
      case "job" -> job(args[1], Path.of(args[2]), Path.of(args[3]));
      case "direct" -> direct(Integer.parseInt(args[1]), Path.of(args[2]));
      default -> throw new IllegalArgumentException("unknown probe " + args[0]);
    };
    result.put("peak_live_heap_mb", liveHeap.get() / (1024 * 1024));
    System.out.println("BENCH " + new ObjectMapper().writeValueAsString(result));
  }

  private static Map<String, Object> job(String master, Path corpus, Path output) throws IOException {
    long start = System.nanoTime();
    PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    int code = AuditJob.runInOwnJvm(new String[] {"--input", corpus.toString(), "--output", output.toString(), "--overwrite",
        "--master", master}, quiet, System.err);
    double wall = (System.nanoTime() - start) / 1e9;
    if (code != 0) {
      throw new IllegalStateException("the job failed with exit code " + code);
    }
    JsonNode manifest = new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("wall_s", wall);
    result.put("annotate_s", manifest.at("/timings_seconds/annotate").asDouble());
    result.put("model_load_s", manifest.at("/annotation/model_load_seconds").asDouble());
    result.put("articles", manifest.at("/tables/articles").asLong());
    return result;
  }

  private static Map<String, Object> direct(int threads, Path corpus) throws Exception {
    long start = System.nanoTime();
    AuditConfig config = AuditConfig.defaults();
    ActorRegistry registry = ActorRegistry.load(Path.of(System.getProperty("bias.audit.home", "."), "conf/actors.yaml"));
    NlpEngines.Pipelines pipelines = NlpEngines.pipelines(config.nlp());
    List<ArticleRecord> articles = read(corpus);
    long processingStart = System.nanoTime();
    AtomicLong tokens = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      futures.add(pool.submit(() -> {
        ArticleAnnotator annotator = new ArticleAnnotator(config, registry);
        for (int i = offset; i < articles.size(); i += threads) {
          AnnotatedArticle annotated = annotator.annotate(articles.get(i));
          tokens.addAndGet(annotated.tokenCount());
        }
      }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("wall_s", (System.nanoTime() - start) / 1e9);
    result.put("annotate_s", (System.nanoTime() - processingStart) / 1e9);
    result.put("model_load_s", pipelines.loadMillis() / 1000.0);
    result.put("articles", (long) articles.size());
    result.put("tokens", tokens.get());
    return result;
  }

  /** The generated corpus's JSON Lines files, as articles. */
  static List<ArticleRecord> read(Path corpus) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<ArticleRecord> articles = new ArrayList<>();
    List<Path> files;
    try (var list = Files.list(corpus)) {
      files = list.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
    }
    for (Path file : files) {
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = reader.readLine()) != null) {
          JsonNode node = json.readTree(line);
          articles.add(new ArticleRecord(node.get("id").asText(), false, node.get("outlet").asText(),
              java.time.LocalDate.parse(node.get("published").asText()), null, node.get("published").asText(), null,
              node.get("title").asText(), node.get("text").asText(), file.toString(), 0));
        }
      }
    }
    return articles;
  }

  /**
   * The most heap in use right after any garbage collection: the live data the run needed, which is what a
   * heap limit must hold. (The memory pools' peak usage, summed, would also count garbage not yet collected.)
   */
  private static AtomicLong watchLiveHeap() {
    AtomicLong max = new AtomicLong();
    Set<String> heapPools = new HashSet<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener((notification, handback) -> {
          if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
            max.accumulateAndGet(used, Math::max);
          }
        }, null, null);
      }
    }
    return max;
  }
}
