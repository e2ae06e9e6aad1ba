package org.biasaudit.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.actors.AliasMatch;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.ingest.ArticleRecord;
import org.biasaudit.ingest.TextCleaner;

/**
 * Runs the NLP stage on one article. Tokenization, sentence splitting and the alias matcher run on every
 * article; the deep annotators (POS, parser, sentiment) and the target-level step ({@link MentionAnalyzer})
 * run only on sentences that mention a tracked actor, one sentence at a time, so an article without a
 * tracked actor costs almost nothing and the per-article time limit is checked between sentences.
 *
 * <p>Instances are cheap and hold no per-document state; the models behind them are shared per JVM.
 */
public final class ArticleAnnotator {
  /** Below this share of Latin-script letters an article is not English and is not annotated. */
  static final double MIN_LATIN_SHARE = 0.5;

  private final AuditConfig config;
  private final ActorRegistry registry;
  private final MentionResolver resolver;
  private final NlpEngines.Pipelines pipelines;
  private final QuoteFinder quoteFinder;
  private final MentionAnalyzer analyzer;

  public ArticleAnnotator(AuditConfig config, ActorRegistry registry) {
    this.config = config;
    this.registry = registry;
    this.resolver = new MentionResolver(NlpEngines.matcher(registry), config.nlp());
    this.pipelines = NlpEngines.pipelines(config.nlp());
    this.quoteFinder = new QuoteFinder(registry);
    TargetSentimentModel model = AuditConfig.Sentiment.CLASSIFIER.equals(config.sentiment().method())
        ? NlpEngines.targetModel() : null;
    this.analyzer = new MentionAnalyzer(pipelines.deep(), model, config.nlp(), config.sentiment());
  }

  /**
   * Builds an annotator for {@code config} on a daemon thread and returns at once: the constructor loads
   * exactly the models that {@link #annotate} will use, into the per-JVM cache. Where the driver is also
   * the executor (local mode) the job calls this first, so the seconds of model loading overlap reading
   * the input and finding copies instead of opening the annotation stage. The tasks look the models up as
   * usual and wait for a load under way; a failure here is left for them to meet and report.
   */
  public static void loadModelsInBackground(AuditConfig config, ActorRegistry registry) {
    Thread loader = new Thread(() -> {
      try {
        new ArticleAnnotator(config, registry);
      } catch (RuntimeException | LinkageError e) {
        // The first task to need the models loads them again and fails with the cause.
      }
    }, "nlp-model-loader");
    loader.setDaemon(true);
    loader.start();
  }

  public AnnotatedArticle annotate(ArticleRecord article) {
    long start = System.nanoTime();
    long deadline = start + config.nlp().articleTimeLimitSeconds() * 1_000_000_000L;
    String text = article.text();
    boolean truncated = text.length() > config.input().maxArticleChars();
    if (truncated) {
      text = text.substring(0, config.input().maxArticleChars());
    }
    String title = article.title() == null ? "" : article.title();
    if (TextCleaner.latinLetterShare(text) < MIN_LATIN_SHARE) {
      return new AnnotatedArticle(article, AnnotatedArticle.UNSUPPORTED_LANGUAGE, truncated, 0, 0, List.of(), List.of(),
          List.of(), (System.nanoTime() - start) / 1_000_000);
    }

    // Who each name, title and pronoun refers to is decided over the whole article (MentionResolver).
    MentionResolver.ArticleMentions references = resolver.start(title, text, article.published());
    Split titleSplit = split("title", title, references);
    Split textSplit = split("text", text, references);
    boolean anyActor = !titleSplit.found().isEmpty() || !textSplit.found().isEmpty();
    // Quotes first: whether a mention is inside a quotation, or speaks one, is part of judging it.
    List<Quotation> found = anyActor ? quoteFinder.find(text, textSplit.names(), textSplit.titles()) : List.of();
    FieldResult titleResult = annotateField("title", titleSplit, List.of(), deadline);
    FieldResult textResult = annotateField("text", textSplit, found, deadline);

    List<Mention> mentions = new ArrayList<>(titleResult.mentions());
    mentions.addAll(textResult.mentions());
    Set<String> actors = new TreeSet<>();
    mentions.forEach(m -> actors.add(m.actorId()));
    List<Quotation> quotes = actors.isEmpty() ? List.of() : withSentiment(found, textResult.mentions());
    String status = actors.isEmpty() ? AnnotatedArticle.NO_ACTOR
        : titleResult.timedOut() || textResult.timedOut() ? AnnotatedArticle.TIME_LIMIT : AnnotatedArticle.ANNOTATED;
    return new AnnotatedArticle(article, status, truncated,
        titleSplit.tokens() + textSplit.tokens(), titleSplit.sentences().size() + textSplit.sentences().size(),
        List.copyOf(actors), mentions, quotes, (System.nanoTime() - start) / 1_000_000);
  }

