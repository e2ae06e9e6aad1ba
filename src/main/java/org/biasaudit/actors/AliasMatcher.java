package org.biasaudit.actors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * Finds every registry alias in a text in one pass of an Aho-Corasick automaton, so the cost is linear in
 * the text length whatever the size of the registry. It runs before CoreNLP and decides which articles
 * and sentences reach the expensive annotators.
 *
 * <p>Rules, in order:
 * <ul>
 *   <li>Matching is on {@link TextFolding folded} text: curly apostrophes and diacritics do not matter.
 *   <li>Case must match the alias, except in all-capitals text (headlines): "PUTIN" is Putin, "trump card"
 *       is not Trump.
 *   <li>A match must start and end on a word boundary; a possessive ("Putin's") is a mention.
 *   <li>A name joined by a hyphen to another word ("Trump-era", "anti-Putin", "Biden-Harris") is a
 *       modifier, not a reference to the person, and is not a mention.
 *   <li>Overlapping matches resolve to the longest; an {@code exclude} phrase ("Melania Trump",
 *       "Donald Trump Jr.") beats the alias inside it.
 *   <li>A bare surname directly after another capitalised given name ("Hunter Biden") or directly before
 *       a generational suffix ("Trump Jr.") names somebody else.
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
      "Supporters", "Allies", "Aides", "Team", "Campaign", "Administration", "Trumpian");
  private static final Set<String> SUFFIXES = Set.of("Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV");

  private final Trie trie;
  /** Keyed by the lower-cased folded keyword; "NATO" and "Nato" share a key but keep their own case. */
  private final Map<String, List<Target>> targets;

  /** What a keyword in the automaton stands for: an actor's alias, or an exclude phrase (actor null). */
  private record Target(String actorId, String alias, boolean surnameOnly, Set<String> firstNames) {}

  public AliasMatcher(ActorRegistry registry) {
    Map<String, List<Target>> byKeyword = new HashMap<>();
    for (Actor actor : registry.actors()) {
      String surname = actor.surname();
      Set<String> givenNames = new HashSet<>(actor.firstNames());
      for (String alias : actor.aliases()) {
        String key = TextFolding.fold(alias);
        boolean surnameOnly = surname != null && key.equals(TextFolding.fold(surname));
        byKeyword.computeIfAbsent(lower(key), k -> new ArrayList<>())
            .add(new Target(actor.id(), alias, surnameOnly, givenNames));
      }
    }
    for (Actor actor : registry.actors()) {
      for (String phrase : actor.exclude()) {
        byKeyword.computeIfAbsent(lower(TextFolding.fold(phrase)), k -> new ArrayList<>())
            .add(new Target(null, phrase, false, Set.of()));
      }
    }
    this.targets = byKeyword;
    this.trie = Trie.builder().ignoreCase().addKeywords(byKeyword.keySet()).build();
  }

  /** All actor mentions in {@code text}, sorted by position, never overlapping. */
  public List<AliasMatch> find(String text) {
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
      for (Target target : options) {
        if (caseAgrees(surface, TextFolding.fold(target.alias()), folded, begin, end)) {
          candidates.add(new Candidate(begin, end, target));
          break;
        }
      }
    }
    candidates.sort(Comparator.comparingInt(Candidate::begin).thenComparing(c -> -(c.end() - c.begin())));
    List<AliasMatch> matches = new ArrayList<>();
    int coveredUntil = -1;
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      if (c.begin() < coveredUntil || overlappedByLonger(candidates, i)) {
        continue;
      }
      coveredUntil = c.end();
      Target t = c.target();
      if (t.actorId() == null || isHyphenated(folded, c.begin(), c.end())) {
        continue;
      }
      if (t.surnameOnly() && namesSomeoneElse(folded, c.begin(), c.end(), t.firstNames())) {
        continue;
      }
      matches.add(new AliasMatch(t.actorId(), t.alias(), c.begin(), c.end(), text.substring(c.begin(), c.end())));
    }
    return matches;
  }

  private record Candidate(int begin, int end, Target target) {}

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

  private static boolean namesSomeoneElse(String text, int begin, int end, Set<String> firstNames) {
    String next = wordAfter(text, end);
    if (next != null && SUFFIXES.contains(next)) {
      return true;
    }
    String previous = wordBefore(text, begin);
    if (previous == null || previous.isEmpty() || !Character.isUpperCase(previous.charAt(0))) {
      return false;
    }
    if (firstNames.contains(previous) || NOT_GIVEN_NAMES.contains(previous)) {
      return false;
    }
    // An initial ("J.") or an all-capitals word (a headline) says nothing about another person.
    if (previous.endsWith(".") || previous.equals(previous.toUpperCase(Locale.ROOT))) {
      return false;
    }
    return true;
  }

  /** The word directly before {@code begin}, separated by exactly one space; null otherwise. */
  private static String wordBefore(String text, int begin) {
    if (begin < 2 || text.charAt(begin - 1) != ' ') {
      return null;
    }
    int i = begin - 2;
    while (i >= 0 && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '.')) {
      i--;
    }
    if (i >= 0 && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '(' && text.charAt(i) != '"') {
      return null;
    }
    return text.substring(i + 1, begin - 1);
  }

  private static String wordAfter(String text, int end) {
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
