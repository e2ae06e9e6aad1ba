package org.biasaudit.nlp;

import edu.stanford.nlp.coref.CorefCoreAnnotations;
import edu.stanford.nlp.coref.data.CorefChain;
import edu.stanford.nlp.coref.data.Dictionaries;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.biasaudit.actors.Actor;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.actors.Reference;

/**
 * The {@code full} coreference tier: CoreNLP's statistical coreference over a whole text, each chain mapped
 * to an actor through a registry reference inside it. It guards against the errors CoreNLP makes on news:
 * <ul>
 *   <li>A chain anchored on two actors (a father and son sharing a surname merged into one chain) is
 *       dropped: none of its pronouns or nominals can be trusted.
 *   <li>A name counts as an anchor only when it is the head of the chain's mention: in "the Tom Cruise
 *       video" the head is "video", so a chain about the video is not mapped to the person.
 *   <li>Only third-person singular pronouns that agree with the registry's gender (or "its" for an
 *       organisation) are kept: "we", "they", "I" chained to a leader are not mentions of the leader.
 *   <li>A nominal is kept only when it is definite and singular, names no one (lower-case head), and, for a
 *       person, is not known to be inanimate.
 * </ul>
 * The coreference pipeline keeps no per-document state between calls, but its feature extraction is not
 * safe for concurrent use, so calls are serialised on the shared pipeline.
 */
final class CorefLinker {
  private static final Set<String> MALE = Set.of("he", "him", "his", "himself");
  private static final Set<String> FEMALE = Set.of("she", "her", "hers", "herself");
  private static final Set<String> THING = Set.of("its", "itself", "it");

  /**
   * One mention CoreNLP linked to an actor; {@code chain} is CoreNLP's chain id within the text. A registry
   * reference that anchors a chain comes back too, with {@code type} {@link #ANCHOR}, so that it can join
   * the chain.
   */
  record Linked(int begin, int end, String surface, String actorId, String type, int chain) {}

  static final String ANCHOR = "ANCHOR";

  private final StanfordCoreNLP pipeline;
  private final ActorRegistry registry;

  CorefLinker(StanfordCoreNLP pipeline, ActorRegistry registry) {
    this.pipeline = pipeline;
    this.registry = registry;
  }

  /** Pronouns and nominals of {@code text} that CoreNLP chains to a registry reference in {@code references}. */
  List<Linked> link(String text, List<Reference> references) {
    Annotation document = new Annotation(text);
    synchronized (pipeline) {
      pipeline.annotate(document);
    }
    Map<Integer, CorefChain> chains = document.get(CorefCoreAnnotations.CorefChainAnnotation.class);
    List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
    List<Linked> out = new ArrayList<>();
    if (chains == null) {
      return out;
    }
    for (CorefChain chain : chains.values()) {
      List<CorefChain.CorefMention> mentions = chain.getMentionsInTextualOrder();
      Set<String> anchors = new HashSet<>();
      List<Reference> anchoring = new ArrayList<>();
      for (CorefChain.CorefMention m : mentions) {
        CoreLabel head = token(sentences, m.sentNum, m.headIndex);
        for (Reference r : references) {
          if (head.beginPosition() >= r.begin() && head.endPosition() <= r.end()) {
            anchors.add(r.actorId());
            anchoring.add(r);
          }
        }
      }
      if (anchors.size() != 1) {
        continue;
      }
      Actor actor = registry.byId(anchors.iterator().next());
      for (Reference r : anchoring) {
        out.add(new Linked(r.begin(), r.end(), r.surface(), r.actorId(), ANCHOR, chain.getChainID()));
      }
      for (CorefChain.CorefMention m : mentions) {
        int begin = token(sentences, m.sentNum, m.startIndex).beginPosition();
        int end = token(sentences, m.sentNum, m.endIndex - 1).endPosition();
        if (overlapsAny(references, begin, end)) {
          continue;
        }
        String surface = text.substring(begin, end);
        if (m.mentionType == Dictionaries.MentionType.PRONOMINAL && pronounAgrees(actor, surface)) {
          out.add(new Linked(begin, end, surface, actor.id(), Reference.PRONOUN, chain.getChainID()));
        } else if (m.mentionType == Dictionaries.MentionType.NOMINAL && nominalAgrees(actor, m, surface, sentences)) {
          out.add(new Linked(begin, end, surface, actor.id(), Reference.NOMINAL, chain.getChainID()));
        }
      }
    }
    return out;
  }

  private static boolean pronounAgrees(Actor actor, String surface) {
    String word = surface.toLowerCase(Locale.ROOT);
    if (!actor.isPerson()) {
      return THING.contains(word);
    }
    return "male".equals(actor.gender()) ? MALE.contains(word) : "female".equals(actor.gender()) && FEMALE.contains(word);
  }

  private static boolean nominalAgrees(Actor actor, CorefChain.CorefMention m, String surface, List<CoreMap> sentences) {
    String head = token(sentences, m.sentNum, m.headIndex).word();
    boolean definite = surface.startsWith("the ") || surface.startsWith("The ");
    boolean animate = !actor.isPerson() || m.animacy != Dictionaries.Animacy.INANIMATE;
    return definite && m.number != Dictionaries.Number.PLURAL && Character.isLowerCase(head.charAt(0)) && animate
        && m.endIndex - m.startIndex <= 6;
  }

  private static boolean overlapsAny(List<Reference> references, int begin, int end) {
    for (Reference r : references) {
      if (r.begin() < end && begin < r.end()) {
        return true;
      }
    }
    return false;
  }

  /** CoreNLP's coreference indices are 1-based, sentences and tokens alike. */
  private static CoreLabel token(List<CoreMap> sentences, int sentNum, int index) {
    return sentences.get(sentNum - 1).get(CoreAnnotations.TokensAnnotation.class).get(index - 1);
  }
}
