package org.biasaudit.actors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * Finds every registry phrase (aliases, metonyms, titles, and the longer names of other people that contain
 * an alias) in a text in one pass of an Aho-Corasick automaton, so the cost is linear in the text length
 * whatever the size of the registry. It runs before CoreNLP and decides which articles and sentences reach
 * the expensive annotators; {@link ArticleReferences} then decides, from the article's context, whom each
 * hit means.
 *
 * <p>Rules, in order:
 * <ul>
 *   <li>Matching is on {@link TextFolding folded} text: curly apostrophes and diacritics do not matter.
 *   <li>Names and metonyms must match the registry's case, except in all-capitals text (headlines): "PUTIN"
 *       is Putin, "trump card" is not Trump. Titles match in any case ("the Russian President").
 *   <li>A match must start and end on a word boundary; a possessive ("Putin's") is a mention.
 *   <li>A phrase joined by a hyphen to another word ("Trump-era", "anti-Putin", "Biden-Harris",
 *       "Kremlin-backed", "president-elect") is a modifier, not a reference, and is not a hit.
 *   <li>Overlapping matches resolve to the longest; an {@code exclude} phrase ("Melania Trump",
 *       "Donald Trump Jr.") beats the alias inside it.
 *   <li>A bare surname directly after another capitalised given name ("Tiffany Trump") or directly before a
 *       generational suffix ("Trump Jr.") names somebody else: a {@link NameHit.Kind#NAMESAKE} hit.
 * </ul>
 */
public final class AliasMatcher {
  /** Capitalised words that may stand right before a surname without making it another person. */
  private static final Set<String> NOT_GIVEN_NAMES = Set.of(
      "President", "Presidents", "Vice", "Former", "Ex", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.",
      "Sen", "Sen.", "Senator", "Rep", "Rep.", "Representative", "Gov", "Gov.", "Governor", "Leader", "Speaker",
      "Chancellor", "Minister", "Premier", "Prime", "Secretary", "General", "Gen.", "Chairman", "Chair",
      "Candidate", "Nominee", "Republican", "Republicans", "Democrat", "Democrats", "Democratic", "GOP",
      "Mayor", "King", "Queen", "Prince", "Sir", "Lord", "Dame", "Pope", "Emperor", "Comrade", "Director",
      "When", "While", "But", "And", "Or", "If", "As", "After", "Before", "Since", "Until", "Though",
      "Although", "Because", "So", "Yet", "Still", "Then", "Now", "Today", "Yesterday", "Tomorrow", "Meanwhile",
      "Why", "How", "What", "Where", "Who", "Whom", "Whether", "Once", "Unlike", "Like", "With", "Without",
      "For", "From", "To", "In", "On", "At", "By", "Of", "Under", "Over", "Against", "Between", "About", "Did",
      "Does", "Do", "Has", "Had", "Have", "Is", "Was", "Will", "Would", "Could", "Should", "Can", "May",
      "Might", "Must", "That", "This", "These", "Those", "The", "A", "An", "Even", "Only", "Also", "Both",
      "Neither", "Either", "Not", "No", "Yes", "Ask", "Asked", "Said", "Says", "Monday", "Tuesday",
      "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
      "June", "July", "August", "September", "October", "November", "December", "US", "U.S.", "UK", "EU",
      "Russian", "American", "Ukrainian", "Chinese", "French", "German", "Israeli", "Turkish", "Indian",
      "British", "Western", "Kremlin", "White", "House", "Ambassador", "Envoy", "Officials", "Critics",
      "Supporters", "Allies", "Aides", "Team", "Campaign", "Administration", "Trumpian", "Saudi", "Crown");
  static final Set<String> SUFFIXES = Set.of("Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV");

  private final ActorRegistry registry;
  private final Trie trie;
  /** Keyed by the lower-cased folded keyword; "NATO" and "Nato" share a key but keep their own case. */
  private final Map<String, List<Target>> targets;

  private enum TargetKind { ALIAS, EXCLUDE, METONYM, TITLE }

  /**
   * What a keyword in the automaton stands for. {@code text} is the registry's spelling, folded.
   * For an exclude phrase, {@code actorId} is the actor whose list holds it and {@code namesake} the other
   * person's key when the phrase is a person's name ("Hunter Biden"), null when it is a thing ("Trump Tower").
   */
  private record Target(TargetKind kind, String actorId, String text, boolean surnameOnly, Set<String> firstNames,
      DatedPhrase phrase, boolean specific, String namesake, String surname) {}

  public AliasMatcher(ActorRegistry registry) {
    this.registry = registry;
    Map<String, List<Target>> byKeyword = new HashMap<>();
    for (Actor actor : registry.actors()) {
      String surname = actor.surname();
      Set<String> givenNames = new HashSet<>(actor.firstNames());
      for (String alias : actor.aliases()) {
        String key = TextFolding.fold(alias);
        boolean surnameOnly = surname != null && key.equals(TextFolding.fold(surname));
        add(byKeyword, key, new Target(TargetKind.ALIAS, actor.id(), key, surnameOnly, givenNames, null, false, null, null));
      }
      for (DatedPhrase metonym : actor.metonyms()) {
        String key = TextFolding.fold(metonym.text());
        add(byKeyword, key, new Target(TargetKind.METONYM, actor.id(), key, false, Set.of(), metonym, false, null, null));
      }
      for (DatedPhrase title : actor.titles()) {
        String key = TextFolding.fold(title.text());
        boolean specific = !generic(key).equals(key);
        add(byKeyword, key, new Target(TargetKind.TITLE, actor.id(), key, false, Set.of(), title, specific, null, null));
        if (specific && !generic(key).isEmpty()) {
          add(byKeyword, generic(key), new Target(TargetKind.TITLE, actor.id(), generic(key), false, Set.of(),
              new DatedPhrase(generic(title.text()), title.from(), title.to()), false, null, null));
        }
      }
    }
    for (Actor actor : registry.actors()) {
      for (String phrase : actor.exclude()) {
        String key = TextFolding.fold(phrase);
        String surname = actor.surname() == null ? null : TextFolding.fold(actor.surname());
        add(byKeyword, key, new Target(TargetKind.EXCLUDE, actor.id(), key, false, Set.of(), null, false,
            namesakeKey(key, surname), surname));
      }
    }
    this.targets = byKeyword;
    this.trie = Trie.builder().ignoreCase().addKeywords(byKeyword.keySet()).build();
  }

  private static void add(Map<String, List<Target>> byKeyword, String key, Target target) {
    List<Target> list = byKeyword.computeIfAbsent(lower(key), k -> new ArrayList<>());
    if (!list.contains(target)) {
      list.add(target);
    }
  }

  /**
   * A title without its capitalised words: "Russian president" -> "president", "former US president" ->
   * "former president". A title that is all lower case is its own generic form.
   */
  static String generic(String title) {
    List<String> kept = new ArrayList<>();
    for (String word : title.trim().split("\\s+")) {
      if (!word.isEmpty() && !Character.isUpperCase(word.charAt(0))) {
        kept.add(word);
      }
    }
    // "president of Russia" -> "president", "Speaker of the House" -> "" (no generic form).
    while (!kept.isEmpty() && GENERIC_FILLER.contains(kept.get(kept.size() - 1))) {
      kept.remove(kept.size() - 1);
    }
    while (!kept.isEmpty() && GENERIC_FILLER.contains(kept.get(0))) {
      kept.remove(0);
    }
    return String.join(" ", kept);
  }

  private static final Set<String> GENERIC_FILLER = Set.of("of", "the", "for", "and");

  /**
   * The key of the person an exclude phrase names when it is a person's name sharing the actor's surname
   * ("hunter biden", or "trump jr." for any "... Trump Jr."); null for things ("Trump Tower", "Obamacare").
   */
  private static String namesakeKey(String phrase, String surname) {
    if (surname == null) {
      return null;
    }
    String[] words = phrase.trim().split("\\s+");
    int last = words.length - 1;
    if (last >= 1 && SUFFIXES.contains(words[last]) && words[last - 1].equals(surname)) {
      return lower(surname + " jr.");
    }
    return last >= 1 && words[last].equals(surname) ? lower(phrase.trim()) : null;
  }

  public ActorRegistry registry() {
    return registry;
  }

  /**
   * The actor names in {@code text} taken on their own (no publication date, no other field): each bare
   * surname is resolved within this text only. Sorted by position, never overlapping.
   */
  public List<AliasMatch> find(String text) {
    return ArticleReferences.resolve(this, "", text == null ? "" : text, null).names("text");
  }

  /** Every hit in {@code text}, sorted by position, never overlapping. */
  public List<NameHit> scan(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String folded = TextFolding.fold(text);
    Collection<Emit> emits = trie.parseText(folded);
    List<Candidate> candidates = new ArrayList<>();
    for (Emit emit : emits) {
      int begin = emit.getStart();
      int end = emit.getEnd() + 1;
      List<Target> options = targets.get(lower(emit.getKeyword()));
      if (options == null || !onWordBoundaries(folded, begin, end)) {
        continue;
      }
      String surface = folded.substring(begin, end);
      List<Target> agreeing = new ArrayList<>();
      for (Target target : options) {
        boolean caseOk = target.kind() == TargetKind.TITLE || caseAgrees(surface, target.text(), folded, begin, end);
        if (caseOk && (agreeing.isEmpty() || agreeing.get(0).kind() == target.kind())) {
          agreeing.add(target);
        }
      }
      if (!agreeing.isEmpty()) {
        candidates.add(new Candidate(begin, end, agreeing));
      }
    }
    candidates.sort(Comparator.comparingInt(Candidate::begin).thenComparing(c -> -(c.end() - c.begin())));
    List<NameHit> hits = new ArrayList<>();
    int coveredUntil = -1;
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (c.begin() < coveredUntil || overlappedByLonger(candidates, i)) {
        continue;
      }
      coveredUntil = c.end();
      if (isHyphenated(folded, c.begin(), c.end())) {
        continue;
      }
      NameHit hit = toHit(text, folded, c);
      if (hit != null) {
        hits.add(hit);
      }
    }
    return hits;
  }

  private NameHit toHit(String text, String folded, Candidate c) {
    Target first = c.targets().get(0);
    String surface = text.substring(c.begin(), c.end());
    switch (first.kind()) {
      case EXCLUDE -> {
        return first.namesake() == null ? null
            : new NameHit(NameHit.Kind.NAMESAKE, c.begin(), c.end(), surface, List.of(), false, first.namesake(),
                first.surname(), false);
      }
      case METONYM, TITLE -> {
        Map<String, NameHit.Candidate> holders = new LinkedHashMap<>();
        boolean specific = false;
        for (Target t : c.targets()) {
          holders.putIfAbsent(t.actorId() + "|" + t.phrase(), new NameHit.Candidate(t.actorId(), t.phrase()));
          specific |= t.specific();
        }
        return new NameHit(first.kind() == TargetKind.TITLE ? NameHit.Kind.TITLE : NameHit.Kind.METONYM, c.begin(), c.end(),
            surface, List.copyOf(holders.values()), false, first.kind() == TargetKind.TITLE ? first.text() : null, null,
            specific);
      }
      default -> {
        List<NameHit.Candidate> claimants = new ArrayList<>();
        boolean surnameOnly = false;
        Set<String> givenNames = new HashSet<>();
        for (Target t : c.targets()) {
          claimants.add(new NameHit.Candidate(t.actorId(), null));
          surnameOnly |= t.surnameOnly();
          givenNames.addAll(t.firstNames());
        }
        if (surnameOnly) {
          String other = someoneElse(folded, c.begin(), c.end(), givenNames);
          if (other != null) {
            return new NameHit(NameHit.Kind.NAMESAKE, c.begin(), c.end(), surface, List.of(), false, other,
                first.text(), false);
          }
        }
        return new NameHit(NameHit.Kind.NAME, c.begin(), c.end(), surface, claimants, surnameOnly, null, null, false);
      }
    }
  }

  private record Candidate(int begin, int end, List<Target> targets) {}

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static boolean overlappedByLonger(List<Candidate> sorted, int index) {
    Candidate c = sorted.get(index);
    for (int j = index + 1; j < sorted.size() && sorted.get(j).begin() < c.end(); j++) {
      Candidate other = sorted.get(j);
      if (other.end() - other.begin() > c.end() - c.begin()) {
        return true;
      }
    }
    return false;
  }

  private static boolean onWordBoundaries(String text, int begin, int end) {
    boolean startOk = begin == 0 || !Character.isLetterOrDigit(text.charAt(begin - 1));
    boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
    return startOk && endOk;
  }

  /** Exact case, or an all-capitals stretch of text such as a shouted headline. */
  private static boolean caseAgrees(String surface, String alias, String text, int begin, int end) {
    if (surface.equals(alias)) {
      return true;
    }
    if (!surface.equals(surface.toUpperCase(Locale.ROOT)) || alias.equals(alias.toUpperCase(Locale.ROOT))) {
      return false;
    }
    return isShouted(text, begin, end);
  }

  /** More than four capitals for every lower-case letter within 40 characters: a shouted headline. */
  static boolean isShouted(String text, int begin, int end) {
    int from = Math.max(0, begin - 40);
    int to = Math.min(text.length(), end + 40);
    int upper = 0;
    int lower = 0;
    for (int i = from; i < to; i++) {
      char ch = text.charAt(i);
      if (Character.isUpperCase(ch)) {
        upper++;
      } else if (Character.isLowerCase(ch)) {
        lower++;
      }
    }
    return lower * 4 < upper;
  }

  private static boolean isHyphenated(String text, int begin, int end) {
    boolean before = begin >= 2 && text.charAt(begin - 1) == '-' && Character.isLetterOrDigit(text.charAt(begin - 2));
    boolean after = end + 1 < text.length() && text.charAt(end) == '-' && Character.isLetterOrDigit(text.charAt(end + 1));
    return before || after;
  }

  /**
   * The key of the other person a bare surname names here ("tiffany trump" for "Tiffany Trump", "trump jr."
   * for "Trump Jr."), or null when nothing says it is somebody else.
   */
  private static String someoneElse(String text, int begin, int end, Set<String> firstNames) {
    String surname = text.substring(begin, end);
    String next = wordAfter(text, end);
    if (next != null && SUFFIXES.contains(next)) {
      return lower(surname + " jr.");
    }
    String previous = wordBefore(text, begin);
    if (previous == null || previous.isEmpty() || !Character.isUpperCase(previous.charAt(0))) {
      return null;
    }
    if (firstNames.contains(previous) || NOT_GIVEN_NAMES.contains(previous)) {
      return null;
    }
    // An initial ("J.") or an all-capitals word (a headline) says nothing about another person.
    if (previous.endsWith(".") || previous.equals(previous.toUpperCase(Locale.ROOT))) {
      return null;
    }
    return lower(previous + " " + surname);
  }

  /** The word directly before {@code begin}, separated by exactly one space; null otherwise. */
  static String wordBefore(String text, int begin) {
    if (begin < 2 || text.charAt(begin - 1) != ' ') {
      return null;
    }
    int i = begin - 2;
    while (i >= 0 && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '.')) {
      i--;
    }
    if (i >= 0 && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '(' && text.charAt(i) != '"'
        && text.charAt(i) != '\'') {
      return null;
    }
    return text.substring(i + 1, begin - 1);
  }

  /** The word after {@code end}, past one optional comma and exactly one space; null otherwise. */
  static String wordAfter(String text, int end) {
    int i = end;
    if (i < text.length() && text.charAt(i) == ',') {
      i++;
    }
    if (i >= text.length() || text.charAt(i) != ' ') {
      return null;
    }
    int j = i + 1;
    while (j < text.length() && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '.')) {
      j++;
    }
    return text.substring(i + 1, j);
  }
}
