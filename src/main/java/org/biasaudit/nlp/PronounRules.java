package org.biasaudit.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.biasaudit.actors.Actor;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.actors.ArticleReferences;
import org.biasaudit.actors.Reference;

/**
 * The {@code fast} coreference tier for pronouns: rules over tokens, no parser. A third-person singular
 * pronoun ("he", "his", "him", "she", "her", "its") goes to the most salient compatible referent in its
 * own sentence (before it) or the two sentences before; if that referent is someone the registry does not
 * track, the pronoun is not a mention.
 *
 * <p><b>Salience.</b> A referent in the same sentence outweighs one in the previous sentence, which
 * outweighs one two sentences back; the subject of a sentence (its first person, or the first after an
 * opening phrase) gets a bonus; a referent inside a quotation counts less for a pronoun outside it, and
 * not at all when it is in the pronoun's own sentence ({@code "Putin will not win," he said}).
 *
 * <p><b>Compatibility.</b> The registry's {@code gender} for tracked people (none given: no pronouns),
 * the given-name list for untracked people, "its" for organisations only.
 *
 * <p><b>Competitors.</b> Every untracked person the text names competes for pronouns: a known given name
 * before a capitalised word ("Fiona Hill"), an honorific or a title before a name ("Mr. Lowell", "General
 * Valeriy Zaluzhnyi"), a name after a role noun ("spokesman Dmitry Peskov"), a given name after a family
 * noun ("his son Hunter"), a capitalised name that speaks ("Gadi Eisenkot ... told"), namesakes ("Hunter
 * Biden") and titled strangers ("President Lula"), and later the bare surname of any of them.
 *
 * <p><b>Patterns that override salience</b>, each common in news copy:
 * <ul>
 *   <li>A pronoun in an opening phrase refers forward to the subject after the comma ("In his speech,
 *       Biden said"; "Placing his hand on the constitution, Putin vowed"); "him"/"her" there cannot be that
 *       subject ("Standing beside him, Biden warned").
 *   <li>Reported speech: the pronoun right after "X said (that)" or "X, who later said" is X.
 *   <li>Coordination: "X and his wife" is X's wife.
 *   <li>A pronoun in a quotation is not its speaker; in a quotation followed by "said of X" it is X.
 *   <li>"him"/"her" as an object cannot be the subject of its own clause ("Ross said he would not vote
 *       for him"; "Trump, asked about his predecessor, called him"), nor the unstated subject of a
 *       participle ("Biden pardoned his son, sparing him").
 * </ul>
 * First- and second-person pronouns and "they"/"we"/"it" are never resolved.
 */
