package org.biasaudit.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.biasaudit.actors.Actor;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.actors.AliasMatch;

/**
 * What quote attribution needs to know about one article's text, built with rules written for news copy
 * (no parser): the words outside quotations, with each quotation as one token; the writer's sentences
 * (a quotation ending in a full stop ends a sentence); the noun phrases that can name a speaker (names
 * with their titles, pronouns, "the senator", "a senior official", "Biden's campaign"); and the people
 * and organisations those phrases refer to, with the roles and the pronoun the article gives them.
 *
 * <p>Built once per article and used by one thread. Every step looks at a bounded window of tokens, so
 * the cost is linear in the text.
 */
final class ArticleDiscourse {
  static final int WORD = 0;
  static final int PUNCT = 1;
  static final int QUOTE = 2;
  /** The longest run of capitalised words read as one name or title ("U.S. Secretary of State Marco Rubio"). */
  static final int MAX_NAME_TOKENS = 9;

  /** A word, a punctuation mark, or a whole quotation ({@code quote} is its index, else -1). */
  record Token(int kind, int begin, int end, String text, int paragraph, int quote) {
    boolean word() {
      return kind == WORD;
    }

    boolean is(char punct) {
      return kind == PUNCT && text.charAt(0) == punct;
    }

    boolean upper() {
      return kind == WORD && Character.isUpperCase(text.codePointAt(0));
    }

    String lower() {
      return text.toLowerCase(Locale.ROOT);
    }

    boolean possessive() {
      return kind == WORD && (text.endsWith("'s") || text.endsWith("’s") || text.endsWith("s'") || text.endsWith("s’"));
    }

    /** The word without a possessive ending or a final full stop. */
    String bare() {
      String t = text;
      if (t.endsWith("'s") || t.endsWith("’s")) {
        t = t.substring(0, t.length() - 2);
      } else if (t.endsWith("s'") || t.endsWith("s’")) {
        t = t.substring(0, t.length() - 1);
      }
      return t;
    }
  }

  /** A writer's sentence: tokens {@code [from, to)}. */
  record Sentence(int index, int from, int to, int paragraph) {}

  enum EntityKind { PERSON, ORG, UNKNOWN, ANONYMOUS }

  /** Someone or something the article names or describes. */
  static final class Entity {
    final int id;
    String name;
    final String actorId;
    EntityKind kind;
    String pronoun; // "he", "she", or null when unknown
    final Set<String> roleWords = new LinkedHashSet<>();

    Entity(int id, String name, String actorId, EntityKind kind) {
      this.id = id;
      this.name = name;
      this.actorId = actorId;
      this.kind = kind;
    }

    boolean personLike() {
      return kind == EntityKind.PERSON || kind == EntityKind.ANONYMOUS || (kind == EntityKind.UNKNOWN && pronoun != null);
    }

    String surname() {
      int space = name.lastIndexOf(' ');
      return space < 0 ? name : name.substring(space + 1);
    }

    @Override
    public String toString() {
      return name + (actorId != null ? "[" + actorId + "]" : "") + "/" + kind + (pronoun != null ? "/" + pronoun : "");
    }
  }

  enum NpKind { NAME, PRONOUN, DEFINITE, INDEFINITE, GROUP, POSSESSIVE_ROLE, ORG }

  /**
   * A noun phrase over tokens {@code [from, to)}. {@code entity} is set for names, organisations and
   * indefinite descriptions (a new anonymous entity); pronouns and definite descriptions are resolved by
   * the caller. {@code head} is the role noun of a description ("senator"), {@code modifiers} its
   * capitalised modifiers ("Russian"). {@code nameTo} is where the name itself ends (before a possessive).
   */
  record Np(int from, int to, NpKind kind, Entity entity, String surface, String head, Set<String> modifiers) {}

  // ---------------------------------------------------------------- lexicons

