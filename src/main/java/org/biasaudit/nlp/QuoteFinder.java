package org.biasaudit.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.actors.AliasMatch;
import org.biasaudit.nlp.ArticleDiscourse.Entity;
import org.biasaudit.nlp.ArticleDiscourse.EntityKind;
import org.biasaudit.nlp.ArticleDiscourse.Np;
import org.biasaudit.nlp.ArticleDiscourse.NpKind;
import org.biasaudit.nlp.ArticleDiscourse.Sentence;
import org.biasaudit.nlp.ArticleDiscourse.Token;

/**
 * Finds quotations and who said them, with rules written for news copy. Stateless and thread-safe: each
 * call builds its own {@link ArticleDiscourse}.
 *
 * <p>Direct quotations come from {@link QuoteSpans}. A quotation's speaker is, in this order: the
 * attribution right after it ({@code "...," Biden said}, {@code "...," said Trump}, {@code "...," the
 * senator told reporters}); else the subject of the speech verb before it in the same sentence
 * ({@code Zelensky told parliament: "..."}, {@code Macron called the deal "historic"}, the second half of
 * {@code "...," Harris said, "..."}); else the speaker of the previous quotation of the paragraph
 * ({@code continued}) or, for a paragraph that opens with a quotation, of the previous paragraph
 * ({@code carried_over}). Pronouns resolve to the latest sentence subject the pronoun fits ("he", "she",
 * from the registry's {@code pronoun} field, honorifics, gendered roles, and "X said she ..."); a definite
 * description ("the chancellor", "the Ukrainian leader") to the latest subject whose title or role fits;
 * an indefinite one ("one senior official") is an anonymous source, with no speaker.
 *
 * <p>Reported speech of a tracked actor ("Putin said the West ...", "according to Erdogan, ...") gives
 * {@code indirect} rows whose span is the reported clause.
 */
public final class QuoteFinder {
  static final int MAX_QUOTE_CHARS = QuoteSpans.MAX_QUOTE_CHARS;
  /** How many recent sentence subjects a pronoun or description may reach back to. */
  private static final int SUBJECT_REACH = 12;
  /** How far (in tokens) attribution looks back from a quotation, or a clause runs: bounds cost on runaway sentences. */
  private static final int TOKEN_REACH = 80;
  /** A reported clause longer than this many tokens is not a row. */
  static final int MAX_CLAUSE_TOKENS = 150;
  /** How many named entities a description or pronoun may look back over. */
  private static final int NAMED_REACH = 200;

  private static final Set<String> ADVERBS = Set.of("also", "later", "then", "only", "again", "once", "repeatedly",
      "publicly", "privately", "quickly", "immediately", "has", "had", "have", "would", "will", "did", "does", "not", "never",
      "long", "still", "just", "first", "afterward", "afterwards", "reportedly", "previously", "earlier", "recently",
      "often", "frequently", "angrily", "flatly", "bluntly", "simply", "himself", "herself", "itself");
  private static final Set<String> INTRO_LEADS = Set.of("asked", "speaking", "in", "at", "on", "after", "before", "when",
      "as", "while", "later", "earlier", "nearby", "minutes", "hours", "outside", "inside", "afterward", "afterwards",
      "meanwhile", "for", "with", "without", "despite", "under", "unlike", "like", "back", "since", "during", "over", "if",
      "although", "though", "even", "once", "elsewhere", "across", "among", "from", "by", "until", "upon", "following",
      "responding", "addressing", "writing", "standing", "campaigning", "visiting", "shortly", "moments",
      "days", "weeks", "yesterday", "today", "then", "still", "instead", "separately", "overall", "already", "where",
      "which", "who", "whose", "according");
  private static final Set<String> SENTENCE_ADVERBS = Set.of("but", "and", "yet", "still", "so", "then", "also", "now");
  /** Documents that speak for whoever issued them: "according to a statement from X". */
  private static final Set<String> DOCUMENTS = Set.of("statement", "statements", "readout", "transcript", "release",
      "communique", "communiqué", "post", "letter", "message", "memo", "report", "announcement", "video", "filing");
  /** Participles between a document and its issuer: "a statement issued by X". */
  private static final Set<String> ISSUED = Set.of("issued", "released", "posted", "published", "sent", "signed", "shared");
  /** How far after "according to" a document noun is looked for ("a brief written statement"). */
  private static final int DOCUMENT_REACH = 5;
  private static final Set<String> REPLY_VERBS = Set.of("reply", "respond", "answer", "shoot back", "hit back",
      "fire back", "snap");
  /** Words that cannot start a reported clause right after its verb ("said in a statement", "said little"). */
  private static final Set<String> NOT_CLAUSE_STARTS = Set.of("in", "at", "on", "to", "for", "with", "from", "by", "about",
      "after", "before", "during", "of", "into", "over", "through", "since", "until", "afterward", "afterwards", "later",
      "little", "nothing", "so", "too", "again", "also", "only", "publicly", "privately", "goodbye", "hello", "yes", "no",
      "when", "while", "once", "as", "where", "because", "if", "although", "though", "without", "within", "what", "how",
      "why", "whether", "thank", "thanks", "sorry", "repeatedly", "earlier", "recently", "instead", "simply", "more",
      "less", "much", "very", "quietly", "loudly", "angrily", "and", "or", "but", "nor");
  /** Words that start a reported clause when they follow the listener of "told" ("told reporters the plan ..."). */
  private static final Set<String> LISTENER_ENDS = Set.of("he", "she", "it", "they", "we", "i", "there", "the", "his",
      "her", "its", "their", "this", "these", "those", "that", "any", "no", "if", "whether");
  private static final Set<String> OFFICES = Set.of("president", "chancellor", "minister", "governor", "senator",
      "representative", "speaker", "secretary", "mayor", "ambassador", "judge", "general", "premier", "king", "queen",
      "spokesman", "spokeswoman", "spokesperson", "congressman", "congresswoman", "prince", "emir", "pope");
  /** Verb forms that are also common nouns ("a state visit", "on Russian terms", "a false claim"). */
  private static final Set<String> NOUN_LIKE = Set.of("state", "states", "post", "posts", "report", "reports", "note",
      "notes", "comment", "comments", "claim", "claims", "call", "calls", "answer", "answers", "promise", "promises",
      "pledge", "pledges", "tweet", "tweets", "appeal", "appeals", "demand", "demands", "reply", "replies", "remark",
      "remarks", "term", "terms", "label", "labels", "brand", "brands", "quip", "quips", "joke", "jokes", "vow", "vows",
      "praise", "blast", "blasts", "slam", "slams", "snap", "shout", "shouts", "sigh", "sighs", "boast", "boasts",
      "hail", "repeat", "mention", "mentions", "stress", "stresses", "thank", "thanks", "plead", "warning", "warnings",
      "statement", "dub", "lament", "laments", "complaint", "denial", "admission", "fume", "fumes",
      "mock", "forecast", "forecasts", "threat", "urge", "urges", "scoff", "scoffs");
  /** After a name, a noun-like verb form is a verb only when a complement follows ("Trump claims that ..."). */
  private static final Set<String> COMPLEMENT_STARTS = Set.of("that", "the", "a", "an", "he", "she", "it", "they", "we",
      "his", "her", "their", "its", "this");
  private static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she", "it", "they", "we", "i", "who", "you");
  private static final Set<String> ADVERBS_ASIDE = Set.of("however", "though", "moreover", "again", "also", "too",
      "meanwhile", "nonetheless", "nevertheless", "repeatedly", "later", "privately", "publicly", "earlier");
  private static final Set<String> RELATIVE_PRONOUNS = Set.of("who", "which", "whom");
  /** Irregular past forms that continue a sentence's subject after ", but": "but gave no timeline". */
  private static final Set<String> PAST_FORMS = Set.of("gave", "made", "took", "did", "said", "told", "went", "left",
      "kept", "held", "sent", "spoke", "met", "came", "brought", "stopped", "offered", "declined", "refused",
      "put", "set", "let", "struck", "shied", "fell", "stood");
  private static final Set<String> MODALS = Set.of("would", "will", "could", "can", "should", "might", "may", "must");
  /** Words that show a clause has a finite verb (reported clauses are usually back-shifted). */
  private static final Set<String> FINITE_CUES = Set.of("is", "was", "were", "are", "am", "be", "been", "had", "has", "have",
      "would", "will", "could", "should", "can", "may", "might", "must", "did", "does", "do", "shall", "sent", "made", "took",
      "gave", "came", "went", "saw", "knew", "thought", "told", "said", "got", "held", "left", "felt", "kept", "brought",
      "built", "paid", "won", "lost", "began", "ran", "stood", "met", "led", "fought", "wrote", "spoke", "broke", "chose",
      "drove", "fell", "found", "grew", "heard", "hit", "hurt", "let", "meant", "put", "read", "rose", "set", "shot",
      "sold", "spent", "struck", "threw", "understood", "wore", "owed", "needs", "wants", "depends", "belongs", "means",
      "remains", "lies", "lay");
  /** After a comma, these words end a reported clause: ", as ...", ", according to ...", ", adding ...". */
  private static final Set<String> CLAUSE_ENDS = Set.of("as", "according", "adding", "saying", "ending", "without",
      "calling", "drawing", "leaning", "holding", "a", "an", "noting", "citing", "arguing", "insisting", "warning",
      "telling", "describing", "praising", "in");

