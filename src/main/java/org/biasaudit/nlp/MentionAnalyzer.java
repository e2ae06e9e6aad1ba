package org.biasaudit.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.biasaudit.config.AuditConfig;

/**
 * Sentiment toward the targets of one sentence: the deep CoreNLP step (POS, parser, sentiment model) once
 * per sentence, then the target-level step for each target (dependencies from the parse, the target's
 * grammar, its features, the classifier). The audit job and {@code jobs/eval-sentiment} both go through
 * this class, so what is evaluated is what the job computes.
 *
 * <p>Input it cannot judge gets a defined result ({@link SentimentStatus}), never an exception: sentences
 * over the token limit, all-capitals and headline-case text are not parsed; a title without a verb is not
 * target-scored; a sentence with no sentiment-bearing word outside the mention is neutral (score 0).
 *
 * <p>Thread-safe: no per-call state is kept; the pipelines and the model are shared, read-only.
 */
public final class MentionAnalyzer {
  /** Short function words that headline style leaves in lower case. */
  private static final Set<String> HEADLINE_LOWER = Set.of("a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet",
      "at", "by", "in", "of", "on", "to", "up", "as", "via", "vs", "vs.", "v.", "from", "into", "with", "over", "than",
      "per", "off", "out", "onto", "upon", "amid", "after", "about", "is", "be", "are");

  /** A target: character offsets into the field text, and the actor when the target is a tracked one. */
  public record TargetSpan(int begin, int end, String actorId, String surface) {}

  /** What the analysis says about one target. */
  public record Result(Double sentenceSentiment, Double targetSentiment, String targetLabel, String status, String role,
      String governingVerb, List<String> descriptors, boolean inQuote, String quoteSpeakerId) {}

  /** A sentence after the deep step: parsed, or the status that says why not. */
  public record Deep(CoreMap sentence, String status, Double sentenceScore) {}

  private final StanfordCoreNLP deep;
  private final TargetSentimentModel model;
  private final AuditConfig.Nlp nlp;
  private final AuditConfig.Sentiment sentiment;

  /**
   * @param model the classifier, used when {@code sentiment.method} is {@code classifier}
   */
  public MentionAnalyzer(StanfordCoreNLP deep, TargetSentimentModel model, AuditConfig.Nlp nlp, AuditConfig.Sentiment sentiment) {
    this.deep = deep;
    this.model = model;
    this.nlp = nlp;
    this.sentiment = sentiment;
  }

  /** Both steps for one sentence of a field; {@code quotes} are the field's quotations (may be empty). */
  public List<Result> analyze(CoreMap sentence, boolean title, List<TargetSpan> targets, List<Quotation> quotes, boolean timedOut) {
    return targets(deepStep(sentence, timedOut), title, targets, quotes);
  }

  /** The deep step: POS, parse and sentiment on one sentence, unless it is one the models cannot read. */
  public Deep deepStep(CoreMap sentence, boolean timedOut) {
    List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
    if (tokens.size() > nlp.maxSentenceTokens()) {
      return new Deep(sentence, SentimentStatus.SENTENCE_TOO_LONG, null);
    }
    if (timedOut) {
      return new Deep(sentence, SentimentStatus.TIME_LIMIT, null);
    }
    String casing = casing(tokens);
    if (casing != null) {
      return new Deep(sentence, casing, null);
    }
    Annotation single = new Annotation(sentence.get(CoreAnnotations.TextAnnotation.class));
    single.set(CoreAnnotations.TokensAnnotation.class, tokens);
    single.set(CoreAnnotations.SentencesAnnotation.class, List.of(sentence));
    deep.annotate(single);
    Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
    if (tree == null) {
      return new Deep(sentence, SentimentStatus.NO_TREE, null);
    }
    return new Deep(sentence, SentimentStatus.OK, TreeSentiment.score(tree));
  }

  /** The target-level step on a sentence that went through {@link #deepStep}. */
  public List<Result> targets(Deep parsed, boolean title, List<TargetSpan> targets, List<Quotation> quotes) {
    List<Result> results = new ArrayList<>(targets.size());
    ParsedSentence s = null;
    String status = parsed.status();
    if (status.equals(SentimentStatus.OK)) {
      try {
        s = ParsedSentence.of(parsed.sentence());
        if (s == null) {
          status = SentimentStatus.NO_TREE;
        } else if (title && !hasVerb(s)) {
          status = SentimentStatus.NO_VERB;
        }
      } catch (RuntimeException e) {
        status = SentimentStatus.TARGET_ERROR;
      }
    }
    for (TargetSpan target : targets) {
      Quotation around = quoteAround(quotes, target);
      boolean inQuote = around != null;
      String speakerId = around == null ? null : around.speakerActorId();
      if (s == null || !status.equals(SentimentStatus.OK)) {
        results.add(new Result(parsed.sentenceScore(), null, "neutral", status, null, null, List.of(), inQuote, speakerId));
        continue;
      }
      try {
        results.add(scoreTarget(s, parsed.sentenceScore(), target, quotes, inQuote, speakerId));
      } catch (RuntimeException e) {
        results.add(new Result(parsed.sentenceScore(), null, "neutral", SentimentStatus.TARGET_ERROR, null, null, List.of(),
            inQuote, speakerId));
      }
    }
    return results;
  }

