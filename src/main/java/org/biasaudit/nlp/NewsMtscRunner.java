package org.biasaudit.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.biasaudit.actors.ActorRegistry;

/**
 * Runs the job's own sentence path on labelled NewsMTSC sentences: the splitter pipeline and the quote
 * finder on the sentence, then {@link MentionAnalyzer}'s deep step on the split sentence that holds each
 * target, then either its target step (to evaluate) or the classifier's features (to train). Each
 * sentence's two steps are timed separately in CPU time of the thread that ran them, so the cost of the
 * target-level step is measured in the same run as the rest.
 */
public final class NewsMtscRunner {
  /**
   * One target after the run: the job's result for it (and, when a second analyzer was given, that one's
   * result, computed outside the timings), or the features the classifier would see.
   */
  public record Example(NewsMtsc.Sentence sentence, NewsMtsc.Target target, MentionAnalyzer.Result result,
      MentionAnalyzer.Result compared, Map<String, Double> features) {}

  /**
   * @param baseCpuNanos CPU time of splitting, quote finding and the deep step (POS, parse, sentiment model,
   *     sentence score): the audit without the target-level step
   * @param targetCpuNanos CPU time of the target-level step
   */
  public record Run(List<Example> examples, int sentences, long baseCpuNanos, long targetCpuNanos) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final NlpEngines.Pipelines pipelines;
  private final MentionAnalyzer analyzer;
  private final MentionAnalyzer compare;
  private final QuoteFinder quoteFinder = new QuoteFinder(new ActorRegistry("(no registry)", List.of()));

  /** @param compare a second analyzer whose target step also runs, untimed, for comparison; may be null */
  public NewsMtscRunner(NlpEngines.Pipelines pipelines, MentionAnalyzer analyzer, MentionAnalyzer compare) {
    this.pipelines = pipelines;
    this.analyzer = analyzer;
    this.compare = compare;
  }

  /**
   * @param features true: compute the classifier's features (targets it would not score are left out);
   *     false: run the target step and keep its result for every target
   * @param progress called with the number of sentences done so far
   */
  public Run run(List<NewsMtsc.Sentence> sentences, int threads, boolean features, IntConsumer progress) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    AtomicInteger done = new AtomicInteger();
    try {
      List<Future<long[]>> timings = new ArrayList<>();
      List<List<Example>> perSentence = new ArrayList<>();
      for (NewsMtsc.Sentence sentence : sentences) {
        List<Example> out = new ArrayList<>();
        perSentence.add(out);
        timings.add(pool.submit(() -> {
          long[] t = one(sentence, features, out);
          progress.accept(done.incrementAndGet());
          return t;
        }));
      }
      long base = 0;
      long target = 0;
      for (Future<long[]> f : timings) {
        long[] t = f.get();
        base += t[0];
        target += t[1];
      }
      List<Example> examples = new ArrayList<>();
      perSentence.forEach(examples::addAll);
      return new Run(examples, sentences.size(), base, target);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("NewsMTSC run failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private long[] one(NewsMtsc.Sentence sentence, boolean features, List<Example> out) {
    long start = THREADS.getCurrentThreadCpuTime();
    String text = sentence.text();
    Annotation document = new Annotation(text);
    pipelines.splitter().annotate(document);
    List<CoreMap> split = document.get(CoreAnnotations.SentencesAnnotation.class);
    List<Quotation> quotes = quoteFinder.find(text, List.of());
    Map<Integer, List<NewsMtsc.Target>> bySentence = new LinkedHashMap<>();
    for (NewsMtsc.Target target : sentence.targets()) {
      bySentence.computeIfAbsent(sentenceOf(split, target.from()), k -> new ArrayList<>()).add(target);
    }
    Map<Integer, MentionAnalyzer.Deep> parsed = new LinkedHashMap<>();
    for (int index : bySentence.keySet()) {
      parsed.put(index, analyzer.deepStep(split.get(index), false));
    }
    long middle = THREADS.getCurrentThreadCpuTime();
    long targetNanos = 0;
    for (Map.Entry<Integer, List<NewsMtsc.Target>> entry : bySentence.entrySet()) {
      MentionAnalyzer.Deep deep = parsed.get(entry.getKey());
      List<MentionAnalyzer.TargetSpan> spans = new ArrayList<>();
      for (NewsMtsc.Target t : entry.getValue()) {
        spans.add(new MentionAnalyzer.TargetSpan(t.from(), t.to(), null, text.substring(t.from(), t.to())));
      }
      if (features) {
        for (int i = 0; i < spans.size(); i++) {
          Map<String, Double> f = analyzer.features(deep, spans.get(i), quotes);
          if (f != null) {
            out.add(new Example(sentence, entry.getValue().get(i), null, null, f));
          }
        }
      } else {
        long before = THREADS.getCurrentThreadCpuTime();
        List<MentionAnalyzer.Result> results = analyzer.targets(deep, false, spans, quotes);
        targetNanos += THREADS.getCurrentThreadCpuTime() - before;
        List<MentionAnalyzer.Result> compared = compare == null ? null : compare.targets(deep, false, spans, quotes);
        for (int i = 0; i < spans.size(); i++) {
          out.add(new Example(sentence, entry.getValue().get(i), results.get(i), compared == null ? null : compared.get(i), null));
        }
      }
    }
    if (features) {
      targetNanos = THREADS.getCurrentThreadCpuTime() - middle;
    }
    return new long[] {middle - start, targetNanos};
  }

  private static int sentenceOf(List<CoreMap> sentences, int offset) {
    int chosen = 0;
    for (int i = 0; i < sentences.size(); i++) {
      if (sentences.get(i).get(CoreAnnotations.CharacterOffsetBeginAnnotation.class) <= offset) {
        chosen = i;
      }
    }
    return chosen;
  }
}