final class PronounRules {
  private static final Map<String, Compat> PRONOUNS = Map.ofEntries(
      Map.entry("he", Compat.MALE), Map.entry("him", Compat.MALE), Map.entry("his", Compat.MALE),
      Map.entry("himself", Compat.MALE), Map.entry("she", Compat.FEMALE), Map.entry("her", Compat.FEMALE),
      Map.entry("hers", Compat.FEMALE), Map.entry("herself", Compat.FEMALE), Map.entry("its", Compat.THING),
      Map.entry("itself", Compat.THING));
  private static final Set<String> HONORIFICS = Set.of("Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Miss");
  /** Capitalised words that, before a name, say the name is a person's. */
  private static final Set<String> TITLE_WORDS = Set.of("President", "Vice", "Prime", "Minister", "Chancellor", "Senator",
      "Sen.", "Rep.", "Representative", "Governor", "Gov.", "Secretary", "General", "Gen.", "Judge", "Justice",
      "Ambassador", "Mayor", "Speaker", "Leader", "Chief", "Commander", "Colonel", "Col.", "Lieutenant", "Lt.", "Admiral",
      "Adm.", "Dr.", "Professor", "Prof.", "Sir", "Lord", "Lady", "Rabbi", "Pastor", "Father", "Pope", "King", "Queen",
      "Prince", "Princess", "Sheikh", "Crown", "Director", "Chairman", "Chairwoman", "Sergeant", "Sgt.", "Captain", "Capt.");
  /** Lower-case nouns that, right before a name, say the name is a person's ("spokesman Dmitry Peskov"). */
  private static final Set<String> ROLE_NOUNS = Set.of("spokesman", "spokeswoman", "spokesperson", "adviser", "advisor",
      "aide", "lawyer", "attorney", "analyst", "official", "minister", "senator", "leader", "chief", "director", "commander",
      "general", "envoy", "ambassador", "judge", "prosecutor", "economist", "expert", "professor", "researcher", "farmer",
      "activist", "candidate", "rival", "challenger", "opponent", "colleague", "successor", "predecessor", "critic", "deputy",
      "secretary", "governor", "mayor", "lawmaker", "representative", "strategist", "pollster", "chairman", "chairwoman",
      "journalist", "reporter", "correspondent", "editor", "executive", "founder", "owner", "widow", "wife", "husband",
      "son", "daughter", "brother", "sister", "father", "mother", "fiancée", "fiance", "fiancé", "nominee", "host");
  private static final Set<String> FAMILY_NOUNS = Set.of("son", "daughter", "wife", "husband", "brother", "sister",
      "father", "mother", "grandson", "granddaughter", "nephew", "niece", "cousin", "uncle", "aunt", "stepson",
      "stepdaughter", "fiancée", "fiancé", "partner", "widow", "widower");
  /** Last words of capitalised runs that name institutions, not people ("Justice Department said"). */
  private static final Set<String> INSTITUTION_WORDS = Set.of("House", "Department", "Ministry", "Office", "Council",
      "Party", "Court", "Agency", "Bank", "Union", "Commission", "Committee", "Senate", "Congress", "Government",
      "Organization", "Organisation", "Group", "Times", "Post", "News", "Service", "Force", "Forces", "Army", "Navy",
      "Administration", "Campaign", "University", "Institute", "Foundation", "Fund", "Board", "Assembly", "Parliament",
      "Kremlin", "Pentagon", "Street", "Company", "Corporation", "Inc.", "Association", "Network", "Journal");
  private static final Set<String> DETERMINERS = Set.of("The", "A", "An", "This", "That", "These", "Those", "Its", "His", "Her",
      "Their", "Our", "My", "Your");
  private static final Set<String> OPENERS = Set.of("In", "Throughout", "During", "After", "Before", "Since", "Despite",
      "As", "When", "While", "Although", "Though", "Once", "Upon", "On", "At", "For", "With", "Without", "Unlike",
      "Like", "Under", "Following", "Within", "From", "Through", "Until", "Because", "If", "Asked", "Speaking", "Standing",
      "Addressing", "Writing", "Facing", "Returning", "Hours", "Days", "Weeks", "Months", "Years", "Minutes");
  /** The longest parenthetical between a subject and its verb that {@code clauseSubject} steps over, in tokens. */
  private static final int PARENTHETICAL_TOKENS = 15;
  /** Words that end the clause a pronoun is in. */
  private static final Set<String> CLAUSE_BREAKS = Set.of(",", ";", ":", "that", "who", "which", "when", "after", "before",
      "because", "while", "and", "but", "said", "says", "told", "if", "as", "until", "since", "to", "--", "-", "whom",
      "whose", "where", "although", "though", "so");
  /** Verbs of saying and thinking: "X said he ..." means X. */
  private static final Set<String> SPEECH_VERBS = Set.of("said", "says", "told", "tells", "added", "adds", "insisted",
      "argued", "warned", "claimed", "believed", "believes", "thought", "thinks", "announced", "acknowledged", "stressed",
      "noted", "predicted", "promised", "vowed", "denied", "admitted", "hoped", "feared", "knew", "wrote", "writes",
      "replied", "explained", "conceded", "maintained", "suggested", "declared", "asserted", "complained", "recalled",
      "indicated", "signaled", "signalled", "pledged", "confirmed", "stated", "hinted", "worried", "expects", "expected");
  private static final Set<String> SPEECH_OF = Set.of("said", "says", "asked", "told", "wrote", "added", "remarked");
  /** Words between a subject and its speech verb that do not break the link ("Biden later said he"). */
  private static final Set<String> ADVERBS = Set.of("later", "also", "then", "has", "had", "have", "previously",
      "repeatedly", "privately", "publicly", "often", "once", "again", "still", "already", "recently", "flatly",
      "quickly", "angrily", "openly", "firmly", "reportedly", "long", "since");
  /** Words after "her" that show it is an object ("told her that"), not a possessive ("her decision"). */
  private static final Set<String> AFTER_OBJECT = Set.of("to", "and", "or", "in", "on", "at", "for", "with", "that", "as",
      "from", "by", "about", "up", "down", "out", "off", "over", "into", "the", "a", "an", "this", "last", "again", "back",
      "too", "both", "all", "if", "because", "when", "while", "of", "than", "so", "but", "who", "whether", "how", "what",
      "before", "after", "during", "since", "until", "through", "against", "not", "no", "any", "some", "more", "his", "her",
      "their", "its", "our", "my", "your", "there", "here", "now", "then", "once", "twice", "is", "was", "were", "are");
  private static final int SAME = 100;
  private static final int PREVIOUS = 50;
  private static final int TWO_BACK = 25;
  private static final int SUBJECT_BONUS = 40;
  private static final int QUOTED_PENALTY = 40;