  /** A field after the cheap pass: its sentences, token count, name matches and resolved mentions. */
  private record Split(List<CoreMap> sentences, int tokens, List<AliasMatch> names, List<AliasMatch> titles,
      List<ResolvedMention> found) {}

  private record FieldResult(List<Mention> mentions, boolean timedOut) {}

  private Split split(String field, String text, MentionResolver.ArticleMentions references) {
    if (text.isBlank()) {
      return new Split(List.of(), 0, List.of(), List.of(), List.of());
    }
    Annotation document = new Annotation(text);
    pipelines.splitter().annotate(document);
    List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
    int tokenCount = document.get(CoreAnnotations.TokensAnnotation.class).size();
    return new Split(sentences, tokenCount, references.names(field), references.titles(field),
        references.resolve(field, text, document));
  }

  private FieldResult annotateField(String field, Split split, List<Quotation> quotes, long deadline) {
    if (split.found().isEmpty()) {
      return new FieldResult(List.of(), false);
    }
    // Group mentions by sentence; only those sentences go through the deep annotators.
    Map<Integer, List<ResolvedMention>> bySentence = new HashMap<>();
    for (ResolvedMention match : split.found()) {
      bySentence.computeIfAbsent(match.sentenceIndex(), k -> new ArrayList<>()).add(match);
    }
    boolean title = field.equals("title");
    List<Mention> mentions = new ArrayList<>();
    boolean timedOut = false;
    for (int index : new TreeSet<>(bySentence.keySet())) {
      CoreMap sentence = split.sentences().get(index);
      String sentenceText = sentence.get(CoreAnnotations.TextAnnotation.class);
      timedOut = timedOut || System.nanoTime() > deadline;
      List<ResolvedMention> matches = bySentence.get(index);
      List<MentionAnalyzer.TargetSpan> targets = new ArrayList<>(matches.size());
      for (ResolvedMention match : matches) {
        targets.add(new MentionAnalyzer.TargetSpan(match.begin(), match.end(), match.actorId(), match.surface()));
      }
      List<MentionAnalyzer.Result> results = analyzer.analyze(sentence, title, targets, quotes, timedOut);
      for (int i = 0; i < matches.size(); i++) {
        ResolvedMention match = matches.get(i);
        MentionAnalyzer.Result r = results.get(i);
        mentions.add(new Mention(match.actorId(), match.surface(), field, match.begin(), match.end(), index,
            match.type(), r.sentenceSentiment(), r.targetSentiment(), r.targetLabel(), r.status(), sentenceText,
            match.chainId(), match.resolution(), r.role(), r.governingVerb(), r.descriptors(), r.inQuote(),
            r.quoteSpeakerId()));
      }
    }
    mentions.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
    return new FieldResult(mentions, timedOut);
  }

  /**
   * Each quotation with the sentiment toward the actors named inside it: per actor, the mean target
   * sentiment of its scored name mentions within the quotation's span (mentions are sorted by offset, so each
   * quotation looks only at the mentions inside it).
   */
  static List<Quotation> withSentiment(List<Quotation> quotes, List<Mention> mentions) {
    if (quotes.isEmpty() || mentions.isEmpty()) {
      return quotes;
    }
    int[] begins = mentions.stream().mapToInt(Mention::begin).toArray();
    List<Quotation> out = new ArrayList<>(quotes.size());
    for (Quotation q : quotes) {
      int from = QuoteFinder.firstAtOrAfter(begins, q.begin());
      Map<String, double[]> sums = new TreeMap<>();
      for (int i = from; i < mentions.size() && mentions.get(i).begin() < q.end(); i++) {
        Mention m = mentions.get(i);
        // Named mentions only: the map covers the actors the quotation names (mentioned_actor_ids), not
        // pronouns inside it that resolve to someone.
        if (m.end() <= q.end() && m.targetSentiment() != null && Mention.NAME.equals(m.mentionType())) {
          double[] sum = sums.computeIfAbsent(m.actorId(), k -> new double[2]);
          sum[0] += m.targetSentiment();
          sum[1]++;
        }
      }
      Map<String, Double> means = new TreeMap<>();
      sums.forEach((actor, sum) -> means.put(actor, sum[0] / sum[1]));
      out.add(means.isEmpty() ? q : q.withSentiment(means));
    }
    return out;
  }

  public ActorRegistry registry() {
    return registry;
  }

}
