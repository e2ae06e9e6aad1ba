package org.biasaudit.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.actors.AliasMatch;
import org.biasaudit.actors.AliasMatcher;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.ingest.ArticleRecord;

/**
 * Runs the NLP stage on one article. Tokenization, sentence splitting and the alias matcher run on every
 * article; the deep annotators (POS, parser, sentiment) and the target-level step ({@link MentionAnalyzer})
 * run only on sentences that name a tracked actor, one sentence at a time, so an article without a
 * tracked actor costs almost nothing and the per-article time limit is checked between sentences.
 *
 * <p>Instances are cheap and hold no per-document state; the models behind them are shared per JVM.
 */
public final class ArticleAnnotator {
  private final AuditConfig config;
  private final ActorRegistry registry;
  private final AliasMatcher matcher;
  private final NlpEngines.Pipelines pipelines;
  private final QuoteFinder quoteFinder;
  private final MentionAnalyzer analyzer;

  public ArticleAnnotator(AuditConfig config, ActorRegistry registry) {
    this.config = config;
    this.registry = registry;
    this.matcher = NlpEngines.matcher(registry);
    this.pipelines = NlpEngines.pipelines(config.nlp());
    this.quoteFinder = new QuoteFinder(registry);
    TargetSentimentModel model = AuditConfig.Sentiment.CLASSIFIER.equals(config.sentiment().method())
        ? NlpEngines.targetModel() : null;
    this.analyzer = new MentionAnalyzer(pipelines.deep(), model, config.nlp(), config.sentiment());
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

    Split titleSplit = split(title);
    Split textSplit = split(text);
    boolean anyActor = !titleSplit.matches().isEmpty() || !textSplit.matches().isEmpty();
    // Quotes first: whether a mention is inside a quote, or speaks one, is part of judging it.
    List<Quotation> quotes = anyActor ? quoteFinder.find(text, textSplit.matches()) : List.of();
    FieldResult titleResult = annotateField("title", titleSplit, List.of(), deadline);
    FieldResult textResult = annotateField("text", textSplit, quotes, deadline);

    List<Mention> mentions = new ArrayList<>(titleResult.mentions());
    mentions.addAll(textResult.mentions());
    Set<String> actors = new TreeSet<>();
    mentions.forEach(m -> actors.add(m.actorId()));
    String status = actors.isEmpty() ? AnnotatedArticle.NO_ACTOR
        : titleResult.timedOut() || textResult.timedOut() ? AnnotatedArticle.TIME_LIMIT : AnnotatedArticle.ANNOTATED;
    return new AnnotatedArticle(article, status, truncated,
        titleSplit.tokens() + textSplit.tokens(), titleSplit.sentences().size() + textSplit.sentences().size(),
        List.copyOf(actors), mentions, quotes, (System.nanoTime() - start) / 1_000_000);
  }

  /** A field after the cheap pass: sentences, token count and alias matches. */
  private record Split(List<CoreMap> sentences, int tokens, List<AliasMatch> matches) {}

  private record FieldResult(List<Mention> mentions, boolean timedOut) {}

  private Split split(String text) {
    if (text.isBlank()) {
      return new Split(List.of(), 0, List.of());
    }
    Annotation document = new Annotation(text);
    pipelines.splitter().annotate(document);
    List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
    int tokenCount = document.get(CoreAnnotations.TokensAnnotation.class).size();
    return new Split(sentences, tokenCount, matcher.find(text));
  }

  private FieldResult annotateField(String field, Split split, List<Quotation> quotes, long deadline) {
    if (split.matches().isEmpty()) {
      return new FieldResult(List.of(), false);
    }
    List<CoreMap> sentences = split.sentences();
    // Group mentions by sentence; only those sentences go through the deep annotators.
    Map<Integer, List<AliasMatch>> bySentence = new HashMap<>();
    for (AliasMatch match : split.matches()) {
      int index = sentenceOf(sentences, match.begin());
      bySentence.computeIfAbsent(index, k -> new ArrayList<>()).add(match);
    }
    boolean title = field.equals("title");
    List<Mention> mentions = new ArrayList<>();
    boolean timedOut = false;
    for (int index : new TreeSet<>(bySentence.keySet())) {
      CoreMap sentence = sentences.get(index);
      String sentenceText = sentence.get(CoreAnnotations.TextAnnotation.class);
      timedOut = timedOut || System.nanoTime() > deadline;
      List<AliasMatch> matches = bySentence.get(index);
      List<MentionAnalyzer.TargetSpan> targets = new ArrayList<>();
      for (AliasMatch match : matches) {
        targets.add(new MentionAnalyzer.TargetSpan(match.begin(), match.end(), match.actorId(), match.surface()));
      }
      List<MentionAnalyzer.Result> results = analyzer.analyze(sentence, title, targets, quotes, timedOut);
      for (int i = 0; i < matches.size(); i++) {
        AliasMatch match = matches.get(i);
        MentionAnalyzer.Result r = results.get(i);
        mentions.add(new Mention(match.actorId(), match.surface(), field, match.begin(), match.end(), index,
            Mention.NAME, r.sentenceSentiment(), r.targetSentiment(), r.targetLabel(), r.status(), sentenceText,
            r.role(), r.governingVerb(), r.descriptors(), r.inQuote(), r.quoteSpeakerId()));
      }
    }
    mentions.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
    return new FieldResult(mentions, timedOut);
  }

  private static int sentenceOf(List<CoreMap> sentences, int offset) {
    int chosen = 0;
    for (int i = 0; i < sentences.size(); i++) {
      if (sentences.get(i).get(CoreAnnotations.CharacterOffsetBeginAnnotation.class) <= offset) {
        chosen = i;
      } else {
        break;
      }
    }
    return chosen;
  }

  public ActorRegistry registry() {
    return registry;
  }

}