  enum Compat { MALE, FEMALE, THING, ANY_PERSON }

  /** One referent occurrence: a tracked actor's reference, or an untracked person ({@code actorId} null). */
  private record Slot(int sentence, int begin, int end, String entity, String actorId, Compat compat, boolean quoted) {
    boolean person() {
      return compat != Compat.THING;
    }
  }

  /** A resolved pronoun. */
  record Resolved(int sentence, int begin, int end, String surface, String actorId) {}

  private final ActorRegistry registry;

  PronounRules(ActorRegistry registry) {
    this.registry = registry;
  }

  List<Resolved> resolve(String text, List<CoreMap> sentences, List<Reference> references,
      List<ArticleReferences.OtherPerson> others) {
    Context ctx = new Context(text, sentences);
    for (Reference r : references) {
      Actor actor = registry.byId(r.actorId());
      ctx.slots.add(new Slot(ctx.sentenceAt(r.begin()), r.begin(), r.end(), r.actorId(), r.actorId(), compat(actor),
          ctx.quoted[r.begin()]));
    }
    for (ArticleReferences.OtherPerson o : others) {
      ctx.slots.add(new Slot(ctx.sentenceAt(o.begin()), o.begin(), o.end(), o.key(), null, compatOfName(o.key()),
          ctx.quoted[o.begin()]));
    }
    ctx.slots.sort(Comparator.comparingInt(Slot::begin));
    addUntrackedPeople(ctx);

    List<Resolved> out = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      List<CoreLabel> tokens = ctx.tokens(s);
      for (int t = 0; t < tokens.size(); t++) {
        CoreLabel token = tokens.get(t);
        Compat wanted = PRONOUNS.get(token.word().toLowerCase(Locale.ROOT));
        if (wanted == null) {
          continue;
        }
        Slot chosen = wanted == Compat.THING ? resolveIts(ctx, s, t) : resolvePerson(ctx, s, t, wanted);
        if (chosen == null) {
          continue;
        }
        ctx.add(new Slot(s, token.beginPosition(), token.endPosition(), chosen.entity(), chosen.actorId(), chosen.compat(),
            ctx.quoted[token.beginPosition()]));
        if (chosen.actorId() != null) {
          out.add(new Resolved(s, token.beginPosition(), token.endPosition(), token.originalText(), chosen.actorId()));
        }
      }
    }
    return out;
  }

  /** The tokens, quotation mask and referents of one field. */
  private static final class Context {
    final List<CoreMap> sentences;
    final boolean[] quoted;
    final int[] starts;
    final List<Slot> slots = new ArrayList<>();

    Context(String text, List<CoreMap> sentences) {
      this.sentences = sentences;
      this.quoted = QuoteSpans.mask(text);
      this.starts = new int[sentences.size()];
      for (int i = 0; i < starts.length; i++) {
        starts[i] = sentences.get(i).get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
      }
    }

    List<CoreLabel> tokens(int sentence) {
      return sentences.get(sentence).get(CoreAnnotations.TokensAnnotation.class);
    }

    void add(Slot slot) {
      int i = 0;
      while (i < slots.size() && slots.get(i).begin() < slot.begin()) {
        i++;
      }
      slots.add(i, slot);
    }

    int sentenceAt(int offset) {
      int chosen = 0;
      for (int i = 0; i < starts.length && starts[i] <= offset; i++) {
        chosen = i;
      }
      return chosen;
    }

    Slot slotAt(int position) {
      for (Slot slot : slots) {
        if (slot.begin() <= position && position < slot.end()) {
          return slot;
        }
      }
      return null;
    }

    /** Token index of the comma that ends an opening phrase ("In his speech, ..."), or -1. */
    int openingComma(int sentence) {
      List<CoreLabel> tokens = tokens(sentence);
      int first = 0;
      while (first < tokens.size() && isQuoteMark(tokens.get(first).word())) {
        first++;
      }
      if (first >= tokens.size()) {
        return -1;
      }
      String word = tokens.get(first).word();
      boolean opener = OPENERS.contains(word) || (Character.isUpperCase(word.charAt(0)) && word.length() > 4
          && (word.endsWith("ing") || word.endsWith("ed")) && slotAt(tokens.get(first).beginPosition()) == null);
      if (!opener) {
        return -1;
      }
      for (int i = first + 1; i < tokens.size(); i++) {
        if (tokens.get(i).word().equals(",")) {
          return i;
        }
      }
      return -1;
    }

    /**
     * The subject of a sentence: the first person (or, for {@code things}, organisation) referent, after
     * the opening phrase when there is one.
     */
    Slot subject(int sentence, boolean things) {
      int comma = openingComma(sentence);
      int from = comma < 0 ? starts[sentence] : tokens(sentence).get(comma).endPosition();
      for (Slot slot : slots) {
        if (slot.sentence() == sentence && slot.begin() >= from && slot.person() != things) {
          return slot;
        }
      }
      return null;
    }
  }

  private Slot resolvePerson(Context ctx, int s, int t, Compat wanted) {
    List<CoreLabel> tokens = ctx.tokens(s);
    CoreLabel token = tokens.get(t);
    String word = token.word().toLowerCase(Locale.ROOT);
    int at = token.beginPosition();
    boolean inQuote = ctx.quoted[at];
    boolean object = word.equals("him") || (word.equals("her") && !possessiveHer(tokens, t));
    Set<String> excluded = new HashSet<>();

    int comma = ctx.openingComma(s);
    if (comma > t) {
      Slot subject = ctx.subject(s, false);
      if (subject != null && subject.begin() - tokens.get(comma).endPosition() < 40) {
        if (!object) {
          return compatible(subject.compat(), wanted) ? subject : null;
        }
        excluded.add(subject.entity());
      }
    }
    if (inQuote) {
      Slot remarkedOn = saidOf(ctx, s, wanted);
      if (remarkedOn != null) {
        return remarkedOn;
      }
      String speaker = speakerOf(ctx, s, t);
      if (speaker != null) {
        excluded.add(speaker);
      }
    } else {
      Slot reporter = reportedSpeaker(ctx, s, t);
      if (reporter != null) {
        return compatible(reporter.compat(), wanted) ? reporter : null;
      }
      Slot coordinated = coordinated(ctx, s, t);
      if (coordinated != null && compatible(coordinated.compat(), wanted)) {
        return coordinated;
      }
    }
    if (object) {
      Slot clauseSubject = clauseSubject(ctx, s, t);
      if (clauseSubject != null) {
        excluded.add(clauseSubject.entity());
      }
      // "Biden pardoned his son, sparing him": the participle's unstated subject is the sentence's subject.
      Slot sentenceSubject = ctx.subject(s, false);
      if (sentenceSubject != null && inParticipleClause(tokens, t)) {
        excluded.add(sentenceSubject.entity());
      }
    }

    Map<String, Integer> scores = new HashMap<>();
    Map<String, Slot> best = new HashMap<>();
    for (Slot slot : ctx.slots) {
      if (slot.begin() >= at) {
        break;
      }
      int distance = s - slot.sentence();
      if (distance > 2 || !compatible(slot.compat(), wanted) || excluded.contains(slot.entity())) {
        continue;
      }
      if (distance == 0 && slot.quoted() && !inQuote) {
        continue;
      }
      int score = distance == 0 ? SAME : distance == 1 ? PREVIOUS : TWO_BACK;
      if (ctx.subject(slot.sentence(), false) == slot) {
        score += SUBJECT_BONUS;
      }
      if (slot.quoted() && !inQuote) {
        score -= QUOTED_PENALTY;
      }
      Integer previous = scores.get(slot.entity());
      if (previous == null || score >= previous) {
        scores.put(slot.entity(), Math.max(score, previous == null ? score : previous));
        best.put(slot.entity(), slot);
      }
    }
    String winner = null;
    int top = Integer.MIN_VALUE;
    for (Map.Entry<String, Integer> e : scores.entrySet()) {
      // Ties go to the nearer referent.
      if (e.getValue() > top || (e.getValue() == top && best.get(e.getKey()).begin() > best.get(winner).begin())) {
        top = e.getValue();
        winner = e.getKey();
      }
    }
    return winner == null || top <= 0 ? null : best.get(winner);
  }

  /** "her" before a noun is a possessive; before a function word or punctuation, an object. */
  private static boolean possessiveHer(List<CoreLabel> tokens, int t) {
    if (t + 1 >= tokens.size()) {
      return false;
    }
    String next = tokens.get(t + 1).word();
    return Character.isLetter(next.charAt(0)) && !AFTER_OBJECT.contains(next.toLowerCase(Locale.ROOT));
  }

  /** In {@code "He cannot win," Biden said of Putin.} the quoted pronoun refers to Putin. */
  private static Slot saidOf(Context ctx, int s, Compat wanted) {
    List<CoreLabel> tokens = ctx.tokens(s);
    for (int i = 0; i + 2 < tokens.size(); i++) {
      if (!ctx.quoted[tokens.get(i).beginPosition()] && SPEECH_OF.contains(tokens.get(i).word())
          && tokens.get(i + 1).word().equals("of")) {
        Slot slot = ctx.slotAt(tokens.get(i + 2).beginPosition());
        if (slot == null && i + 3 < tokens.size()) {
          slot = ctx.slotAt(tokens.get(i + 3).beginPosition());
        }
        return slot != null && compatible(slot.compat(), wanted) ? slot : null;
      }
    }
    return null;
  }

  /**
   * The speaker of the quotation around token {@code t}: a referent next to a speech verb right after the
   * quotation ({@code "...," Biden said} / {@code said Biden}) or right before it ({@code Biden said: "..."}).
   */
  private static String speakerOf(Context ctx, int s, int t) {
    List<CoreLabel> tokens = ctx.tokens(s);
    int close = t;
    while (close < tokens.size() && ctx.quoted[tokens.get(close).beginPosition()]) {
      close++;
    }
    for (int i = close; i < Math.min(tokens.size(), close + 6); i++) {
      Slot slot = ctx.slotAt(tokens.get(i).beginPosition());
      if (slot != null && nearSpeechVerb(tokens, i)) {
        return slot.entity();
      }
    }
    int open = t;
    while (open >= 0 && ctx.quoted[tokens.get(open).beginPosition()]) {
      open--;
    }
    for (int i = open; i >= Math.max(0, open - 6); i--) {
      Slot slot = ctx.slotAt(tokens.get(i).beginPosition());
      if (slot != null && nearSpeechVerb(tokens, i)) {
        return slot.entity();
      }
    }
    return null;
  }

  private static boolean nearSpeechVerb(List<CoreLabel> tokens, int i) {
    for (int j = Math.max(0, i - 2); j < Math.min(tokens.size(), i + 4); j++) {
      if (SPEECH_VERBS.contains(tokens.get(j).word()) || SPEECH_OF.contains(tokens.get(j).word())) {
        return true;
      }
    }
    return false;
  }

  /**
   * "Stoltenberg said he", "Biden told reporters that he", "Wickremesinghe, who later said he": the
   * subject of the speech verb just before the pronoun.
   */
  private static Slot reportedSpeaker(Context ctx, int s, int t) {
    List<CoreLabel> tokens = ctx.tokens(s);
    int i = t - 1;
    if (i >= 0 && tokens.get(i).word().equals("that")) {
      i--;
    }
    // "told reporters that he": one object word between the verb and "that".
    if (i >= 1 && !SPEECH_VERBS.contains(tokens.get(i).word()) && SPEECH_VERBS.contains(tokens.get(i - 1).word())
        && tokens.get(i + 1).word().equals("that") && Character.isLowerCase(tokens.get(i).word().charAt(0))) {
      i--;
    }
    if (i < 0 || !SPEECH_VERBS.contains(tokens.get(i).word())) {
      return null;
    }
    i--;
    while (i >= 0 && ADVERBS.contains(tokens.get(i).word())) {
      i--;
    }
    if (i >= 1 && tokens.get(i).word().equals("who") && tokens.get(i - 1).word().equals(",")) {
      i -= 2;
    }
    if (i < 0) {
      return null;
    }
    Slot slot = ctx.slotAt(tokens.get(i).beginPosition());
    return slot != null && slot.person() && !ctx.quoted[slot.begin()] ? slot : null;
  }

  /** Whether the clause around token {@code t} opens with ", <verb>ing" ("..., calling him a genius"). */
  private static boolean inParticipleClause(List<CoreLabel> tokens, int t) {
    for (int i = t - 1; i >= 1; i--) {
      String word = tokens.get(i).word();
      if (word.equals(",") || word.equals(";")) {
        return false;
      }
      if (tokens.get(i - 1).word().equals(",") && word.endsWith("ing") && Character.isLowerCase(word.charAt(0))) {
        return true;
      }
    }
    return false;
  }

  /** "Obama and his wife": a possessive right after "X and". */
  private static Slot coordinated(Context ctx, int s, int t) {
    List<CoreLabel> tokens = ctx.tokens(s);
    if (t < 2 || !tokens.get(t - 1).word().equals("and")) {
      return null;
    }
    return ctx.slotAt(tokens.get(t - 2).beginPosition());
  }

  /** The referent that is the subject of the pronoun's own clause: the nearest one before it with no clause break. */
  private static Slot clauseSubject(Context ctx, int s, int t) {
    List<CoreLabel> tokens = ctx.tokens(s);
    for (int i = t - 1; i >= 0; i--) {
      CoreLabel token = tokens.get(i);
      Slot slot = ctx.slotAt(token.beginPosition());
      if (slot != null && slot.person()) {
        return slot;
      }
      if (token.word().equals(",")) {
        return beforeParenthetical(ctx, tokens, i);
      }
      if (CLAUSE_BREAKS.contains(token.word().toLowerCase(Locale.ROOT))) {
        return null;
      }
    }
    return null;
  }

  /**
   * The person right before a parenthetical that closes at the comma {@code close}, which then stands between
   * that subject and its verb: "Trump, asked about his predecessor, called him ...", "Putin, 72, told him".
   */
  private static Slot beforeParenthetical(Context ctx, List<CoreLabel> tokens, int close) {
    for (int j = close - 1; j > 0 && close - j <= PARENTHETICAL_TOKENS; j--) {
      String word = tokens.get(j).word();
      if (word.equals(",")) {
        Slot slot = ctx.slotAt(tokens.get(j - 1).beginPosition());
        return slot != null && slot.person() ? slot : null;
      }
      if (word.equals(";") || word.equals(":") || word.equals("--") || word.equals("-")) {
        return null;
      }
    }
    return null;
  }

  /**
   * "its": the nearest organisation before it in the sentence, unless a proper name or a noun that owns
   * things ("the country") stands between; failing that, an organisation that is the subject of the
   * previous sentence.
   */
  private static Slot resolveIts(Context ctx, int s, int t) {
    List<CoreLabel> tokens = ctx.tokens(s);
    for (int i = t - 1; i >= 0; i--) {
      CoreLabel token = tokens.get(i);
      Slot slot = ctx.slotAt(token.beginPosition());
      if (slot != null) {
        if (slot.compat() == Compat.THING) {
          return slot;
        }
        continue;
      }
      String word = token.word();
      boolean proper = i > 0 && Character.isUpperCase(word.charAt(0));
      if (proper || THING_NOUNS.contains(word.toLowerCase(Locale.ROOT))) {
        return null;
      }
    }
    return s > 0 ? ctx.subject(s - 1, true) : null;
  }

  /** Nouns that commonly own an "its" and stand between an organisation and the pronoun. */
  private static final Set<String> THING_NOUNS = Set.of("country", "government", "company", "state", "party", "army",
      "military", "city", "nation", "region", "administration", "court", "bank", "economy", "plan", "bill", "program",
      "programme", "agency", "ministry", "parliament", "union", "group", "campaign", "council", "committee", "firm",
      "organisation", "organization", "treaty", "deal", "agreement", "report", "policy", "law", "budget");

  private static boolean compatible(Compat referent, Compat pronoun) {
    if (referent == null) {
      return false;
    }
    if (pronoun == Compat.THING || referent == Compat.THING) {
      return referent == pronoun;
    }
    return referent == Compat.ANY_PERSON || referent == pronoun;
  }

  private static Compat compat(Actor actor) {
    if (!actor.isPerson()) {
      return Compat.THING;
    }
    return "male".equals(actor.gender()) ? Compat.MALE : "female".equals(actor.gender()) ? Compat.FEMALE : null;
  }

  /** An untracked person's compatibility from the given name in its key ("hunter biden" -> male). */
  private static Compat compatOfName(String key) {
    return compatOfGiven(key.split("[\\s:]")[0]);
  }

  private static Compat compatOfGiven(String word) {
    FirstNames.Gender gender = FirstNames.of(word);
    return gender == FirstNames.Gender.MALE ? Compat.MALE : gender == FirstNames.Gender.FEMALE ? Compat.FEMALE : Compat.ANY_PERSON;
  }

  /**
   * People the registry does not track, found in runs of capitalised tokens, and later the bare surname
   * of each (see the class comment).
   */
  private static void addUntrackedPeople(Context ctx) {
    Map<String, Compat> surnames = new HashMap<>();
    List<Slot> found = new ArrayList<>();
    for (int s = 0; s < ctx.sentences.size(); s++) {
      List<CoreLabel> tokens = ctx.tokens(s);
      for (int t = 0; t < tokens.size(); t++) {
        CoreLabel token = tokens.get(t);
        if (ctx.slotAt(token.beginPosition()) != null || !capitalised(token.word())) {
          continue;
        }
        int last = t;
        while (last + 1 < tokens.size() && capitalised(tokens.get(last + 1).word())
            && ctx.slotAt(tokens.get(last + 1).beginPosition()) == null) {
          last++;
        }
        Compat compat = null;
        int first = t;
        for (int i = t; i < last && compat == null; i++) {
          String word = tokens.get(i).word();
          first = i + 1;
          if (HONORIFICS.contains(word)) {
            compat = word.startsWith("Mr") && !word.startsWith("Mrs") ? Compat.MALE : Compat.FEMALE;
          } else if (TITLE_WORDS.contains(word) && !TITLE_WORDS.contains(tokens.get(i + 1).word())) {
            compat = compatOfGiven(tokens.get(i + 1).word());
          } else if (FirstNames.of(word) != null && !DETERMINERS.contains(word)) {
            compat = compatOfGiven(word);
            first = i;
          }
        }
        String lastWord = tokens.get(last).word();
        boolean institution = INSTITUTION_WORDS.contains(lastWord) || DETERMINERS.contains(token.word());
        boolean described = t > 0 && Set.of("the", "a", "an").contains(tokens.get(t - 1).word().toLowerCase(Locale.ROOT));
        if (compat == null && last > t && !institution && !described) {
          boolean afterRole = t > 0 && ROLE_NOUNS.contains(tokens.get(t - 1).word().toLowerCase(Locale.ROOT));
          boolean speaks = last + 1 < tokens.size() && (SPEECH_VERBS.contains(tokens.get(last + 1).word())
              || (tokens.get(last + 1).word().equals(",") && last + 2 < tokens.size()
                  && Set.of("a", "an", "the", "who").contains(tokens.get(last + 2).word())));
          if (afterRole || speaks) {
            compat = compatOfGiven(token.word());
            first = t;
          }
        }
        if (compat == null && last == t && surnames.containsKey(token.word())) {
          compat = surnames.get(token.word());
          first = t;
        }
        if (compat == null && last == t && t > 0 && FAMILY_NOUNS.contains(tokens.get(t - 1).word().toLowerCase(Locale.ROOT))
            && FirstNames.of(token.word()) != null) {
          // "his son Hunter", "her husband Paul": a given name alone after a family noun.
          compat = compatOfGiven(token.word());
          first = t;
        }
        if (compat != null && first <= last && !institution) {
          surnames.putIfAbsent(lastWord, compat);
          found.add(new Slot(s, tokens.get(first).beginPosition(), tokens.get(last).endPosition(), "person:" + lastWord, null,
              compat, ctx.quoted[tokens.get(first).beginPosition()]));
        }
        t = last;
      }
    }
    found.forEach(ctx::add);
  }

  private static boolean capitalised(String word) {
    return !word.isEmpty() && Character.isUpperCase(word.charAt(0)) && !word.equals("I");
  }

  private static boolean isQuoteMark(String word) {
    return word.equals("\"") || word.equals("``") || word.equals("''") || word.equals("\u201C") || word.equals("'")
        || word.equals("`");
  }
}
