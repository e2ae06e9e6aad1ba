package org.biasaudit.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
 * article; the deep annotators (POS, parser, sentiment) run only on sentences that name a tracked actor,
 * one sentence at a time, so an article without a tracked actor costs almost nothing and the per-article
 * time limit is checked between sentences.
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

  public ArticleAnnotator(AuditConfig config, ActorRegistry registry) {
    this.config = config;
    this.registry = registry;
    this.resolver = new MentionResolver(NlpEngines.matcher(registry), config.nlp());
    this.pipelines = NlpEngines.pipelines(config.nlp());
    this.quoteFinder = new QuoteFinder(registry);
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
    FieldResult titleResult = annotateField("title", title, deadline, references);
    FieldResult textResult = annotateField("text", text, deadline, references);

    List<Mention> mentions = new ArrayList<>(titleResult.mentions());
    mentions.addAll(textResult.mentions());
    Set<String> actors = new TreeSet<>();
    mentions.forEach(m -> actors.add(m.actorId()));
    List<Quotation> quotes = actors.isEmpty() ? List.of()
        : withSentiment(quoteFinder.find(text, textResult.matches()), textResult.mentions());
    String status = actors.isEmpty() ? AnnotatedArticle.NO_ACTOR
        : titleResult.timedOut() || textResult.timedOut() ? AnnotatedArticle.TIME_LIMIT : AnnotatedArticle.ANNOTATED;
    return new AnnotatedArticle(article, status, truncated,
        titleResult.tokens() + textResult.tokens(), titleResult.sentences() + textResult.sentences(),
        List.copyOf(actors), mentions, quotes, (System.nanoTime() - start) / 1_000_000);
  }

  private record FieldResult(List<AliasMatch> matches, List<Mention> mentions, int tokens, int sentences, boolean timedOut) {}

  private FieldResult annotateField(String field, String text, long deadline, MentionResolver.ArticleMentions references) {
    if (text.isBlank()) {
      return new FieldResult(List.of(), List.of(), 0, 0, false);
    }
    Annotation document = new Annotation(text);
    pipelines.splitter().annotate(document);
    List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
    int tokenCount = document.get(CoreAnnotations.TokensAnnotation.class).size();
    List<AliasMatch> matches = references.names(field);
    List<ResolvedMention> found = references.resolve(field, text, document);
    if (found.isEmpty()) {
      return new FieldResult(matches, List.of(), tokenCount, sentences.size(), false);
    }

    // Group mentions by sentence; only those sentences go through the deep annotators.
    Map<Integer, List<ResolvedMention>> bySentence = new HashMap<>();
    for (ResolvedMention match : found) {
      bySentence.computeIfAbsent(match.sentenceIndex(), k -> new ArrayList<>()).add(match);
    }
    List<Mention> mentions = new ArrayList<>();
    boolean timedOut = false;
    for (int index : new TreeSet<>(bySentence.keySet())) {
      CoreMap sentence = sentences.get(index);
      List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
      String sentenceText = sentence.get(CoreAnnotations.TextAnnotation.class);
      String status;
      Tree tree = null;
      if (tokens.size() > config.nlp().maxSentenceTokens()) {
        status = "sentence_too_long";
      } else if (timedOut || System.nanoTime() > deadline) {
        timedOut = true;
        status = "time_limit";
      } else {
        tree = deepAnnotate(sentence);
        status = tree == null ? "no_tree" : "ok";
      }
      for (ResolvedMention match : bySentence.get(index)) {
        Double sentenceScore = null;
        Double targetScore = null;
        if (tree != null) {
          sentenceScore = TreeSentiment.score(tree);
          int[] span = tokenSpan(tokens, match.begin(), match.end());
          targetScore = TreeSentiment.towardTarget(tree, span[0], span[1]);
        }
        String label = targetScore == null ? "neutral" : config.sentiment().label(targetScore);
        mentions.add(new Mention(match.actorId(), match.surface(), field, match.begin(), match.end(), index,
            match.type(), sentenceScore, targetScore, label, status, sentenceText, match.chainId(), match.resolution()));
      }
    }
    mentions.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
    return new FieldResult(matches, mentions, tokenCount, sentences.size(), timedOut);
  }

  /** Runs POS, parser and sentiment on one sentence and returns its sentiment tree (null if none). */
  private Tree deepAnnotate(CoreMap sentence) {
    Annotation single = new Annotation(sentence.get(CoreAnnotations.TextAnnotation.class));
    single.set(CoreAnnotations.TokensAnnotation.class, sentence.get(CoreAnnotations.TokensAnnotation.class));
    single.set(CoreAnnotations.SentencesAnnotation.class, List.of(sentence));
    pipelines.deep().annotate(single);
    return sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
  }

  /** 0-based indices of the first and last token of the sentence that overlap [begin, end). */
  private static int[] tokenSpan(List<CoreLabel> tokens, int begin, int end) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < tokens.size(); i++) {
      CoreLabel token = tokens.get(i);
      if (token.endPosition() > begin && token.beginPosition() < end) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    if (first < 0) {
      return new int[] {0, 0};
    }
    return new int[] {first, last};
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
