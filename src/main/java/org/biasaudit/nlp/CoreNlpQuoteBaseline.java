package org.biasaudit.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.QuoteAttributionAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.biasaudit.actors.Actor;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.actors.AliasMatch;
import org.biasaudit.actors.AliasMatcher;

/**
 * CoreNLP's own quotation finder and speaker attribution ({@code QuoteAnnotator} with
 * {@code QuoteAttributionAnnotator}), kept only to measure it against the project's {@link QuoteFinder}
 * ({@code jobs/eval-quotes --engine corenlp}); the audit does not use it (see {@code docs/quotes.md} for
 * the figures). It needs NER, a constituency parse and coreference, so it is slow and large.
 *
 * <p>Not thread-safe: the attribution annotator keeps per-document state in instance fields, so an
 * instance (and its pipeline) must serve one thread.
 */
public final class CoreNlpQuoteBaseline {
  /** The quotations of one text and how many tokens CoreNLP read. */
  public record Result(List<Quotation> quotes, int tokens) {}

  private final ActorRegistry registry;
  private final AliasMatcher matcher;
  private final StanfordCoreNLP pipeline;
  private final double loadSeconds;

  public CoreNlpQuoteBaseline(ActorRegistry registry, AliasMatcher matcher) {
    this.registry = registry;
    this.matcher = matcher;
    long start = System.nanoTime();
    // A fresh pipeline, never one from CoreNLP's shared pool: the attribution annotator has document state.
    StanfordCoreNLP.clearAnnotatorPool();
    this.pipeline = new StanfordCoreNLP(properties());
    this.loadSeconds = (System.nanoTime() - start) / 1e9;
  }

  static Properties properties() {
    Properties props = new Properties();
    props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,parse,coref,quote");
    props.setProperty("ssplit.newlineIsSentenceBreak", "two");
    props.setProperty("parse.model", CoreNlpProperties.SR_MODEL);
    props.setProperty("parse.maxlen", "80");
    props.setProperty("ner.applyFineGrained", "false");
    // The dependency-based coreference mention detector does not load in 4.5.10; the rule-based one does.
    props.setProperty("coref.algorithm", "statistical");
    props.setProperty("coref.md.type", "rule");
    props.setProperty("quote.attributeQuotes", "true");
    return props;
  }

  public double loadSeconds() {
    return loadSeconds;
  }

  public Result find(String text) {
    Annotation document = new Annotation(text);
    pipeline.annotate(document);
    List<Quotation> out = new ArrayList<>();
    List<CoreMap> quotes = document.get(CoreAnnotations.QuotationsAnnotation.class);
    for (CoreMap quote : quotes == null ? List.<CoreMap>of() : quotes) {
      int begin = quote.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      int end = quote.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
      String speaker = quote.get(QuoteAttributionAnnotator.SpeakerAnnotation.class);
      String method = "named";
      if (speaker == null || speaker.isBlank()) {
        speaker = quote.get(QuoteAttributionAnnotator.CanonicalMentionAnnotation.class);
        method = "nominal";
      }
      String actorId = null;
      String name = speaker;
      if (speaker != null) {
        List<AliasMatch> matches = matcher.find(speaker);
        if (!matches.isEmpty()) {
          Actor actor = registry.byId(matches.get(0).actorId());
          actorId = actor.id();
          name = actor.name();
        }
      }
      Set<String> inside = new LinkedHashSet<>();
      for (AliasMatch m : matcher.find(text.substring(begin, end))) {
        inside.add(m.actorId());
      }
      out.add(new Quotation(Quotation.DIRECT, begin, end, quote.get(CoreAnnotations.TextAnnotation.class), speaker, name,
          actorId, speaker == null ? "none" : method, null, null, List.copyOf(inside), Map.of()));
    }
    int tokens = document.get(CoreAnnotations.TokensAnnotation.class).size();
    return new Result(out, tokens);
  }
}