  private final ActorRegistry registry;

  public QuoteFinder(ActorRegistry registry) {
    this.registry = registry;
  }

  /** Direct quotations, then reported speech, in text order within each kind. */
  public List<Quotation> find(String text, List<AliasMatch> mentions) {
    return find(text, mentions, List.of());
  }

  /**
   * As {@link #find(String, List)}, with the registry titles that name one tracked holder on the publication
   * date ({@code ArticleReferences.titles}): a speaker described by one of them ("the Kremlin leader") is
   * that holder.
   */
  public List<Quotation> find(String text, List<AliasMatch> mentions, List<AliasMatch> titles) {
    List<QuoteSpans.Span> spans = QuoteSpans.find(text);
    ArticleDiscourse discourse = new ArticleDiscourse(text, spans, mentions, titles, registry);
    return new Run(discourse, mentions).quotations();
  }

  /** Index of the first value {@code >= key} in a sorted array. */
  static int firstAtOrAfter(int[] sorted, int key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A resolved speaker, how the text named it, how it was found, and the verb. */
  record Attribution(Entity speaker, String surface, String method, SpeechVerbs.Verb verb) {
    static final Attribution NONE = new Attribution(null, null, "none", null);
  }

  private record Subject(int sentence, int paragraph, Entity entity) {}

  private record VerbHit(SpeechVerbs.Verb verb, int from, int to) {}

  /** The attribution of one article, sentence by sentence. */
  private final class Run {
    private final ArticleDiscourse d;
    private final List<AliasMatch> mentions;
    private final Attribution[] byQuote;
    private final List<Subject> subjects = new ArrayList<>();
    private final List<List<Entity>> namedBySentence = new ArrayList<>();
    private final Map<Integer, Attribution> lastSpeechInParagraph = new HashMap<>();
    private final Map<Integer, Attribution> resolved = new HashMap<>();
    private final List<Quotation> indirect = new ArrayList<>();
    /** Verbs that attribute a quotation right after it ("...," Biden told leaders in ...): never a reported clause. */
    private final Set<Integer> attributingVerbs = new HashSet<>();
    private int currentSentenceFrom;

    private final int[] mentionBegins;

    Run(ArticleDiscourse d, List<AliasMatch> mentions) {
      this.d = d;
      this.mentions = mentions.stream().sorted(Comparator.comparingInt(AliasMatch::begin)).toList();
      this.mentionBegins = this.mentions.stream().mapToInt(AliasMatch::begin).toArray();
      this.byQuote = new Attribution[d.quotes.size()];
    }

    List<Quotation> quotations() {
      for (Sentence s : d.sentences) {
        currentSentenceFrom = s.from();
        collectNames(s);
        genderEvidence(s);
        for (int k = s.from(); k < s.to(); k++) {
          Token t = d.tokens.get(k);
          if (t.kind() == ArticleDiscourse.QUOTE && !d.quotes.get(t.quote()).title()) {
            Attribution a = attribute(k, s);
            byQuote[t.quote()] = a;
            if (a.speaker() != null || !a.method().equals("none")) {
              lastSpeechInParagraph.put(s.paragraph(), a);
            }
          }
        }
        reportedSpeech(s);
        Entity subject = sentenceSubject(s);
        if (subject != null) {
          subjects.add(new Subject(s.index(), s.paragraph(), subject));
        }
      }
      List<Quotation> out = new ArrayList<>();
      for (int q = 0; q < d.quotes.size(); q++) {
        QuoteSpans.Span span = d.quotes.get(q);
        if (span.title()) {
          continue;
        }
        Attribution a = byQuote[q] == null ? Attribution.NONE : byQuote[q];
        String inner = d.text.substring(QuoteSpans.innerBegin(d.text, span), QuoteSpans.innerEnd(d.text, span)).strip();
        out.add(quotation("direct", span.begin(), span.end(), inner, a));
      }
      out.addAll(indirect);
      return out;
    }

    private Quotation quotation(String kind, int begin, int end, String text, Attribution a) {
      Entity e = a.speaker();
      String name = e == null || e.kind == EntityKind.ANONYMOUS ? null
          : e.actorId != null ? registry.byId(e.actorId).name() : e.name;
      return new Quotation(kind, begin, end, text, a.surface(), name, e == null ? null : e.actorId, a.method(),
          a.verb() == null ? null : a.verb().lemma(), a.verb() == null ? null : a.verb().framing(), actorsInside(begin, end),
          Map.of());
    }

    private List<String> actorsInside(int begin, int end) {
      Set<String> ids = new LinkedHashSet<>();
      for (int i = firstAtOrAfter(mentionBegins, begin); i < mentions.size() && mentions.get(i).begin() < end; i++) {
        AliasMatch m = mentions.get(i);
        if (m.end() <= end) {
          ids.add(m.actorId());
        }
      }
      return List.copyOf(ids);
    }

    // ------------------------------------------------------------ direct quotations

    private Attribution attribute(int qi, Sentence s) {
      int quote = d.tokens.get(qi).quote();
      char last = d.lastInnerChar(quote);
      Token next = d.token(qi + 1);
      boolean open = ",?!—–-…:;".indexOf(last) >= 0
          || (next != null && next.is(',') && next.paragraph() == d.tokens.get(qi).paragraph());
      if (open && qi + 1 < s.to()) {
        Attribution after = after(qi + 1, s.to());
        if (after != null) {
          return after;
        }
      }
      // The subject of the speech verb before the quotation, in the same sentence.
      for (int k = qi - 1; k >= Math.max(s.from(), qi - TOKEN_REACH); k--) {
        VerbHit v = verbAt(k);
        if (v != null) {
          Attribution a = speakerOfVerb(v, s, qi);
          if (a != null) {
            return a;
          }
        }
      }
      // "... ''nuclear counterattack'' on South Korea, state media reported": a verb after, its subject between.
      for (int k = qi + 1; k < s.to() && k - qi < 15; k++) {
        if (d.tokens.get(k).kind() == ArticleDiscourse.QUOTE) {
          break;
        }
        VerbHit v = verbAt(k);
        if (v != null && v.verb().reports()) {
          for (int m = qi + 1; m < k; m++) {
            Np np = d.np(m, k);
            if (np != null && np.to() == k) {
              return resolve(np, v.verb());
            }
          }
          if (k > qi + 1 && d.tokens.get(k - 1).word() && !d.tokens.get(k - 1).upper()) {
            return new Attribution(null, d.span(k - 2 > qi ? k - 2 : k - 1, k), "anonymous", v.verb()); // "state media"
          }
          break;
        }
      }
      Attribution headline = nameColon(qi, s);
      if (headline != null) {
        return headline;
      }
      Attribution previous = lastSpeechInParagraph.get(s.paragraph());
      if (previous != null) {
        return new Attribution(previous.speaker(), previous.surface(), "continued", previous.verb());
      }
      if (qi == firstOfParagraph(qi)) {
        Attribution introduced = introducedByColon(qi);
        if (introduced != null) {
          return introduced;
        }
        Attribution before = lastSpeechInParagraph.get(s.paragraph() - 1);
        if (before != null) {
          return new Attribution(before.speaker(), before.surface(), "carried_over", before.verb());
        }
      }
      return Attribution.NONE;
    }

    /**
     * "Zelensky: “We need more air defense”": a tracked actor's name and a colon, nothing else, before the
     * quotation, as headlines (and text that opens with its headline) attribute. Only tracked names: "Update:"
     * or "Breaking News:" are capitalised words, not speakers.
     */
    private Attribution nameColon(int qi, Sentence s) {
      Token colon = d.token(qi - 1);
      if (colon == null || !colon.is(':') || qi - 1 <= s.from() || colon.paragraph() != d.tokens.get(qi).paragraph()) {
        return null;
      }
      Np np = d.np(s.from(), qi - 1);
      return np != null && np.to() == qi - 1 && np.kind() == NpKind.NAME && np.entity() != null && np.entity().actorId != null
          ? resolve(np, null) : null;
    }

    /**
     * A quotation that opens its paragraph after one ending in a colon: the speaker of that colon's speech
     * verb ("Biden said in a speech at the Pentagon:" / "“We will not walk away ...”").
     */
    private Attribution introducedByColon(int qi) {
      Token colon = d.token(qi - 1);
      if (colon == null || !colon.is(':') || colon.paragraph() == d.tokens.get(qi).paragraph()) {
        return null;
      }
      Sentence before = d.sentenceOf(qi - 1);
      for (int k = qi - 2; k >= Math.max(before.from(), qi - TOKEN_REACH); k--) {
        if (d.tokens.get(k).kind() == ArticleDiscourse.QUOTE) {
          return null;
        }
        VerbHit v = verbAt(k);
        if (v != null) {
          return speakerOfVerb(v, before, qi - 1);
        }
      }
      return null;
    }

    private int firstOfParagraph(int k) {
      return d.firstTokenOfParagraph(d.tokens.get(k).paragraph());
    }

    /** {@code , Biden said} / {@code , said Trump} / {@code , the senator told reporters} right after a quotation. */
    private Attribution after(int k, int limit) {
      if (d.tokens.get(k).is(',') || d.tokens.get(k).is('—')) {
        k++;
      }
      if (k >= limit) {
        return null;
      }
      VerbHit v = verbAt(k);
      if (v != null) {
        Np np = v.verb().lemma().equals("according to") ? accordingToSource(v.to(), limit) : d.np(v.to(), limit);
        if (np != null) {
          attributingVerbs.add(v.from());
          return resolve(withAppositive(np, limit), v.verb());
        }
        return null;
      }
      Np np = d.np(k, limit);
      if (np == null) {
        return null;
      }
      int m = np.to();
      Np named = np;
      if (m < limit && d.tokens.get(m).is(',')) {
        // "Dmitry Peskov, the Kremlin spokesman, said" / "a Congress spokesman, Jairam Ramesh, said"
        int close = m + 1;
        while (close < limit && close - m < 25 && !d.tokens.get(close).is(',') && d.tokens.get(close).kind() != ArticleDiscourse.QUOTE) {
          close++;
        }
        if (close < limit && d.tokens.get(close).is(',') && verbAt(skipAdverbs(close + 1, limit)) != null) {
          named = withAppositive(np, limit);
          if (named == np && np.kind() == NpKind.NAME) {
            d.addRoles(np.entity(), m + 1, close);
          }
          m = close + 1;
        }
      } else if (np.kind() == NpKind.INDEFINITE || np.kind() == NpKind.DEFINITE) {
        // "a European diplomat involved in the talks said"
        int j = m;
        while (j < limit && j - m < 6 && d.tokens.get(j).word() && !d.tokens.get(j).upper() && verbAt(j) == null) {
          j++;
        }
        if (j > m && verbAt(j) != null) {
          m = j;
        }
      }
      m = skipAdverbs(m, limit);
      VerbHit verb = verbAt(m);
      if (verb == null) {
        return null;
      }
      attributingVerbs.add(verb.from());
      return resolve(named, verb.verb());
    }

    /**
     * Who "according to" names: the phrase after it, or, when that is a document ("a statement from
     * Zelensky’s office", "a Kremlin readout released by Peskov"), whoever issued it.
     */
    private Np accordingToSource(int from, int limit) {
      for (int k = from; k < limit && k - from < DOCUMENT_REACH; k++) {
        Token t = d.tokens.get(k);
        if (!t.word()) {
          break;
        }
        if (DOCUMENTS.contains(t.lower())) {
          int by = k + 1;
          if (by < limit && ISSUED.contains(d.lower(by))) {
            by++;
          }
          if (by < limit && (d.lower(by).equals("from") || d.lower(by).equals("by"))) {
            Np issuer = d.np(by + 1, limit);
            if (issuer != null) {
              return issuer;
            }
          }
          break;
        }
      }
      return d.np(from, limit);
    }

    private int skipAdverbs(int k, int limit) {
      while (k < limit && d.tokens.get(k).word() && ADVERBS.contains(d.tokens.get(k).lower())) {
        k++;
      }
      // "he was quoted as saying"
      if (k + 2 < limit && d.lower(k).equals("was") && d.lower(k + 1).equals("quoted") && d.lower(k + 2).equals("as")) {
        k += 3;
      }
      return k;
    }

    /** The speech verb at token {@code k} (a noun use after a determiner is not one), or null. */
    private VerbHit verbAt(int k) {
      Token t = d.token(k);
      if (t == null || !t.word()) {
        return null;
      }
      Token next = d.token(k + 1);
      if (t.upper()) {
        if (t.lower().equals("according") && next != null && next.lower().equals("to")) {
          return new VerbHit(SpeechVerbs.lookupPhrase("according", "to"), k, k + 2);
        }
        return null;
      }
      Token prev = d.token(k - 1);
      if (prev != null && prev.word() && (ArticleDiscourse.DETERMINERS.contains(prev.lower()) || prev.possessive()
          || prev.lower().equals("this") || prev.lower().equals("that"))) {
        return null;
      }
      if (next != null && next.word()) {
        SpeechVerbs.Verb phrase = SpeechVerbs.lookupPhrase(t.text(), next.text());
        if (phrase != null) {
          return new VerbHit(phrase, k, k + 2);
        }
      }
      SpeechVerbs.Verb verb = SpeechVerbs.lookup(t.text());
      if (verb != null && NOUN_LIKE.contains(t.lower())) {
        String before = prev == null || !prev.word() ? "" : prev.lower();
        boolean verbal = SUBJECT_PRONOUNS.contains(before) || ADVERBS.contains(before)
            || (prev != null && prev.upper() && next != null && (next.kind() == ArticleDiscourse.QUOTE || next.is(':')
            || next.word() && COMPLEMENT_STARTS.contains(next.lower())));
        if (!verbal) {
          return null;
        }
      }
      return verb == null ? null : new VerbHit(verb, k, k + 1);
    }


    /** Who speaks through the verb: "according to X" names X; otherwise the verb's subject. */
    private Attribution speakerOfVerb(VerbHit v, Sentence s, int limit) {
      if (v.verb().lemma().equals("according to")) {
        Np np = accordingToSource(v.to(), Math.min(limit, s.to()));
        return np == null ? null : resolve(np, v.verb());
      }
      Np subject;
      Token prev = d.token(v.from() - 1);
      if (d.tokens.get(v.from()).lower().endsWith("ing") && prev != null && prev.is(',')) {
        // ", saying ...", ", calling him ...": the participle's subject is the clause's.
        subject = clauseInitial(s.from(), v.from());
      } else {
        subject = subjectOf(v.from(), clauseStart(v.from(), s), s.from());
      }
      return subject == null ? null : resolve(subject, v.verb());
    }


    /** Where the clause of a verb starts: the sentence start, or after a quotation or a semicolon before it. */
    private int clauseStart(int verb, Sentence s) {
      for (int k = verb - 1; k > Math.max(s.from(), verb - TOKEN_REACH); k--) {
        Token t = d.tokens.get(k);
        if (t.kind() == ArticleDiscourse.QUOTE || t.is(';')) {
          return k + 1;
        }
      }
      return s.from();
    }

    /** The noun phrase just before the verb (parentheticals and relative pronouns stepped over), else the clause's first. */
    private Np subjectOf(int verb, int clauseFrom, int sentenceFrom) {
      int j = verb - 1;
      while (j >= clauseFrom && d.tokens.get(j).word() && ADVERBS.contains(d.tokens.get(j).lower())) {
        j--;
      }
      Np appositive = null;
      for (int step = 0; step < 4 && j >= clauseFrom; step++) {
        Token t = d.tokens.get(j);
        if (t.is(',')) {
          // A parenthetical between subject and verb: ", who ... ," / ", the Kremlin spokesman," / ", Jairam Ramesh,"
          int open = j - 1;
          while (open >= clauseFrom && j - open < 40 && !d.tokens.get(open).is(',')) {
            open--;
          }
          if (open < clauseFrom) {
            break;
          }
          Np inner = d.np(open + 1, j);
          if (inner != null && inner.to() == j && inner.kind() == NpKind.NAME) {
            appositive = inner;
          }
          j = open - 1;
          continue;
        }
        String w = t.word() ? t.lower() : "";
        if (w.equals("who") || w.equals("which") || w.equals("that")) {
          j--;
          if (j >= clauseFrom && d.tokens.get(j).is(',')) {
            j--;
          }
        }
        Np found = null;
        for (int k = Math.max(clauseFrom, j - 9); k <= j && found == null; k++) {
          Np np = d.np(k, j + 1);
          if (np != null && np.to() == j + 1) {
            found = np;
          }
        }
        if (found != null) {
          String before = d.lower(found.from() - 1);
          boolean object = before.equals("of") || before.equals("in") || before.equals("at") || before.equals("from")
              || before.equals("for") || before.equals("to") || before.equals("with");
          if (appositive != null && (found.kind() != NpKind.NAME && found.kind() != NpKind.PRONOUN || object)) {
            if (found.kind() != NpKind.NAME) {
              nameDescribed(appositive.entity(), found);
            }
            return appositive;
          }
          if (!object || found.kind() == NpKind.PRONOUN) {
            return withAppositive(found, verb);
          }
          break;
        }
        // "Senator JD Vance, Trump’s running mate, who had said": step back over an appositive that is no phrase.
        int comma = j;
        while (comma >= clauseFrom && j - comma < 8 && !d.tokens.get(comma).is(',')) {
          comma--;
        }
        if (comma < clauseFrom || !d.tokens.get(comma).is(',') || !d.tokens.get(j + 1).is(',')) {
          break;
        }
        j = comma - 1;
      }
      if (appositive != null) {
        return appositive;
      }
      Np initial = clauseInitial(clauseFrom, verb);
      return initial != null || clauseFrom == sentenceFrom ? initial : clauseInitial(sentenceFrom, verb);
    }


    /** The first noun phrase of a clause, after introductory phrases ("In Washington, ..."). */
    private Np clauseInitial(int from, int to) {
      int k = skipIntro(from, to);
      int limit = Math.min(to, k + 20);
      while (k < limit && (d.tokens.get(k).kind() == ArticleDiscourse.QUOTE || d.tokens.get(k).kind() == ArticleDiscourse.PUNCT)) {
        k++;
      }
      Np np = d.np(k, to);
      return np == null ? null : withAppositive(np, to);
    }

    private int skipIntro(int from, int to) {
      int k = from;
      // A dateline: "MOSCOW (Harbor Wire) —", "SOCHI, Russia —", "WASHINGTON -", "LONDON, March 4 (Reuters) -".
      Token first = d.token(k);
      if (first != null && first.word() && first.text().length() > 1 && first.text().equals(first.text().toUpperCase(Locale.ROOT))
          && Character.isLetter(first.text().charAt(0))) {
        for (int j = k + 1; j < to && j - k < 14; j++) {
          Token t = d.tokens.get(j);
          if (t.is('—') || t.is('–') || t.is('-')) {
            k = j + 1;
            while (k < to && d.tokens.get(k).is('-')) {
              k++;
            }
            break;
          }
          if (t.kind() == ArticleDiscourse.QUOTE
              || (t.word() && !t.upper() && !t.lower().equals("of") && !Character.isDigit(t.text().charAt(0)))) {
            break;
          }
        }
      }
      for (int round = 0; round < 4 && k < to; round++) {
        Token t = d.tokens.get(k);
        if (!t.word()) {
          break;
        }
        String w = t.lower();
        if (SENTENCE_ADVERBS.contains(w) && k + 1 < to && !d.tokens.get(k + 1).is(',')) {
          k++;
          continue;
        }
        boolean intro = INTRO_LEADS.contains(w) || (t.upper() && w.endsWith("ing") && w.length() > 5);
        if (!intro) {
          break;
        }
        int comma = k + 1;
        while (comma < to && comma - k < 25 && !d.tokens.get(comma).is(',') && d.tokens.get(comma).kind() != ArticleDiscourse.QUOTE) {
          comma++;
        }
        if (comma >= to || !d.tokens.get(comma).is(',')) {
          break;
        }
        k = comma + 1;
      }
      return k;
    }


    /**
     * A description followed by the name it describes ("a presidential aide, Vladimir Medinsky", "His
     * sister, Dawn Comperatore Schafer", "Her neighbour Emre Aydın") stands for the name; a name followed
     * by a description ("Greta Lindqvist, a defence analyst at ...") gets the description's role.
     */
    private Np withAppositive(Np np, int limit) {
      int m = np.to();
      if (np.kind() == NpKind.NAME || np.kind() == NpKind.ORG) {
        if (m + 1 < limit && d.tokens.get(m).is(',')) {
          Np desc = d.np(m + 1, limit);
          if (desc != null && (desc.kind() == NpKind.INDEFINITE || desc.kind() == NpKind.DEFINITE)) {
            nameDescribed(np.entity(), desc);
          } else if (d.token(m + 1) != null && d.token(m + 1).word() && Character.isDigit(d.token(m + 1).text().charAt(0))
              && np.entity() != null && np.entity().kind == EntityKind.UNKNOWN) {
            np.entity().kind = EntityKind.PERSON; // "Angela Ruiz, 49, ..."
          }
        }
        return np;
      }
      if (np.kind() == NpKind.INDEFINITE || np.kind() == NpKind.DEFINITE || np.kind() == NpKind.POSSESSIVE_ROLE
          || np.kind() == NpKind.GROUP) {
        int k = m < limit && d.tokens.get(m).is(',') ? m + 1 : m;
        if (k < limit && (d.tokens.get(k).upper() || k == m)) {
          Np name = d.np(k, limit);
          if (name != null && name.kind() == NpKind.NAME && name.entity() != null) {
            nameDescribed(name.entity(), np);
            return new Np(np.from(), name.to(), NpKind.NAME, name.entity(), d.span(np.from(), name.to()), null, Set.of());
          }
        }
        // "a retired engineer who gave only his first name, Sergei, said": the name before the verb.
        if (np.kind() == NpKind.INDEFINITE) {
          for (int j = m; j + 1 < limit && j - m < 15; j++) {
            if (d.tokens.get(j).is(',') && d.tokens.get(j + 1).upper()) {
              Np name = d.np(j + 1, limit);
              if (name != null && name.kind() == NpKind.NAME && name.to() < limit && d.tokens.get(name.to()).is(',')) {
                nameDescribed(name.entity(), np);
                return new Np(np.from(), name.to(), NpKind.NAME, name.entity(), d.span(np.from(), name.to()), null, Set.of());
              }
            }
            if (d.tokens.get(j).kind() == ArticleDiscourse.QUOTE || verbAt(j) != null) {
              break;
            }
          }
        }
      }
      return np;
    }

    private void nameDescribed(Entity e, Np description) {
      if (e == null) {
        return;
      }
      d.addRoles(e, description.from(), description.to());
    }

    // ------------------------------------------------------------ resolution

    private Attribution resolve(Np np, SpeechVerbs.Verb verb) {
      Attribution cached = resolved.get(np.from());
      if (cached != null && cached.surface() != null && cached.surface().equals(np.surface())) {
        return new Attribution(cached.speaker(), cached.surface(), cached.method(), verb);
      }
      Entity exclude = verb != null && REPLY_VERBS.contains(verb.lemma()) ? lastSpeaker() : null;
      Attribution a = switch (np.kind()) {
        case NAME, ORG -> new Attribution(np.entity(), np.surface(), np.entity() != null ? "named" : "none", verb);
        case PRONOUN -> new Attribution(pronoun(np, exclude), np.surface(), "pronoun", verb);
        case DEFINITE -> {
          Entity e = np.entity() != null ? np.entity() : definite(np, exclude);
          yield new Attribution(e, np.surface(), e != null && e.kind == EntityKind.ANONYMOUS ? "anonymous" : "nominal", verb);
        }
        case INDEFINITE, GROUP -> new Attribution(np.entity(), np.surface(), "anonymous", verb);
        case POSSESSIVE_ROLE -> new Attribution(null, np.surface(), "nominal", verb);
      };
      resolved.put(np.from(), a);
      return a;
    }

    private Entity lastSpeaker() {
      for (int i = subjects.size() - 1; i >= 0 && subjects.size() - i <= 3; i--) {
        if (subjects.get(i).entity().personLike()) {
          return subjects.get(i).entity();
        }
      }
      return null;
    }

    /**
     * "he"/"she": the subject of its own sentence when that comes first and fits ("Harris drew applause
     * when she ..."), else the latest recent subject that is a person the pronoun fits; "it": an organisation.
     */
    private Entity pronoun(Np np, Entity exclude) {
      String pronoun = np.head();
      if (pronoun.equals("they") || pronoun.equals("we")) {
        return null;
      }
      boolean it = pronoun.equals("it");
      Sentence s = d.sentenceOf(np.from());
      if (!it) {
        int k = skipIntro(s.from(), np.from());
        if (k < np.from()) {
          Np first = d.np(k, np.from());
          if (first != null && first.kind() == NpKind.NAME && first.entity() != null && first.entity() != exclude
              && fits(first.entity(), pronoun) && first.to() <= np.from()) {
            return first.entity();
          }
        }
      }
      int reach = 0;
      for (int i = subjects.size() - 1; i >= 0 && reach < SUBJECT_REACH; i--, reach++) {
        if (subjects.get(i).sentence() >= s.index()) {
          continue;
        }
        Entity e = subjects.get(i).entity();
        if (e == exclude) {
          continue;
        }
        if (it ? !e.personLike() : fits(e, pronoun)) {
          return e;
        }
        if (it && reach >= 2) {
          return null;
        }
      }
      if (!it) {
        // Anyone named in the last two sentences the pronoun fits.
        int seen = 0;
        for (int i = Math.min(namedBySentence.size(), s.index()) - 1; i >= 0 && s.index() - i <= 2; i--) {
          List<Entity> named = namedBySentence.get(i);
          for (int j = named.size() - 1; j >= 0 && seen++ < NAMED_REACH; j--) {
            Entity e = named.get(j);
            if (e != exclude && e.pronoun != null && e.pronoun.equals(pronoun)) {
              return e;
            }
          }
        }
      }
      return null;
    }


    private boolean fits(Entity e, String pronoun) {
      return e.personLike() && (e.pronoun == null || e.pronoun.equals(pronoun));
    }

    /** "the senator", "the Ukrainian leader": the focus if it fits, else the latest person whose role fits. */
    private Entity definite(Np np, Entity exclude) {
      String head = np.head();
      String headLast = head.contains(" ") ? head.substring(head.lastIndexOf(' ') + 1) : head;
      if (ArticleDiscourse.ORG_WORDS.contains(headLast) && !ArticleDiscourse.PERSON_ROLES.contains(headLast)) {
        for (int i = subjects.size() - 1; i >= 0 && subjects.size() - i <= 3; i--) {
          Entity e = subjects.get(i).entity();
          if (!e.personLike()) {
            return e;
          }
        }
        return null;
      }
      String gender = ArticleDiscourse.FEMALE.contains(headLast) ? "she" : ArticleDiscourse.MALE.contains(headLast) ? "he" : null;
      Entity focus = null;
      int reach = 0;
      for (int i = subjects.size() - 1; i >= 0 && reach < SUBJECT_REACH; i--, reach++) {
        Entity e = subjects.get(i).entity();
        if (e != exclude && e.personLike() && (gender == null || fits(e, gender)) && !conflicts(e, np)) {
          focus = e;
          break;
        }
      }
      if (focus != null && (roleFits(focus, head) || !hasOfficeTitle(focus) || ArticleDiscourse.GENERIC_HEADS.contains(headLast)
          || ArticleDiscourse.isAge(headLast))) {
        return focus;
      }
      int seen = 0;
      for (int i = namedBySentence.size() - 1; i >= 0 && namedBySentence.size() - i <= 30; i--) {
        List<Entity> named = namedBySentence.get(i);
        for (int j = named.size() - 1; j >= 0 && seen++ < NAMED_REACH; j--) {
          Entity e = named.get(j);
          if (e != exclude && e.personLike() && roleFits(e, head) && !conflicts(e, np) && (gender == null || fits(e, gender))) {
            return e;
          }
        }
      }
      return focus;
    }

    /** An office the article gives the person ("president", "senator"), which a description must then fit. */
    private boolean hasOfficeTitle(Entity e) {
      for (String w : e.roleWords) {
        if (OFFICES.contains(w)) {
          return true;
        }
      }
      return false;
    }


    private boolean roleFits(Entity e, String head) {
      String[] words = head.split(" ");
      String last = words[words.length - 1];
      if (e.roleWords.contains(last) && (words.length == 1 || e.roleWords.contains(words[0]))) {
        return true;
      }
      if (last.equals("leader")) {
        for (String w : List.of("president", "chancellor", "minister", "premier", "leader", "speaker", "king", "queen")) {
          if (e.roleWords.contains(w)) {
            return true;
          }
        }
      }
      return false;
    }

    /** "the Ukrainian president" does not fit someone the article calls "Russian". */
    private boolean conflicts(Entity e, Np np) {
      Set<String> mods = np.modifiers();
      if (mods.isEmpty()) {
        return false;
      }
      for (String m : mods) {
        if (e.roleWords.contains(m)) {
          return false;
        }
      }
      for (String w : e.roleWords) {
        if (!ArticleDiscourse.PERSON_ROLES.contains(w) && !ArticleDiscourse.TITLE_WORDS.contains(w)
            && (w.endsWith("an") || w.endsWith("ish") || w.endsWith("ese") || w.endsWith("ch") || w.endsWith("i"))) {
          return true;
        }
      }
      return false;
    }

    // ------------------------------------------------------------ subjects and evidence

    private void collectNames(Sentence s) {
      List<Entity> named = new ArrayList<>();
      for (int k = s.from(); k < s.to(); k++) {
        Token t = d.tokens.get(k);
        if (t.word() && (t.upper() || !t.lower().equals(t.text()))) {
          Np np = d.np(k, s.to());
          if (np != null && np.entity() != null && (np.kind() == NpKind.NAME || np.kind() == NpKind.ORG)) {
            named.add(np.entity());
            k = np.to() - 1;
          }
        }
      }
      namedBySentence.add(named);
    }

    /** "X said she ...", "X, who ... his ...": the pronoun the article uses for a named subject. */
    private void genderEvidence(Sentence s) {
      int k = skipIntro(s.from(), s.to());
      Np np = d.np(k, s.to());
      if (np == null) {
        return;
      }
      np = withAppositive(np, s.to());
      if (np.kind() != NpKind.NAME || np.entity() == null) {
        return;
      }
      Entity e = np.entity();
      boolean inRelative = false;
      for (int j = np.to(); j < s.to() && j - np.to() < 30; j++) {
        Token t = d.tokens.get(j);
        if (t.kind() == ArticleDiscourse.QUOTE) {
          return;
        }
        String w = t.word() ? t.lower() : "";
        if (t.is(',') && d.lower(j + 1).equals("who")) {
          inRelative = true;
        }
        if (inRelative && (w.equals("his") || w.equals("him") || w.equals("himself"))) {
          d.evidencePronoun(e, "he");
          return;
        }
        if (inRelative && (w.equals("her") || w.equals("herself"))) {
          d.evidencePronoun(e, "she");
          return;
        }
        VerbHit v = verbAt(j);
        if (v != null && !inRelative) {
          int c = v.to();
          if (d.lower(c).equals("that")) {
            c++;
          } else if (v.verb().lemma().equals("tell")) {
            int limit = c + 4;
            while (c < s.to() && c < limit && !d.lower(c).equals("he") && !d.lower(c).equals("she")) {
              c++;
            }
          }
          String p = d.lower(c);
          if (p.equals("he") || p.equals("she")) {
            d.evidencePronoun(e, p);
          }
          return;
        }
        if (inRelative && t.is(',') && j > np.to()) {
          inRelative = false;
        }
      }
    }

    private Entity sentenceSubject(Sentence s) {
      VerbHit according = verbAt(s.from());
      if (according != null && according.verb().lemma().equals("according to")) {
        Np source = d.np(according.to(), s.to());
        if (source != null && source.entity() != null) {
          return source.entity();
        }
      }
      int k = skipIntro(s.from(), s.to());
      if (k < s.to() && d.tokens.get(k).kind() == ArticleDiscourse.QUOTE) {
        for (int j = k; j < s.to(); j++) {
          Token t = d.tokens.get(j);
          if (t.kind() == ArticleDiscourse.QUOTE && byQuote[t.quote()] != null && byQuote[t.quote()].speaker() != null) {
            return byQuote[t.quote()].speaker();
          }
        }
        return null;
      }
      Np np = clauseInitial(s.from(), s.to());
      if (np == null) {
        return null;
      }
      return resolve(np, null).speaker();
    }

    // ------------------------------------------------------------ reported speech

    private void reportedSpeech(Sentence s) {
      int coveredTo = -1;
      for (int k = s.from(); k < s.to(); k++) {
        if (k < coveredTo) {
          continue;
        }
        VerbHit v = verbAt(k);
        if (v == null || !v.verb().reports() || attributingVerbs.contains(k)) {
          continue;
        }
        int[] clause = v.verb().lemma().equals("according to") ? accordingTo(v, s) : complement(v, s);
        if (clause == null) {
          continue;
        }
        Attribution a = speakerOfVerb(v, s, s.to());
        if (a == null) {
          continue;
        }
        lastSpeechInParagraph.put(s.paragraph(), a);
        if (a.speaker() == null || a.speaker().actorId == null) {
          continue;
        }
        int begin = d.tokens.get(clause[0]).begin();
        int end = d.tokens.get(clause[1] - 1).end();
        indirect.add(quotation("indirect", begin, end, d.text.substring(begin, end), a));
        coveredTo = clause[1];
      }
    }

    /** Tokens {@code [from, to)} of the clause a reporting verb introduces, or null. */
    private int[] complement(VerbHit v, Sentence s) {
      int c = v.to();
      if (c + 2 < s.to() && d.tokens.get(c).is(',') && d.tokens.get(c + 2).is(',') && ADVERBS_ASIDE.contains(d.lower(c + 1))) {
        c += 3; // "He warned, however, that ..."
      }
      Token first = d.token(c);
      if (first == null || c >= s.to()) {
        return null;
      }
      if (first.is(':') || first.is(',') || first.kind() == ArticleDiscourse.QUOTE) {
        return null; // a direct quotation follows
      }
      boolean tell = v.verb().lemma().equals("tell");
      int that = -1;
      for (int j = c; j < s.to() && j - c < (tell ? 16 : 12); j++) {
        Token t = d.tokens.get(j);
        String w = t.word() ? t.lower() : "";
        if (!t.word() || FINITE_CUES.contains(w) || SUBJECT_PRONOUNS.contains(w) || w.equals("but") || w.equals("and")
            || (w.equals("to") && j == c) || (j > c && verbAt(j) != null)) {
          break;
        }
        if (w.equals("that")) {
          that = j;
          break;
        }
      }
      if (that >= 0) {
        c = that + 1;
      } else {
        if (tell) {
          // the listener: "told reporters the plan ...", "told NBC News on Thursday he ..."
          int j = c;
          if (ArticleDiscourse.DETERMINERS.contains(d.lower(j))) {
            j++;
          }
          while (j < s.to() && j - c < 5 && d.tokens.get(j).word() && !LISTENER_ENDS.contains(d.lower(j))
              && !NOT_CLAUSE_STARTS.contains(d.lower(j))) {
            j++;
          }
          c = d.lower(j).equals("that") ? j + 1 : j;
        }
        while (c < s.to() && d.tokens.get(c).word() && (ADVERBS.contains(d.lower(c)) || isDay(d.lower(c)))) {
          c++;
        }
        if (c >= s.to()) {
          return null;
        }
        Token start = d.tokens.get(c);
        if (start.kind() != ArticleDiscourse.QUOTE && (!start.word() || NOT_CLAUSE_STARTS.contains(start.lower())
            || SpeechVerbs.lookup(start.lower()) != null)) {
          return null;
        }
        if (start.word() && FINITE_CUES.contains(start.lower())) {
          return null; // "remarks, which Biden said were ...": the clause's subject is the relative pronoun, not a clause
        }
      }
      if (c >= s.to()) {
        return null;
      }
      if (d.tokens.get(c).kind() == ArticleDiscourse.QUOTE && (c + 1 >= s.to() || d.tokens.get(c + 1).kind() == ArticleDiscourse.PUNCT
          && clauseEnd(c, s.to()) <= c + 1)) {
        return null; // "wrote that "there is ..."": the whole clause is a direct quotation
      }
      int end = clauseEnd(c, s.to());
      if (inRelativeClause(v)) {
        end = Math.min(end, relativeClauseEnd(c, end));
      }
      if (end - c < 2 || end - c > MAX_CLAUSE_TOKENS || !finite(c, end)) {
        return null;
      }
      if (that < 0 && !finiteEarly(c, end)) {
        return null; // "claimed victory in ..., but": an object, not a clause
      }
      return new int[] {c, end};
    }


    /** "Macron, who said ...", "Xi, who told ...": the verb opens a relative clause set off by a comma. */
    private boolean inRelativeClause(VerbHit v) {
      int k = v.from() - 1;
      while (k > 0 && d.tokens.get(k).word() && ADVERBS.contains(d.lower(k))) {
        k--;
      }
      return k > 0 && RELATIVE_PRONOUNS.contains(d.lower(k)) && d.tokens.get(k - 1).is(',');
    }

    /** A relative clause set off by commas ends at its closing comma (one inside a closing quote mark too). */
    private int relativeClauseEnd(int from, int end) {
      for (int k = from + 1; k < end; k++) {
        Token t = d.tokens.get(k);
        if (t.is(',')) {
          return k;
        }
        if (t.kind() == ArticleDiscourse.QUOTE && d.lastInnerChar(t.quote()) == ',') {
          return k + 1;
        }
      }
      return end;
    }

    private boolean isDay(String w) {
      return w.endsWith("day") && Character.isLetter(w.charAt(0)) && w.length() <= 9;
    }

    /** A finite verb among the first eight words of a clause, before any comma. */
    private boolean finiteEarly(int from, int to) {
      for (int k = from; k < to && k - from < 8; k++) {
        Token t = d.tokens.get(k);
        if (t.is(',')) {
          return false;
        }
        String w = t.word() ? t.lower() : "";
        if (FINITE_CUES.contains(w) || (w.endsWith("ed") && w.length() > 4 && k > from)) {
          return true;
        }
      }
      return false;
    }

    private boolean finite(int from, int to) {
      for (int k = from; k < to; k++) {
        Token t = d.tokens.get(k);
        if (t.kind() == ArticleDiscourse.QUOTE) {
          return true;
        }
        String w = t.word() ? t.lower() : "";
        if (FINITE_CUES.contains(w) || (w.endsWith("ed") && w.length() > 4 && k > from)) {
          return true;
        }
      }
      return false;
    }

    /** The end of a reported clause: the sentence end, or a comma before "as", "according to", "adding" ... */
    private int clauseEnd(int from, int sentenceEnd) {
      sentenceEnd = Math.min(sentenceEnd, from + MAX_CLAUSE_TOKENS + 1);
      int end = sentenceEnd;
      boolean modal = false;
      for (int k = from + 1; k < sentenceEnd; k++) {
        Token t = d.tokens.get(k);
        String w = t.word() ? t.lower() : "";
        modal |= MODALS.contains(w);
        boolean comma = t.is(',') || (t.kind() == ArticleDiscourse.QUOTE && d.lastInnerChar(t.quote()) == ',');
        String next = d.lower(k + 1);
        String after = d.lower(k + 2);
        if (comma && ((CLAUSE_ENDS.contains(next) && !(next.equals("in") && after.equals("which")))
            || (next.equals("even") && after.equals("as"))
            || ((next.equals("and") || next.equals("but")) && (after.equals("he") || after.equals("she") || after.equals("they")
                || pastWithoutSubject(after))))) {
          end = t.kind() == ArticleDiscourse.QUOTE ? k + 1 : k;
          break;
        }
        if ((w.equals("and") || w.equals("but")) && verbAt(k + 1) != null) {
          end = k;
          break;
        }
        if (w.equals("and") && ((next.endsWith("ing") && next.length() > 5) || (modal && next.endsWith("ed") && next.length() > 4))) {
          end = k; // "... and casting herself as", "... would host further rounds and offered to ..."
          break;
        }
        if (w.equals("without") && next.endsWith("ing")) {
          end = k;
          break;
        }
      }
      while (end > from && d.tokens.get(end - 1).kind() == ArticleDiscourse.PUNCT) {
        end--;
      }
      return end;
    }


    /**
     * A past-tense verb right after ", but" or ", and": the sentence's subject goes on ("Scholz said Germany would
     * send more, but gave no timeline"), so the reported clause ended at the comma.
     */
    private boolean pastWithoutSubject(String word) {
      return (word.endsWith("ed") && word.length() > 4 && !word.endsWith("eed")) || PAST_FORMS.contains(word);
    }

    /** "According to X, CLAUSE." / "CLAUSE, according to X." / "A, according to X, B." */
    private int[] accordingTo(VerbHit v, Sentence s) {
      Np source = d.np(v.to(), s.to());
      if (source == null || source.kind() != NpKind.NAME) {
        return null;
      }
      int from = skipIntro(s.from(), v.from());
      int after = source.to();
      if (v.from() == s.from() || v.from() == from) {
        if (after >= s.to() || !d.tokens.get(after).is(',')) {
          return null;
        }
        int end = clauseEnd(after + 1, s.to());
        return end - (after + 1) >= 2 ? new int[] {after + 1, end} : null;
      }
      String next = d.lower(after + 1);
      boolean middle = after + 1 < s.to() && d.tokens.get(after).is(',')
          && !(next.equals("who") || next.equals("whose") || next.equals("which"));
      int end;
      if (middle) {
        end = clauseEnd(after + 1, s.to()); // "The collapse, according to Netanyahu, was ..."
      } else {
        end = v.from(); // "CLAUSE, according to X"
        while (end > from && d.tokens.get(end - 1).kind() == ArticleDiscourse.PUNCT) {
          end--;
        }
      }
      return end - from >= 2 ? new int[] {from, end} : null;
    }
  }
}