  private Result scoreTarget(ParsedSentence s, Double sentenceScore, TargetSpan target, List<Quotation> quotes,
      boolean inQuote, String speakerId) {
    Located located = locate(s, target, quotes);
    int[] span = located.span();
    MentionGrammar grammar = located.grammar();
    boolean[] masked = located.target().masked();
    String role = grammar.role();
    if (!hasSentimentWords(s, span[0], span[1], masked, model)) {
      return new Result(sentenceScore, 0.0, "neutral", SentimentStatus.NO_SENTIMENT_WORDS, role, grammar.governingVerb(),
          grammar.descriptors(), inQuote, speakerId);
    }
    double score;
    String label;
    if (AuditConfig.Sentiment.TREE.equals(sentiment.method()) || model == null) {
      score = TargetFeatures.treeScore(s, s.coveringNode(span[0], span[1]), excluded(s, span, masked));
      label = sentiment.label(score);
    } else {
      double[] p = model.probabilities(TargetFeatures.extract(s, located.target(), grammar));
      score = TargetSentimentModel.score(p);
      label = TargetSentimentModel.label(p);
    }
    return new Result(sentenceScore, score, label, SentimentStatus.OK, role, grammar.governingVerb(), grammar.descriptors(),
        inQuote, speakerId);
  }

  /**
   * The features the classifier sees for one target, for training: every target of a sentence that the
   * deep step parsed (the no-sentiment-words rule is left to prediction time, as it reads the model).
   * Null when the sentence was not parsed.
   */
  public Map<String, Double> features(Deep parsed, TargetSpan target, List<Quotation> quotes) {
    if (!parsed.status().equals(SentimentStatus.OK)) {
      return null;
    }
    ParsedSentence s = ParsedSentence.of(parsed.sentence());
    if (s == null) {
      return null;
    }
    Located located = locate(s, target, quotes);
    return TargetFeatures.extract(s, located.target(), located.grammar());
  }

  /** A target placed in a parsed sentence: its tokens, its grammar, and the quotes it speaks masked out. */
  private record Located(int[] span, MentionGrammar grammar, TargetFeatures.Target target) {}

  /** One place that sets a target up, so that training sees exactly the features that prediction sees. */
  private static Located locate(ParsedSentence s, TargetSpan target, List<Quotation> quotes) {
    int[] span = tokenSpan(s, target.begin(), target.end());
    MentionGrammar grammar = MentionGrammar.of(s, span[0], span[1]);
    boolean[] masked = new boolean[s.size()];
    boolean speaker = maskQuotesSpokenBy(s, target, grammar, quotes, masked);
    return new Located(span, grammar,
        new TargetFeatures.Target(span[0], span[1], masked, quoteAround(quotes, target) != null, speaker));
  }

  // ------------------------------------------------------------------ rules

