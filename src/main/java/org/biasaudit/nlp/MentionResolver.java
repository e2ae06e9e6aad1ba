package org.biasaudit.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.util.CoreMap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.actors.AliasMatch;
import org.biasaudit.actors.AliasMatcher;
import org.biasaudit.actors.ArticleReferences;
import org.biasaudit.actors.Reference;
import org.biasaudit.config.AuditConfig;

/**
 * Finds every reference to a tracked actor in an article, at the coreference tier of {@code nlp.coref}:
 * <ul>
 *   <li>{@code none}: names only (aliases, bare surnames resolved by the article's context, metonyms).
 *   <li>{@code fast}: names, plus the registry's titles resolved by publication date ("the Russian
 *       president"), plus pronouns resolved by {@link PronounRules}. Costs a token scan per article.
 *   <li>{@code full}: names and titles as in {@code fast}, plus pronouns and nominals from CoreNLP's
 *       statistical coreference ({@link CorefLinker}), run only on texts that name an actor; it needs POS,
 *       NER and a parse of every sentence of those texts.
 * </ul>
 * Mentions are grouped in chains: under {@code none} and {@code fast} one chain per actor and article;
 * under {@code full} one per CoreNLP chain mapped to an actor (its names included), plus one per actor for
 * the names and titles no such chain contains.
 */
public final class MentionResolver {
  /** Resolution of a pronoun resolved by {@link PronounRules}. */
  public static final String PRONOUN_RULE = "pronoun_rule";
  /** Resolution of a pronoun or nominal linked by CoreNLP's coreference. */
  public static final String COREF = "coref";

  private final AliasMatcher matcher;
  private final ActorRegistry registry;
  private final AuditConfig.Nlp settings;
  private final PronounRules pronouns;

  public MentionResolver(AliasMatcher matcher, AuditConfig.Nlp settings) {
    this.matcher = matcher;
    this.registry = matcher.registry();
    this.settings = settings;
    this.pronouns = new PronounRules(registry);
  }

  /** Resolves names and titles across the whole article; call {@link ArticleMentions#resolve} per field next. */
  public ArticleMentions start(String title, String text, LocalDate published) {
    return new ArticleMentions(ArticleReferences.resolve(matcher, title, text, published));
  }

  /** The mentions of one article, field by field; it numbers chains across the fields it is given. */
  public final class ArticleMentions {
    private final ArticleReferences references;
    private final Map<String, Integer> chains = new HashMap<>();

    private ArticleMentions(ArticleReferences references) {
      this.references = references;
    }

    /** The name mentions of a field, for quote attribution. */
    public List<AliasMatch> names(String field) {
      return references.names(field);
    }

    /** The titles of a field that name one tracked holder, for quote attribution. */
    public List<AliasMatch> titles(String field) {
      return references.titles(field);
    }

    /**
     * Every mention in one field. {@code document} holds the field's tokens and sentences (the splitter's
     * output); it is read, never changed.
     */
    public List<ResolvedMention> resolve(String field, String text, Annotation document) {
      List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
      List<Reference> found = new ArrayList<>();
      for (Reference r : references.references(field)) {
        if (!"none".equals(settings.coref()) || Reference.NAME.equals(r.type())) {
          found.add(r);
        }
      }
      List<Draft> drafts = new ArrayList<>();
      for (Reference r : found) {
        drafts.add(new Draft(r.actorId(), r.surface(), r.begin(), r.end(), r.type(), r.resolution(), r.actorId()));
      }
      if ("fast".equals(settings.coref()) && !found.isEmpty()) {
        for (PronounRules.Resolved p : pronouns.resolve(text, sentences, found, references.others(field))) {
          drafts.add(new Draft(p.actorId(), p.surface(), p.begin(), p.end(), Reference.PRONOUN, PRONOUN_RULE, p.actorId()));
        }
      } else if ("full".equals(settings.coref()) && "text".equals(field)
          && found.stream().anyMatch(r -> Reference.NAME.equals(r.type()))) {
        CorefLinker linker = new CorefLinker(NlpEngines.coref(settings), registry);
        for (CorefLinker.Linked l : linker.link(text, found)) {
          String chainKey = l.actorId() + "#" + field + l.chain();
          if (CorefLinker.ANCHOR.equals(l.type())) {
            drafts.replaceAll(d -> d.begin() == l.begin() && d.chainKey().equals(l.actorId())
                ? new Draft(d.actorId(), d.surface(), d.begin(), d.end(), d.type(), d.resolution(), chainKey) : d);
          } else {
            drafts.add(new Draft(l.actorId(), l.surface(), l.begin(), l.end(), l.type(), COREF, chainKey));
          }
        }
      }
      drafts.sort(Comparator.comparingInt(Draft::begin));
      List<ResolvedMention> out = new ArrayList<>();
      for (Draft d : drafts) {
        int chain = chains.computeIfAbsent(d.chainKey(), k -> chains.size() + 1);
        out.add(new ResolvedMention(d.actorId(), d.surface(), d.begin(), d.end(), sentenceOf(sentences, d.begin()),
            d.type(), chain, d.resolution()));
      }
      return out;
    }
  }

  private record Draft(String actorId, String surface, int begin, int end, String type, String resolution, String chainKey) {}

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
}
