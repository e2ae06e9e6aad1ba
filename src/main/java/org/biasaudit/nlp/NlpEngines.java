package org.biasaudit.nlp;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.concurrent.ConcurrentHashMap;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.actors.AliasMatcher;
import org.biasaudit.config.AuditConfig;

/**
 * The per-JVM cache of loaded models: the only static mutable state in the project. Loading the parser
 * and sentiment models takes seconds and hundreds of megabytes, so every task thread of an executor
 * shares one set. The pipelines used here (tokenize, ssplit, pos, parse, sentiment) are safe to share
 * between threads, and so is the target-sentiment model (read-only weights); nothing that keeps
 * per-document state (such as CoreNLP's quote attribution) is put in this cache.
 */
public final class NlpEngines {
  /** The loaded CoreNLP pipelines for one set of NLP settings. */
  public record Pipelines(StanfordCoreNLP splitter, StanfordCoreNLP deep, long loadMillis) {}

  private static final ConcurrentHashMap<AuditConfig.Nlp, Pipelines> PIPELINES = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<ActorRegistry, AliasMatcher> MATCHERS = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<AuditConfig.Nlp, StanfordCoreNLP> COREF = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, TargetSentimentModel> MODELS = new ConcurrentHashMap<>();

  private NlpEngines() {}

  public static Pipelines pipelines(AuditConfig.Nlp settings) {
    return PIPELINES.computeIfAbsent(settings, NlpEngines::load);
  }

  /** The alias automaton for a registry, built once per JVM (it is compiled from every alias). */
  public static AliasMatcher matcher(ActorRegistry registry) {
    return MATCHERS.computeIfAbsent(registry, AliasMatcher::new);
  }

  /**
   * The coreference pipeline of the {@code full} tier (NER, parser and statistical coreference over whole
   * texts), loaded on first use only: the other tiers never pay for its models.
   */
  public static StanfordCoreNLP coref(AuditConfig.Nlp settings) {
    return COREF.computeIfAbsent(settings, s -> new StanfordCoreNLP(CoreNlpProperties.coref(s)));
  }

  /** The shipped target-sentiment classifier, read once per JVM; immutable, so every thread shares it. */
  public static TargetSentimentModel targetModel() {
    return MODELS.computeIfAbsent(TargetSentimentModel.RESOURCE, r -> TargetSentimentModel.loadDefault());
  }

  /**
   * How long the pipelines for {@code settings} took to load in this JVM, in milliseconds, or -1 when they are
   * not loaded (nothing is loaded by asking).
   */
  public static long loadMillis(AuditConfig.Nlp settings) {
    Pipelines loaded = PIPELINES.get(settings);
    return loaded == null ? -1 : loaded.loadMillis();
  }

  /**
   * Drops every model this JVM has loaded, CoreNLP's own annotator cache included, so that the memory serves
   * what comes after annotation. Only for a JVM that annotates nothing more: a later annotator would load
   * them again, in seconds. The job calls it where the driver is the executor and the JVM is its own (the
   * command line's, not a test's): the models are about 1 GB of a 2.5 GB heap, and the garbage collector's
   * concurrent marking traverses them again and again while the tables are built.
   */
  public static void release() {
    PIPELINES.clear();
    MATCHERS.clear();
    COREF.clear();
    MODELS.clear();
    // What StanfordCoreNLP.clearAnnotatorPool() does, without the warning it logs for every run.
    StanfordCoreNLP.GLOBAL_ANNOTATOR_CACHE.clear();
  }

  private static Pipelines load(AuditConfig.Nlp settings) {
    long start = System.nanoTime();
    StanfordCoreNLP splitter = new StanfordCoreNLP(CoreNlpProperties.splitter(settings));
    StanfordCoreNLP deep = new StanfordCoreNLP(CoreNlpProperties.deep(settings));
    return new Pipelines(splitter, deep, (System.nanoTime() - start) / 1_000_000);
  }
}