  /**
   * Casing the models cannot read: {@code all_caps} when at least three words are cased and 80% of them are
   * all capitals; {@code headline_case} when at least three words are capitalised and no word other than
   * a short function word starts in lower case. Null for ordinary text.
   */
  static String casing(List<CoreLabel> tokens) {
    int cased = 0;
    int capitals = 0;
    int capitalised = 0;
    boolean lowerContentWord = false;
    for (CoreLabel token : tokens) {
      String word = token.word();
      int letters = 0;
      int upper = 0;
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        if (Character.isLetter(c)) {
          letters++;
          if (Character.isUpperCase(c)) {
            upper++;
          }
        }
      }
      if (letters == 0) {
        continue;
      }
      char initial = firstLetter(word);
      if (letters >= 2) {
        cased++;
        if (upper == letters) {
          capitals++;
        }
      }
      if (Character.isUpperCase(initial)) {
        capitalised++;
      } else if (Character.isLowerCase(initial) && !HEADLINE_LOWER.contains(word.toLowerCase(Locale.ROOT))
          && !word.startsWith("'") && !word.startsWith("’")) {
        lowerContentWord = true;
      }
    }
    if (cased >= 3 && capitals >= 0.8 * cased) {
      return SentimentStatus.ALL_CAPS;
    }
    if (capitalised >= 3 && !lowerContentWord) {
      return SentimentStatus.HEADLINE_CASE;
    }
    return null;
  }

  private static char firstLetter(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetter(word.charAt(i))) {
        return word.charAt(i);
      }
    }
    return ' ';
  }

  private static boolean hasVerb(ParsedSentence s) {
    for (int i = 0; i < s.size(); i++) {
      if (s.tag(i).startsWith("VB") || s.tag(i).equals("MD")) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when some word outside the target and the masked quotes bears sentiment: a content word
   * (adjective, common noun, verb, adverb, interjection) that CoreNLP's sentiment model scores non-neutral
   * on its own, or that the classifier learned as evaluative ({@link TargetSentimentModel#evaluative}).
   */
  static boolean hasSentimentWords(ParsedSentence s, int first, int last, boolean[] masked, TargetSentimentModel model) {
    for (int i = 0; i < s.size(); i++) {
      if (i >= first && i <= last || masked[i] || !isContentWord(s.tag(i))) {
        continue;
      }
      if (s.wordClass(i) != 2 || model != null && model.evaluative(TargetFeatures.norm(s, i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isContentWord(String tag) {
    return tag.startsWith("JJ") || tag.startsWith("NN") && !tag.startsWith("NNP") || tag.startsWith("VB") || tag.startsWith("RB")
        || tag.equals("UH");
  }

  /**
   * Marks the tokens of every quote in this sentence that the target itself speaks, and says whether there
   * was one. The target speaks a quote it is not inside of when the quote finder attributed the quote to
   * the target's actor or to the target's words, or when the target is the subject of a speech verb.
   */
  static boolean maskQuotesSpokenBy(ParsedSentence s, TargetSpan target, MentionGrammar grammar, List<Quotation> quotes,
      boolean[] masked) {
    boolean speechSubject = grammar.verbToken() >= 0 && grammar.role().equals(MentionGrammar.AGENT)
        && SpeechVerbs.lookup(s.word(grammar.verbToken())) != null;
    int sentenceBegin = s.begin(0);
    int sentenceEnd = s.end(s.size() - 1);
    boolean any = false;
    for (Quotation q : quotes) {
      boolean overlaps = q.begin() < sentenceEnd && q.end() > sentenceBegin;
      boolean inside = q.begin() <= target.begin() && target.end() <= q.end();
      if (!overlaps || inside) {
        continue;
      }
      boolean attributed = target.actorId() != null && target.actorId().equals(q.speakerActorId())
          || sameName(q.speakerSurface(), target.surface()) || sameName(q.speakerName(), target.surface());
      if (attributed || speechSubject) {
        any = true;
        for (int i = 0; i < s.size(); i++) {
          if (s.begin(i) >= q.begin() && s.end(i) <= q.end()) {
            masked[i] = true;
          }
        }
      }
    }
    return any;
  }

  /** "Biden" and "President Biden", or "Joe Biden" and "Biden": one ends with the other at a word boundary. */
  private static boolean sameName(String a, String b) {
    if (a == null || b == null || a.isBlank() || b.isBlank()) {
      return false;
    }
    String x = a.strip();
    String y = b.strip();
    if (!Character.isUpperCase(x.charAt(0)) || !Character.isUpperCase(y.charAt(0))) {
      return false; // pronouns and nominals say nothing about which name they stand for
    }
    return x.equals(y) || x.endsWith(" " + y) || y.endsWith(" " + x);
  }

  /** The direct quotation the target is inside, or null. */
  static Quotation quoteAround(List<Quotation> quotes, TargetSpan target) {
    for (Quotation q : quotes) {
      if (Quotation.DIRECT.equals(q.kind()) && q.begin() < target.begin() && target.end() <= q.end()) {
        return q;
      }
    }
    return null;
  }

  private static boolean[] excluded(ParsedSentence s, int[] span, boolean[] masked) {
    boolean[] out = masked.clone();
    for (int i = span[0]; i <= span[1]; i++) {
      out[i] = true;
    }
    return out;
  }

  /** 0-based first and last token of the sentence that overlap [begin, end); the nearest token if none. */
  static int[] tokenSpan(ParsedSentence s, int begin, int end) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < s.size(); i++) {
      if (s.end(i) > begin && s.begin(i) < end) {
        if (first < 0) {
          first = i;
        }
        last = i;
      }
    }
    if (first < 0) {
      int nearest = 0;
      for (int i = 0; i < s.size(); i++) {
        if (s.begin(i) <= begin) {
          nearest = i;
        }
      }
      return new int[] {nearest, nearest};
    }
    return new int[] {first, last};
  }
}