  static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "capt",
      "sgt", "st", "jr", "sr", "prof", "rev", "adm", "maj", "cpl", "pvt", "jan", "feb", "aug", "sept", "sep", "oct", "nov",
      "dec", "calif", "fla", "ga", "pa", "ky", "tex", "mass", "ore", "ariz", "mich", "wis", "minn", "va", "wash", "ill",
      "ind", "conn", "colo", "okla", "tenn", "ala", "miss", "mo", "neb", "nev", "md", "del", "vt", "no", "vs", "inc",
      "corp", "co", "ltd", "mt", "ft", "approx", "dept", "univ", "gov't");
  /** Capitalised words that open sentences or phrases but never a name. */
  static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "in", "on", "at", "as", "but", "and", "or", "if", "when",
      "while", "after", "before", "asked", "speaking", "this", "that", "these", "those", "it", "its", "there", "then", "he",
      "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "some", "many", "most", "one", "two",
      "three", "four", "five", "another", "nearby", "later", "earlier", "minutes", "hours", "days", "weeks", "months",
      "years", "since", "until", "for", "from", "with", "without", "by", "to", "of", "about", "over", "under", "during",
      "despite", "although", "though", "even", "still", "yet", "so", "also", "meanwhile", "however", "afterward",
      "afterwards", "outside", "inside", "once", "every", "each", "all", "both", "no", "not", "only", "what", "who",
      "why", "how", "where", "which", "whose", "like", "unlike", "among", "amid", "against", "between", "here", "now",
      "today", "tonight", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "mr.", "mrs.", "ms.", "standing", "campaigning", "writing", "addressing",
      "responding", "several", "few", "more", "less", "much", "such", "just", "instead", "indeed", "thus", "anyone",
      "everyone", "nobody", "somebody", "someone", "everybody", "anybody", "none", "neither", "either", "other", "others",
      "democrats", "republicans", "analysts", "officials", "police", "delegates", "voters", "markets", "residents",
      "protesters", "critics", "supporters", "leaders");
  /** Words of a title before a name ("Russian President", "Sen.", "House Speaker", "Secretary of State"). */
  static final Set<String> TITLE_WORDS = Set.of("president", "vice", "prime", "minister", "chancellor", "senator", "sen",
      "rep", "representative", "gov", "governor", "secretary", "general", "speaker", "leader", "majority", "minority",
      "attorney", "ambassador", "judge", "justice", "mayor", "mr", "mrs", "ms", "miss", "dr", "chief", "director",
      "spokesman", "spokeswoman", "spokesperson", "commissioner", "king", "queen", "pope", "prince", "princess", "sheikh",
      "emir", "lord", "lady", "sir", "dame", "adm", "lt", "col", "capt", "sgt", "rev", "gen", "foreign", "defence",
      "defense", "treasury", "finance", "interior", "press", "former", "president-elect", "premier", "chairman",
      "chairwoman", "chair", "professor", "prof", "deputy", "acting", "interim", "house", "senate", "first", "crown",
      "secretary-general", "envoy", "commander", "cardinal", "archbishop", "bishop", "rabbi", "imam", "father",
      "sister", "brother", "coach", "captain", "officer", "sheriff", "state", "economy", "health");
  /** Role nouns that describe a person ("the senator", "a senior official", "spokesman Dmitry Peskov"). */
  static final Set<String> PERSON_ROLES = Set.of("president", "chancellor", "senator", "leader", "minister", "secretary",
      "governor", "speaker", "spokesman", "spokeswoman", "spokesperson", "official", "diplomat", "aide", "adviser",
      "advisor", "analyst", "professor", "economist", "researcher", "lawmaker", "legislator", "congressman",
      "congresswoman", "representative", "premier", "general", "commander", "ambassador", "mayor", "candidate", "nominee",
      "chief", "head", "director", "judge", "prosecutor", "lawyer", "attorney", "host", "voter", "resident", "owner",
      "worker", "teacher", "nurse", "student", "veteran", "engineer", "retiree", "father", "mother", "son", "daughter",
      "brother", "sister", "wife", "husband", "grandson", "granddaughter", "grandfather", "grandmother", "widow", "neighbour",
      "neighbor", "friend", "colleague", "successor", "predecessor", "rival", "opponent", "critic", "supporter", "delegate",
      "volunteer", "activist", "man", "woman", "scientist", "historian", "expert", "scholar", "manager", "chairman",
      "chairwoman", "executive", "officer", "soldier", "driver", "shopkeeper", "tailor", "barber", "pharmacist",
      "contractor", "paralegal", "firefighter", "reporter", "journalist", "broadcaster", "member", "politician",
      "republican", "democrat", "conservative", "liberal", "negotiator", "envoy", "mediator", "deputy", "strategist",
      "pollster", "organizer", "organiser", "lobbyist", "founder", "co-chair", "chair", "secretary-general",
      "prime", "participant", "source", "insider", "witness", "victim", "survivor", "citizen",
      "farmer", "banker", "investor", "trader", "doctor", "physician", "surgeon", "priest", "cleric", "monk", "pastor");
  static final Set<String> PERSON_ROLES_PLURAL = Set.of("officials", "diplomats", "aides", "advisers", "advisors",
      "analysts", "lawmakers", "legislators", "leaders", "residents", "voters", "people", "sources", "protesters",
      "critics", "supporters", "delegates", "experts", "economists", "democrats", "republicans", "members", "activists",
      "workers", "students", "veterans", "witnesses", "negotiators", "investors", "executives", "ministers", "senators");
  /** Nouns that make a phrase an organisation ("the military", "Biden's campaign", "the Joint Chiefs of Staff"). */
  static final Set<String> ORG_WORDS = Set.of("military", "ministry", "government", "party", "campaign", "committee",
      "agency", "company", "administration", "office", "department", "council", "court", "union", "group", "army",
      "navy", "house", "senate", "congress", "parliament", "assembly", "commission", "university", "institute", "school",
      "college", "academy", "bank", "fund", "association", "organization", "organisation", "corporation", "times", "news",
      "post", "journal", "forces", "staff", "chiefs", "guard", "police", "church", "cathedral", "hall", "street",
      "square", "avenue", "airport", "palace", "kremlin", "pentagon", "republic", "kingdom", "states", "nations",
      "security", "economics", "studies", "foundation", "alliance", "coalition", "movement", "front", "centre", "center",
      "club", "conference", "team", "board", "cabinet", "embassy", "service", "services", "network", "television",
      "radio", "media", "press", "statement", "spokesman's", "authority", "authorities", "regime", "junta", "summit",
      "convention", "force", "bureau");
  static final Set<String> DETERMINERS = Set.of("the", "a", "an", "one", "another", "his", "her", "their", "its", "our",
      "my", "two", "three", "four", "several", "some", "many");
  /** Words that end a description: "a diplomat involved in the talks" is "a diplomat". */
  static final Set<String> DESCRIPTION_STOPS = Set.of("of", "in", "at", "to", "for", "with", "from", "on", "by", "and",
      "or", "but", "who", "whom", "whose", "which", "that", "as", "than", "said", "says", "told", "was", "is", "were", "are",
      "had", "has", "have", "would", "will", "did", "does", "not", "also", "later", "then");
  static final Set<String> POSSESSIVE_PRONOUNS = Set.of("his", "her", "their", "its", "our", "my");
  static final Set<String> FEMALE = Set.of("mrs", "ms", "miss", "spokeswoman", "congresswoman", "chairwoman",
      "businesswoman", "sister", "daughter", "wife", "mother", "grandmother", "granddaughter", "widow", "queen",
      "princess", "lady", "dame", "woman", "actress", "niece", "aunt", "girlfriend");
  static final Set<String> MALE = Set.of("mr", "spokesman", "congressman", "chairman", "businessman", "brother", "son",
      "husband", "father", "grandfather", "grandson", "king", "prince", "sir", "lord", "man", "nephew", "uncle",
      "boyfriend", "widower");
  /** Lower-case particles inside names ("Ursula von der Leyen", "Joint Chiefs of Staff"). */
  static final Set<String> NAME_PARTICLES = Set.of("von", "van", "der", "den", "de", "da", "di", "del", "della", "la", "le",
      "bin", "al", "ibn", "dos", "du", "of", "for");
  /** An age used as a noun ("the 78-year-old said"): a person, any person the article has named. */
  static boolean isAge(String word) {
    return AGE.matcher(word).matches();
  }

  private static final Pattern AGE = Pattern.compile("\\d{1,3}-year-old");
  /** Description heads that fit whoever the article has named, office or not ("the official", "the Republican"). */
  static final Set<String> GENERIC_HEADS = Set.of("leader", "official", "republican", "democrat", "lawmaker",
      "politician", "man", "woman", "member", "conservative", "liberal", "host", "head", "chief");

  // ---------------------------------------------------------------- state

  final String text;
  final List<QuoteSpans.Span> quotes;
  final List<Token> tokens = new ArrayList<>();
  final List<Sentence> sentences = new ArrayList<>();
  final int[] quoteToken;
  private int[] sentenceOf;
  private final ActorRegistry registry;
  private final Map<Integer, AliasMatch> trackedAtToken = new HashMap<>();
  /** Registry titles with one tracked holder on the date ("the Kremlin leader"), by the token that starts them. */
  private final Map<Integer, AliasMatch> titleAtToken = new HashMap<>();
  final List<Entity> entities = new ArrayList<>();
  private final Map<String, Entity> byActor = new HashMap<>();
  private final Map<String, Entity> byName = new HashMap<>();
  private final Map<String, List<Entity>> bySurname = new HashMap<>();
  /** People by the first word of their name, for names written surname first ("Chen Wei", "Kim Jong Un"). */
  private final Map<String, Entity> byFirstWord = new HashMap<>();
  /** Full names ("Nikki Haley") anywhere in the text, quotes included, by surname, in text order. */
  private final Map<String, List<int[]>> fullNames = new HashMap<>();
  private final Map<Integer, Np> npCache = new HashMap<>();

  ArticleDiscourse(String text, List<QuoteSpans.Span> quotes, List<AliasMatch> mentions, List<AliasMatch> titles,
      ActorRegistry registry) {
    this.text = text;
    this.quotes = quotes;
    this.registry = registry;
    this.quoteToken = new int[quotes.size()];
    tokenize(mentions);
    indexByStartToken(titles, titleAtToken);
    splitSentences();
  }

  // ---------------------------------------------------------------- tokens and sentences

  /** Each match under the word token it starts at; a match that starts inside a token or a quotation is left out. */
  private void indexByStartToken(List<AliasMatch> matches, Map<Integer, AliasMatch> into) {
    int t = 0;
    List<AliasMatch> sorted = new ArrayList<>(matches);
    sorted.sort((a, b) -> Integer.compare(a.begin(), b.begin()));
    for (AliasMatch m : sorted) {
      while (t < tokens.size() && tokens.get(t).end() <= m.begin()) {
        t++;
      }
      if (t < tokens.size() && tokens.get(t).word() && tokens.get(t).begin() == m.begin()) {
        into.put(t, m);
      }
    }
  }

  private void tokenize(List<AliasMatch> mentions) {
    int n = text.length();
    int q = 0;
    int paragraph = 0;
    boolean newline = false;
    int i = 0;
    while (i < n) {
      if (q < quotes.size() && i == quotes.get(q).begin()) {
        QuoteSpans.Span span = quotes.get(q);
        if (newline) {
          paragraph++;
          newline = false;
        }
        quoteToken[q] = tokens.size();
        tokens.add(new Token(QUOTE, span.begin(), span.end(), text.substring(span.begin(), span.end()), paragraph, q));
        for (int k = span.begin(); k < span.end(); k++) {
          if (text.charAt(k) == '\n') {
            newline = true;
          } else if (newline && !Character.isWhitespace(text.charAt(k))) {
            paragraph++;
            newline = false;
          }
        }
        collectFullNames(span.begin(), span.end());
        i = span.end();
        q++;
        continue;
      }
      char c = text.charAt(i);
      if (c == '\n') {
        newline = true;
        i++;
        continue;
      }
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (newline) {
        paragraph++;
        newline = false;
      }
      if (Character.isLetterOrDigit(c)) {
        int j = i + 1;
        while (j < n) {
          char d = text.charAt(j);
          if (Character.isLetterOrDigit(d)) {
            j++;
          } else if (d == ',' && Character.isDigit(text.charAt(j - 1)) && j + 3 < n && Character.isDigit(text.charAt(j + 1))
              && Character.isDigit(text.charAt(j + 2)) && Character.isDigit(text.charAt(j + 3))) {
            j += 2; // 1,000
          } else if ((d == '’' || d == '\'' || d == '-' || d == '.' || d == '‐') && j + 1 < n
              && Character.isLetterOrDigit(text.charAt(j + 1)) && !(q < quotes.size() && j == quotes.get(q).begin())) {
            j += 2;
          } else if ((d == '’' || d == '\'') && j > i && text.charAt(j - 1) == 's' && (j + 1 >= n || !Character.isLetter(text.charAt(j + 1)))
              && !(q < quotes.size() && j == quotes.get(q).begin()) && !(j + 1 < n && text.charAt(j + 1) == '\'')) {
            j++; // plural possessive: "allies’"
            break;
          } else {
            break;
          }
        }
        if (j < n && text.charAt(j) == '.' && abbreviation(text.substring(i, j))) {
          j++;
        }
        tokens.add(new Token(WORD, i, j, text.substring(i, j), paragraph, -1));
        i = j;
        continue;
      }
      tokens.add(new Token(PUNCT, i, i + 1, String.valueOf(c), paragraph, -1));
      i++;
    }
    // Alias matches to the token that starts them (a mention is a word or a run of words).
    indexByStartToken(mentions, trackedAtToken);
    // Full names outside quotes too, for linking a bare surname to the fullest name the article gives.
    for (int k = 0; k < tokens.size(); k++) {
      Token tok = tokens.get(k);
      if (tok.upper() && k + 1 < tokens.size() && tokens.get(k + 1).upper() && tokens.get(k + 1).begin() - tok.end() == 1) {
        addFullName(tok.begin(), k + 1);
      }
    }
  }

  private static boolean abbreviation(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return ABBREVIATIONS.contains(lower) || word.length() == 1 || word.indexOf('.') >= 0;
  }

  /** Capitalised pairs inside a quotation, remembered only as full-name candidates. */
  private void collectFullNames(int begin, int end) {
    int i = begin;
    while (i < end) {
      while (i < end && !Character.isUpperCase(text.charAt(i))) {
        i++;
      }
      int w1 = i;
      while (i < end && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '-')) {
        i++;
      }
      if (i < end && text.charAt(i) == ' ' && i + 1 < end && Character.isUpperCase(text.charAt(i + 1)) && i - w1 > 1) {
        int w2 = i + 1;
        int k = w2;
        while (k < end && (Character.isLetter(text.charAt(k)) || text.charAt(k) == '-')) {
          k++;
        }
        if (k - w2 > 1) {
          String first = text.substring(w1, i);
          String last = text.substring(w2, k);
          if (!NOT_NAMES.contains(first.toLowerCase(Locale.ROOT)) && !TITLE_WORDS.contains(first.toLowerCase(Locale.ROOT))) {
            fullNames.computeIfAbsent(last, x -> new ArrayList<>()).add(new int[] {w1, k});
          }
        }
      }
      if (i == w1) {
        i++;
      }
    }
  }

  private void addFullName(int begin, int lastToken) {
    Token last = tokens.get(lastToken);
    Token first = tokens.get(lastToken - 1);
    String firstWord = first.lower();
    if (NOT_NAMES.contains(firstWord) || TITLE_WORDS.contains(stripDot(firstWord)) || first.possessive()) {
      return;
    }
    fullNames.computeIfAbsent(last.bare(), x -> new ArrayList<>()).add(new int[] {begin, last.begin() + last.bare().length()});
  }

  private final Map<Integer, Integer> paragraphFirstToken = new HashMap<>();

  int firstTokenOfParagraph(int paragraph) {
    return paragraphFirstToken.getOrDefault(paragraph, 0);
  }

  private void splitSentences() {
    for (int i = 0; i < tokens.size(); i++) {
      paragraphFirstToken.putIfAbsent(tokens.get(i).paragraph(), i);
    }
    sentenceOf = new int[tokens.size()];
    int from = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      boolean end = next == null || next.paragraph() != t.paragraph();
      if (!end && t.kind() == PUNCT && (t.is('.') || t.is('?') || t.is('!'))) {
        end = next.kind() == QUOTE || next.upper() || (next.word() && Character.isDigit(next.text().charAt(0)));
      }
      if (!end && t.kind() == QUOTE && endsSentence(t.quote())) {
        end = next.kind() == QUOTE || (next.upper() && !next.text().equals("I"));
        char last = lastInnerChar(t.quote());
        if (end && (last == '?' || last == '!') && next.kind() != QUOTE && attributionFollows(i + 1)) {
          end = false; // "“Who pays?” Schumer asked."
        }
      }
      if (end) {
        Sentence s = new Sentence(sentences.size(), from, i + 1, tokens.get(from).paragraph());
        for (int k = from; k <= i; k++) {
          sentenceOf[k] = s.index();
        }
        sentences.add(s);
        from = i + 1;
      }
    }
  }

  /** A name or description followed within a few words by a lower-case speech verb. */
  private boolean attributionFollows(int k) {
    for (int j = k; j < tokens.size() && j - k < 6; j++) {
      Token t = tokens.get(j);
      if (!t.word() || t.paragraph() != tokens.get(k).paragraph()) {
        return false;
      }
      if (!t.upper() && SpeechVerbs.lookup(t.text()) != null) {
        return j > k;
      }
    }
    return false;
  }

  /** The last character of the words inside a quotation, nested closing marks skipped. */
  char lastInnerChar(int quote) {
    QuoteSpans.Span span = quotes.get(quote);
    int j = QuoteSpans.innerEnd(text, span) - 1;
    int begin = QuoteSpans.innerBegin(text, span);
    while (j >= begin && (Character.isWhitespace(text.charAt(j)) || "’'\"”".indexOf(text.charAt(j)) >= 0)) {
      j--;
    }
    return j >= begin ? text.charAt(j) : ' ';
  }

  boolean endsSentence(int quote) {
    char c = lastInnerChar(quote);
    return c == '.' || c == '?' || c == '!';
  }

  Sentence sentenceOf(int token) {
    return sentences.get(sentenceOf[token]);
  }

  Token token(int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
  }

  String lower(int i) {
    Token t = token(i);
    return t == null || !t.word() ? "" : t.lower();
  }

  static String stripDot(String word) {
    return word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
  }

  // ---------------------------------------------------------------- noun phrases

  /** The noun phrase that starts at token {@code i} and stays before {@code limit}, or null. */
  Np np(int i, int limit) {
    if (i < 0 || i >= limit || i >= tokens.size()) {
      return null;
    }
    Np cached = npCache.get(i);
    if (cached != null && cached.to() <= limit) {
      return cached;
    }
    Np np = parse(i, limit);
    if (np != null && cached == null) {
      npCache.put(i, np);
    }
    return np;
  }

  private Np parse(int i, int limit) {
    Token t = tokens.get(i);
    if (!t.word()) {
      return null;
    }
    String lower = t.lower();
    switch (lower) {
      case "he", "she", "it", "they", "we" -> {
        return new Np(i, i + 1, NpKind.PRONOUN, null, t.text(), lower, Set.of());
      }
      default -> { }
    }
    if (lower.equals("one") && lower(i + 1).equals("of") && (lower(i + 2).equals("them") || lower(i + 2).equals("those"))) {
      return anonymous(i, i + 3, "one of them", Set.of());
    }
    if (DETERMINERS.contains(lower) || (t.possessive() && i + 1 < limit && !tokens.get(i + 1).upper())) {
      return description(i, limit);
    }
    if (t.upper() || trackedAtToken.containsKey(i)) {
      return nameOrRole(i, limit);
    }
    if (PERSON_ROLES.contains(lower) && !lower.equals("man") && !lower.equals("woman")) {
      // A lower-case role directly before a name: "spokesman Dmitry Peskov", "graduate student Tom Feld".
      int j = i;
      while (j < limit && j - i < 3 && tokens.get(j).word() && !tokens.get(j).upper()) {
        j++;
      }
      if (j < limit && (tokens.get(j).upper() || trackedAtToken.containsKey(j)) && PERSON_ROLES.contains(lower(j - 1))) {
        Np name = nameOrRole(j, limit);
        if (name != null && name.kind() == NpKind.NAME && name.entity() != null) {
          addRoles(name.entity(), i, j);
          return new Np(i, name.to(), NpKind.NAME, name.entity(), span(i, name.to()), null, Set.of());
        }
      }
    }
    return null;
  }

  /** "the senator", "a European diplomat involved in the talks", "His sister", "Biden's campaign". */
  private Np description(int i, int limit) {
    Token first = tokens.get(i);
    String det = first.lower();
    boolean possessive = first.possessive() || POSSESSIVE_PRONOUNS.contains(det);
    Set<String> modifiers = new LinkedHashSet<>();
    if (first.possessive()) {
      modifiers.add(first.bare().toLowerCase(Locale.ROOT));
    }
    int personHead = -1;
    int orgHead = -1;
    int pluralHead = -1;
    for (int j = i + 1; j < limit && j - i <= 7; j++) {
      Token t = tokens.get(j);
      if (!t.word()) {
        break;
      }
      String w = stripDot(t.lower());
      if (DESCRIPTION_STOPS.contains(w) || (SpeechVerbs.lookup(w) != null && !PERSON_ROLES.contains(w))) {
        break;
      }
      if (t.possessive()) {
        modifiers.add(t.bare().toLowerCase(Locale.ROOT));
        continue;
      }
      if (PERSON_ROLES.contains(w) || isAge(w)) {
        personHead = j;
      } else if (PERSON_ROLES_PLURAL.contains(w)) {
        pluralHead = j;
      } else if (ORG_WORDS.contains(w)) {
        orgHead = j;
      } else if (personHead >= 0 || pluralHead >= 0) {
        break; // the phrase ended at its head
      }
      if (t.upper()) {
        modifiers.add(w);
      }
    }
    int head = Math.max(personHead, pluralHead);
    boolean org = head < 0 && orgHead >= 0;
    if (org) {
      head = orgHead;
    }
    if (head < 0) {
      if (det.equals("the") && i + 1 < limit && tokens.get(i + 1).upper()) {
        Np name = nameOrRole(i + 1, limit); // "the Kremlin", "the White House"
        if (name != null && name.entity() != null) {
          return new Np(i, name.to(), NpKind.ORG, name.entity(), span(i, name.to()), null, Set.of());
        }
      }
      return null;
    }
    int to = head + 1;
    // A compound role: "the secretary general", "the prime minister".
    String headWord = stripDot(tokens.get(head).lower());
    if (head > i + 1 && PERSON_ROLES.contains(stripDot(tokens.get(head - 1).lower()))) {
      headWord = stripDot(tokens.get(head - 1).lower()) + " " + headWord;
    }
    String surface = span(i, to);
    if (org) {
      if (first.possessive() || (i + 1 <= head && tokens.get(i + 1).upper())) {
        Entity e = organisation(surface.replaceFirst("^(?i)the ", ""));
        return new Np(i, to, NpKind.ORG, e, surface, headWord, modifiers);
      }
      return new Np(i, to, NpKind.DEFINITE, null, surface, headWord, modifiers);
    }
    if (head == pluralHead) {
      return new Np(i, to, NpKind.GROUP, null, surface, headWord, modifiers);
    }
    if (possessive) {
      return new Np(i, to, NpKind.POSSESSIVE_ROLE, null, surface, headWord, modifiers);
    }
    if (det.equals("the")) {
      return new Np(i, to, NpKind.DEFINITE, registryTitleHolder(i, to), surface, headWord, modifiers);
    }
    // "a senior European official involved in the talks": an unnamed source.
    return anonymous(i, to, headWord, modifiers);
  }

  /** The tracked holder when the description {@code [from, to)} is exactly a registry title with one holder. */
  private Entity registryTitleHolder(int from, int to) {
    AliasMatch title = titleAtToken.get(from);
    if (title == null || title.end() != tokens.get(to - 1).begin() + tokens.get(to - 1).bare().length()) {
      return null;
    }
    Actor actor = registry.byId(title.actorId());
    return actor == null ? null : actorEntity(actor);
  }

  private Np anonymous(int from, int to, String head, Set<String> modifiers) {
    Entity e = new Entity(entities.size(), null, null, EntityKind.ANONYMOUS);
    e.roleWords.add(head);
    e.roleWords.addAll(modifiers);
    String h = head.contains(" ") ? head.substring(head.lastIndexOf(' ') + 1) : head;
    if (FEMALE.contains(h)) {
      e.pronoun = "she";
    } else if (MALE.contains(h)) {
      e.pronoun = "he";
    }
    entities.add(e);
    return new Np(from, to, NpKind.INDEFINITE, e, span(from, to), head, modifiers);
  }

  /**
   * A capitalised run: an optional title ("Russian President", "Sen.", "House Speaker"), then a name;
   * or a run followed by a lower-case role and another run ("Senate Republican leader Mitch McConnell").
   */
  private Np nameOrRole(int i, int limit) {
    int end = run(i, limit);
    if (end <= i) {
      return null;
    }
    if (tokens.get(end - 1).possessive() && end < limit && tokens.get(end).word() && !tokens.get(end).upper()) {
      Np description = description(end - 1, limit);
      if (description != null) {
        name(i, end); // the owner is still an entity of the article
        return new Np(i, description.to(), description.kind(), description.entity(), span(i, description.to()),
            description.head(), description.modifiers());
      }
    }
    if (tokens.get(end - 1).possessive() && end < limit && tokens.get(end).upper()) {
      // "Netanyahu’s Likud party", "South Korea's Joint Chiefs of Staff": an organisation owned by a name.
      int end2 = run(end, limit);
      int k = end2;
      while (k < limit && k - end2 < 2 && tokens.get(k).word() && ORG_WORDS.contains(tokens.get(k).lower())) {
        k++;
      }
      boolean orgWord = k > end2;
      for (int m = end; m < end2 && !orgWord; m++) {
        orgWord = ORG_WORDS.contains(tokens.get(m).lower());
      }
      if (end2 > end && orgWord) {
        return new Np(i, k, NpKind.ORG, organisation(span(i, k)), span(i, k), null, Set.of());
      }
    }
    // "Senate Democratic leader Chuck Schumer", "Kremlin spokesman Dmitry Peskov", "Former first lady Michelle Obama".
    int j = end;
    while (j < limit && j - end < 3 && tokens.get(j).word() && !tokens.get(j).upper()
        && (PERSON_ROLES.contains(tokens.get(j).lower()) || tokens.get(j).lower().equals("first")
        || tokens.get(j).lower().equals("lady"))) {
      j++;
    }
    if (j > end && j < limit && (tokens.get(j).upper() || trackedAtToken.containsKey(j)) && !tokens.get(end - 1).possessive()) {
      int end2 = run(j, limit);
      if (end2 > j) {
        Np name = name(j, end2);
        if (name != null && name.entity() != null) {
          addRoles(name.entity(), i, j);
          return new Np(i, end2, NpKind.NAME, name.entity(), span(i, end2), null, Set.of());
        }
      }
    }
    return name(i, end);
  }

  /** End (exclusive) of the run of capitalised words starting at {@code i}. */
  private int run(int i, int limit) {
    int j = i;
    limit = Math.min(limit, i + MAX_NAME_TOKENS);
    while (j < limit) {
      Token t = tokens.get(j);
      if (!t.word()) {
        break;
      }
      boolean capital = t.upper() || trackedAtToken.containsKey(j);
      if (capital) {
        if (j == i && NOT_NAMES.contains(t.lower()) && !TITLE_WORDS.contains(stripDot(t.lower()))) {
          // "The", "In": never the start of a name, unless a tracked alias begins here.
          if (!trackedAtToken.containsKey(j)) {
            return i;
          }
        }
        j++;
        if (t.possessive()) {
          break;
        }
        continue;
      }
      if (NAME_PARTICLES.contains(t.lower()) && j > i) {
        String w = t.lower();
        String prev = stripDot(tokens.get(j - 1).lower());
        if ((w.equals("of") || w.equals("for")) && !ORG_WORDS.contains(prev) && !TITLE_WORDS.contains(prev)) {
          break;
        }
        int k = j;
        while (k < limit && k - j < 3 && tokens.get(k).word() && NAME_PARTICLES.contains(tokens.get(k).lower())) {
          k++;
        }
        if (k < limit && tokens.get(k).upper()) {
          j = k;
          continue;
        }
      }
      break;
    }
    return j;
  }

  /** The name in the run {@code [i, end)}: title words stripped, linked to its entity. */
  private Np name(int i, int end) {
    AliasMatch tracked = null;
    int trackedToken = -1;
    for (int k = i; k < end; k++) {
      AliasMatch m = trackedAtToken.get(k);
      if (m != null) {
        tracked = m;
        trackedToken = k;
      }
    }
    int nameFrom = i;
    for (int k = i; k < end; k++) {
      String w = stripDot(tokens.get(k).lower());
      boolean title = TITLE_WORDS.contains(w) || (w.equals("of") && k > i && TITLE_WORDS.contains(stripDot(tokens.get(k - 1).lower())))
          || (k > i && tokens.get(k - 1).lower().equals("of") && k - 2 >= i && TITLE_WORDS.contains(stripDot(tokens.get(k - 2).lower())));
      if (title && k + 1 < end) {
        nameFrom = k + 1;
      }
    }
    Token last = tokens.get(end - 1);
    boolean possessive = last.possessive();
    if (tracked != null && trackedToken >= nameFrom) {
      Actor actor = registry.byId(tracked.actorId());
      Entity e = actorEntity(actor);
      if (tracked.end() < last.begin() + last.bare().length() && !possessive) {
        // The alias is only part of a longer capitalised run ("European Union official" is handled by descriptions).
        String after = text.substring(tracked.end(), last.end()).strip();
        if (!after.isEmpty() && Character.isUpperCase(after.charAt(0)) && ORG_WORDS.contains(tokens.get(end - 1).lower())) {
          return new Np(i, end, NpKind.ORG, organisation(span(trackedToken, end)), span(i, end), null, Set.of());
        }
      }
      addRoles(e, i, nameFrom > trackedToken ? i : nameFrom);
      return new Np(i, end, possessive ? NpKind.POSSESSIVE_ROLE : NpKind.NAME, e, span(i, end), null, Set.of());
    }
    if (nameFrom >= end) {
      return null; // only a title: "the Prime Minister", "President"
    }
    List<String> words = new ArrayList<>();
    boolean orgish = false;
    for (int k = nameFrom; k < end; k++) {
      String w = k == end - 1 ? tokens.get(k).bare() : tokens.get(k).text();
      words.add(w);
      orgish |= ORG_WORDS.contains(w.toLowerCase(Locale.ROOT)) || w.equals("of") || w.equals("for");
    }
    String full = String.join(" ", words);
    if (possessive) {
      // "Netanyahu’s Likud party", "Biden's campaign" are handled as descriptions by the caller.
      Entity e = orgish ? organisation(full) : person(full, nameFrom > i, i, nameFrom);
      return new Np(i, end, NpKind.POSSESSIVE_ROLE, e, span(i, end), null, Set.of());
    }
    Entity e = orgish ? organisation(full) : person(full, nameFrom > i, i, nameFrom);
    return new Np(i, end, e.kind == EntityKind.ORG ? NpKind.ORG : NpKind.NAME, e, span(i, end), null, Set.of());
  }

  String span(int from, int to) {
    return text.substring(tokens.get(from).begin(), tokens.get(to - 1).end());
  }

  // ---------------------------------------------------------------- entities

  Entity actorEntity(Actor actor) {
    Entity e = byActor.get(actor.id());
    if (e == null) {
      e = new Entity(entities.size(), actor.name(), actor.id(), "person".equals(actor.kind()) ? EntityKind.PERSON : EntityKind.ORG);
      String pronoun = actor.attributes().get("pronoun");
      if ("he".equals(pronoun) || "she".equals(pronoun)) {
        e.pronoun = pronoun;
      }
      entities.add(e);
      byActor.put(actor.id(), e);
      if (actor.surname() != null) {
        bySurname.computeIfAbsent(actor.surname(), k -> new ArrayList<>()).add(e);
        byFirstWord.putIfAbsent(actor.name().substring(0, actor.name().indexOf(' ')), e);
      }
    }
    return e;
  }

  Entity organisation(String name) {
    String key = "org:" + name.toLowerCase(Locale.ROOT);
    Entity e = byName.get(key);
    if (e == null) {
      e = new Entity(entities.size(), name, null, EntityKind.ORG);
      entities.add(e);
      byName.put(key, e);
    }
    return e;
  }

  /**
   * The person a name refers to: the same full name, or for a bare surname the latest person with that
   * surname (or the full name the article gives for it elsewhere), else a new entity.
   */
  private Entity person(String name, boolean titled, int runFrom, int nameFrom) {
    String[] words = name.split(" ");
    String surname = words[words.length - 1];
    Entity e;
    if (words.length > 1) {
      e = byName.get(name);
      if (e == null) {
        e = new Entity(entities.size(), name, null, EntityKind.PERSON);
        entities.add(e);
        byName.put(name, e);
        bySurname.computeIfAbsent(surname, k -> new ArrayList<>()).add(e);
        byFirstWord.putIfAbsent(words[0], e);
      }
    } else {
      List<Entity> same = bySurname.get(surname);
      if (same != null && !same.isEmpty()) {
        e = same.get(same.size() - 1);
      } else if (byFirstWord.containsKey(surname) && byFirstWord.get(surname).kind == EntityKind.PERSON) {
        e = byFirstWord.get(surname); // "Mr. Kim", "Chen said" after "Chen Wei"
      } else {
        String full = fullNameFor(surname);
        e = byName.get(full);
        if (e == null) {
          e = new Entity(entities.size(), full, null, full.contains(" ") || titled ? EntityKind.PERSON : EntityKind.UNKNOWN);
          entities.add(e);
          byName.put(full, e);
          bySurname.computeIfAbsent(surname, k -> new ArrayList<>()).add(e);
        }
      }
    }
    if (titled) {
      if (e.kind == EntityKind.UNKNOWN) {
        e.kind = EntityKind.PERSON;
      }
      addRoles(e, runFrom, nameFrom);
    }
    // Move it to the end of its surname list: the latest mention wins for a bare surname.
    List<Entity> list = bySurname.get(surname);
    if (list != null && list.get(list.size() - 1) != e) {
      list.remove(e);
      list.add(e);
    }
    return e;
  }

  private String fullNameFor(String surname) {
    List<int[]> spans = fullNames.get(surname);
    if (spans == null) {
      return surname;
    }
    int[] first = spans.get(0);
    String full = text.substring(first[0], first[1]);
    return full.contains("\n") ? surname : full;
  }

  /** Title and role words of tokens {@code [from, to)} become the entity's roles (and maybe its pronoun). */
  void addRoles(Entity e, int from, int to) {
    for (int k = from; k < to && k < tokens.size(); k++) {
      Token t = tokens.get(k);
      if (!t.word()) {
        continue;
      }
      String w = stripDot(t.lower());
      if (t.possessive()) {
        w = t.bare().toLowerCase(Locale.ROOT);
      }
      w = switch (w) {
        case "sen" -> "senator";
        case "rep" -> "representative";
        case "gov" -> "governor";
        case "gen" -> "general";
        case "president-elect" -> "president";
        default -> w;
      };
      if (FEMALE.contains(w) && e.pronoun == null) {
        e.pronoun = "she";
      } else if (MALE.contains(w) && e.pronoun == null && !w.equals("man")) {
        e.pronoun = "he";
      }
      if (!w.equals("mr") && !w.equals("mrs") && !w.equals("ms") && !w.equals("miss")) {
        e.roleWords.add(w);
      }
      if (e.kind == EntityKind.UNKNOWN && (PERSON_ROLES.contains(w) || TITLE_WORDS.contains(w))) {
        e.kind = EntityKind.PERSON;
      }
    }
  }

  /** Records the pronoun the article uses for an entity, when not already known. */
  void evidencePronoun(Entity e, String pronoun) {
    if (e != null && e.pronoun == null && (pronoun.equals("he") || pronoun.equals("she"))
        && (e.kind == EntityKind.PERSON || e.kind == EntityKind.UNKNOWN)) {
      e.pronoun = pronoun;
      if (e.kind == EntityKind.UNKNOWN) {
        e.kind = EntityKind.PERSON;
      }
    }
  }
}
