package org.biasaudit.actors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides, from the whole article (title and text) and its publication date, whom each registry hit
 * refers to. The title counts as coming before the text.
 *
 * <ul>
 *   <li><b>Bare surnames.</b> A surname shared by several people (tracked actors marked
 *       {@code ambiguous_surname}, or someone else the article names: "Hunter Biden", "Tiffany Trump") goes
 *       to the candidate whose fuller reference (full name, given name + surname, title + surname) came
 *       last before it; before any such reference, to the first one after it; with none at all, to the only
 *       tracked claimant, or to the one marked {@code surname_default}. A preceding honorific narrows the
 *       candidates: "Mrs." to women, "President" to those holding a title with that word on the date. A
 *       surname given to someone untracked is not a mention.
 *   <li><b>Metonyms</b> ("the Kremlin") refer to their actor on the dates the registry gives, except after
 *       "in the", "at the", "inside the", "outside the", where they name the place.
 *   <li><b>Titles</b> ("the Russian president", "the former president") must stand alone: after "the" or
 *       at the start of a headline, and not followed by a name ("Russian President Vladimir Putin" is one
 *       name mention) or by "of". A title that names a country or institution and has exactly one holder on
 *       the publication date resolves on its own; any other title (several holders, or a generic one such as
 *       "the president") goes to the holder referred to last before it, unless someone untracked was given
 *       that title in between ("President Lula").
 * </ul>
 */
public final class ArticleReferences {
  /** How far back the start of a mention's paragraph is looked for. */
  private static final int PARAGRAPH_REACH = 20_000;
  private static final Set<String> MALE_HONORIFICS = Set.of("Mr", "Mr.");
  private static final Set<String> FEMALE_HONORIFICS = Set.of("Mrs", "Mrs.", "Ms", "Ms.", "Miss");
  private static final Map<String, String> ABBREVIATIONS = Map.of("sen.", "senator", "gov.", "governor",
      "rep.", "representative", "gen.", "general", "pres.", "president", "sec.", "secretary", "amb.", "ambassador");
  private static final Set<String> TITLE_FILLER = Set.of("the", "of", "former", "and", "for", "'s");
  /** Words before a headline's title that make it a description of someone else ("a Russian president"). */
  private static final Set<String> HEADLINE_BLOCKERS = Set.of("a", "A", "an", "An", "former", "Former", "ex", "Ex", "late",
      "Late", "next", "Next", "new", "New", "future", "Future");
  /** Words before a title that make it a role or a predicate rather than a reference. */
  private static final Set<String> ROLE_MARKERS = Set.of("as", "am", "is", "are", "was", "were", "be", "been", "being",
      "become", "becomes", "became", "remain", "remains", "remained", "named", "elected");
  /** Verbs that show a title after "as" is the subject of a clause ("as the president said"). */
  private static final Set<String> FINITE_VERBS = Set.of("is", "was", "has", "had", "will", "would", "said", "says", "can",
      "could", "did", "does", "may", "might", "must", "should", "told", "tells", "spoke", "speaks", "met", "meets", "left",
      "took", "takes", "made", "makes", "went", "goes", "came", "comes", "sought", "seeks", "began", "begins");
  private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "inside", "outside", "In", "At", "Inside", "Outside");

  /** Someone untracked the article names: a namesake of a tracked actor, or a titled stranger. */
  public record OtherPerson(String field, int begin, int end, String key) {}

  private final List<Reference> references;
  private final List<OtherPerson> others;

  private ArticleReferences(List<Reference> references, List<OtherPerson> others) {
    this.references = references;
    this.others = others;
  }

  /** The references in one field ({@code title} or {@code text}), sorted by position. */
  public List<Reference> references(String field) {
    return references.stream().filter(r -> r.field().equals(field)).toList();
  }

  /** Every reference of the article, title first. */
  public List<Reference> all() {
    return references;
  }

  /** The untracked people named in one field, sorted by position. */
  public List<OtherPerson> others(String field) {
    return others.stream().filter(o -> o.field().equals(field)).toList();
  }

  /** The name references (aliases, surnames, metonyms) of one field, as alias matches. */
  public List<AliasMatch> names(String field) {
    return asMatches(field, r -> Reference.NAME.equals(r.type()));
  }

  /**
   * The titles of one field that name their one tracked holder on the publication date ("the Kremlin
   * leader", "the Russian president"), as alias matches: quote attribution takes such a description for that
   * holder, as the mentions table does. Generic titles ("the president") are left to the quotes' own context.
   */
  public List<AliasMatch> titles(String field) {
    return asMatches(field, r -> Reference.NOMINAL.equals(r.type()) && Reference.TITLE.equals(r.resolution()));
  }

  private List<AliasMatch> asMatches(String field, Predicate<Reference> which) {
    return references(field).stream().filter(which)
        .map(r -> new AliasMatch(r.actorId(), r.surface(), r.begin(), r.end(), r.surface())).toList();
  }

  /** One hit placed in the article: its field and its position in title-then-text order. */
  private record Placed(String field, String text, String folded, int offset, NameHit hit) {
    int position() {
      return offset + hit.begin();
    }

    /** Position where the hit's paragraph starts (paragraphs end at a blank line). */
    int paragraph() {
      // Bounded look-back: a "paragraph" longer than this (junk input) starts at the window's edge, which
      // keeps resolution linear in the text.
      int limit = Math.max(0, hit.begin() - PARAGRAPH_REACH);
      for (int i = Math.min(hit.begin(), text.length()) - 1; i > limit; i--) {
        if (text.charAt(i) == '\n' && text.charAt(i - 1) == '\n') {
          return offset + i + 1;
        }
      }
      return offset + limit;
    }
  }

  /** A fuller reference that says which candidate a bare surname means from here on. */
  private record Introduction(int position, int paragraph, String who) {}

  public static ArticleReferences resolve(AliasMatcher matcher, String title, String text, LocalDate published) {
    return new Resolution(matcher.registry(), published).run(matcher, title == null ? "" : title, text == null ? "" : text);
  }

  private static final class Resolution {
    private final ActorRegistry registry;
    private final LocalDate published;
    private final List<Placed> placed = new ArrayList<>();
    private final List<Introduction> introductions = new ArrayList<>();
    /** Namesake keys per folded surname, for every namesake the article names anywhere. */
    private final Map<String, Set<String>> namesakes = new HashMap<>();
    private final List<Reference> references = new ArrayList<>();
    private final List<OtherPerson> others = new ArrayList<>();
    /** Position of the last reference to each actor, and of the last untracked holder of each generic title. */
    private final Map<String, Integer> lastReference = new HashMap<>();
    private final Map<String, Integer> lastStranger = new HashMap<>();
    /** Per folded surname, whom the article's first bare use of it meant. */
    private final Map<String, String> bareOwner = new HashMap<>();

    Resolution(ActorRegistry registry, LocalDate published) {
      this.registry = registry;
      this.published = published;
    }

    ArticleReferences run(AliasMatcher matcher, String title, String text) {
      // Folded once per field: folding per hit would make resolution quadratic in the text.
      String foldedTitle = TextFolding.fold(title);
      for (NameHit hit : matcher.scan(title)) {
        placed.add(new Placed("title", title, foldedTitle, 0, hit));
      }
      int textOffset = title.length() + 1;
      String foldedText = TextFolding.fold(text);
      for (NameHit hit : matcher.scan(text)) {
        placed.add(new Placed("text", text, foldedText, textOffset, hit));
      }
      for (Placed p : placed) {
        if (p.hit().kind() == NameHit.Kind.NAMESAKE) {
          namesakes.computeIfAbsent(p.hit().surname(), k -> new LinkedHashSet<>()).add(p.hit().other());
        }
      }
      for (Placed p : placed) {
        String who = introduces(p);
        if (who != null) {
          introductions.add(new Introduction(p.position(), p.paragraph(), who));
        }
      }
      for (Placed p : placed) {
        switch (p.hit().kind()) {
          case NAME -> name(p);
          case NAMESAKE -> others.add(new OtherPerson(p.field(), p.hit().begin(), p.hit().end(), p.hit().other()));
          case METONYM -> metonym(p);
          case TITLE -> title(p);
          default -> { }
        }
      }
      references.sort(Comparator.comparing((Reference r) -> !r.field().equals("title")).thenComparingInt(Reference::begin));
      return new ArticleReferences(List.copyOf(references), List.copyOf(others));
    }

    /** Whom a hit names beyond doubt (so that later bare surnames may follow it), or null. */
    private String introduces(Placed p) {
      NameHit hit = p.hit();
      if (hit.kind() == NameHit.Kind.NAMESAKE) {
        return hit.other();
      }
      if (hit.kind() != NameHit.Kind.NAME) {
        return null;
      }
      if (!hit.surnameOnly()) {
        return hit.candidates().get(0).actorId();
      }
      String before = wordBefore(p.folded(), hit.begin());
      if (before == null) {
        return null;
      }
      List<String> claimants = hit.candidates().stream().map(NameHit.Candidate::actorId).toList();
      for (String id : claimants) {
        if (registry.byId(id).firstNames().contains(before)) {
          return id;
        }
      }
      List<String> titled = holdingTitleWord(claimants, before);
      if (titled.size() == 1) {
        return titled.get(0);
      }
      List<String> gendered = ofHonorificGender(claimants, before);
      String surname = TextFolding.fold(hit.surface());
      if (gendered.size() == 1 && namesakes.getOrDefault(surname, Set.of()).isEmpty()) {
        return gendered.get(0);
      }
      return null;
    }

    private void name(Placed p) {
      NameHit hit = p.hit();
      if (!hit.surnameOnly()) {
        add(p, hit.candidates().get(0).actorId(), Reference.NAME, Reference.ALIAS);
        return;
      }
      List<String> claimants = hit.candidates().stream().map(NameHit.Candidate::actorId).toList();
      String surname = TextFolding.fold(hit.surface());
      Set<String> sharing = namesakes.getOrDefault(surname, Set.of());
      boolean ambiguous = claimants.size() > 1 || !sharing.isEmpty()
          || claimants.stream().anyMatch(id -> registry.byId(id).ambiguousSurname());
      if (!ambiguous) {
        add(p, claimants.get(0), Reference.NAME, Reference.ALIAS);
        return;
      }
      // Narrow by what stands before the surname: a given name, a title word, a gendered honorific.
      String before = wordBefore(p.folded(), hit.begin());
      Set<String> candidates = new LinkedHashSet<>(claimants);
      candidates.addAll(sharing);
      boolean narrowed = false;
      if (before != null) {
        for (String id : claimants) {
          if (registry.byId(id).firstNames().contains(before)) {
            add(p, id, Reference.NAME, Reference.SURNAME_CONTEXT);
            return;
          }
        }
        List<String> titled = holdingTitleWord(claimants, before);
        if (!titled.isEmpty()) {
          candidates = new LinkedHashSet<>(titled);
          narrowed = true;
        } else if (isHonorific(before)) {
          candidates = new LinkedHashSet<>(ofHonorificGender(claimants, before));
          candidates.addAll(sharing);
          narrowed = true;
        }
      }
      String owner = bareOwner.get(surname);
      String chosen = chooseByIntroduction(p, candidates, claimants, owner);
      if (chosen == null) {
        List<String> tracked = candidates.stream().filter(claimants::contains).toList();
        if (tracked.size() == 1) {
          chosen = tracked.get(0);
        } else {
          chosen = tracked.stream().filter(id -> registry.byId(id).surnameDefault()).findFirst().orElse(null);
        }
      }
      if (chosen == null) {
        return;
      }
      if (!narrowed) {
        bareOwner.putIfAbsent(surname, chosen);
      }
      if (claimants.contains(chosen)) {
        add(p, chosen, Reference.NAME, Reference.SURNAME_CONTEXT);
      } else {
        others.add(new OtherPerson(p.field(), hit.begin(), hit.end(), chosen));
      }
    }

    /**
     * Whom a bare surname means among {@code candidates}, from the fuller references around it:
     * <ol>
     *   <li>the last one named in full earlier in the same paragraph (the writer has just named that person);
     *   <li>else whoever the article's first bare use of the surname meant (a writer keeps the bare surname
     *       for one person: "Hunter Biden ... Biden, 54," and later "Biden" is still Hunter);
     *   <li>else, among those named in full before it, the first tracked actor (a namesake is usually named
     *       in full or with an honorific: "Mrs. Trump"), or the first namesake when no tracked actor was named;
     *   <li>else the first one named after it (a headline before the text).
     * </ol>
     * Null when no candidate is named in full anywhere.
     */
    private String chooseByIntroduction(Placed p, Set<String> candidates, List<String> tracked, String owner) {
      String inParagraph = null;
      String firstTracked = null;
      String firstOther = null;
      String later = null;
      for (Introduction intro : introductions) {
        if (!candidates.contains(intro.who())) {
          continue;
        }
        if (intro.position() < p.position()) {
          if (tracked.contains(intro.who()) && firstTracked == null) {
            firstTracked = intro.who();
          } else if (!tracked.contains(intro.who()) && firstOther == null) {
            firstOther = intro.who();
          }
          if (intro.paragraph() == p.paragraph()) {
            inParagraph = intro.who();
          }
        } else if (later == null) {
          later = intro.who();
        }
      }
      if (inParagraph != null) {
        return inParagraph;
      }
      if (owner != null && candidates.contains(owner)) {
        return owner;
      }
      if (firstTracked != null || firstOther != null) {
        return firstTracked != null ? firstTracked : firstOther;
      }
      return later;
    }

    private void metonym(Placed p) {
      NameHit hit = p.hit();
      String folded = p.folded();
      String before = wordBefore(folded, hit.begin());
      if ("the".equalsIgnoreCase(before)) {
        String preposition = wordBefore(folded, hit.begin() - 4);
        if (preposition != null && PLACE_PREPOSITIONS.contains(preposition)) {
          return;
        }
      }
      for (NameHit.Candidate c : hit.candidates()) {
        if (c.validOn(published)) {
          add(p, c.actorId(), Reference.NAME, Reference.METONYM);
          return;
        }
      }
    }

    private void title(Placed p) {
      NameHit hit = p.hit();
      // The field's folded text, made once: folding it again per title would make resolution quadratic.
      String folded = p.folded();
      int begin = hit.begin();
      String before = wordBefore(folded, begin);
      boolean determiner = "the".equalsIgnoreCase(before);
      boolean headlineStart = before == null && lineStart(folded, begin);
      boolean possessive = hit.other() != null && hit.other().contains("'s ");
      String next = AliasMatcher.wordAfter(folded, hit.end());
      boolean capitalisedTitle = Character.isUpperCase(hit.surface().charAt(0));
      if (next != null && !next.isEmpty() && Character.isUpperCase(next.charAt(0)) && !isShoutedTitle(folded, hit)) {
        // A title before a name is part of that name's mention; before an untracked name, it marks a stranger.
        if (capitalisedTitle && !nameStartsAfter(p)) {
          lastStranger.put(AliasMatcher.generic(hit.other()), p.position());
          others.add(new OtherPerson(p.field(), begin, hit.end(), "title:" + AliasMatcher.generic(hit.other())));
        }
        return;
      }
      if ("of".equals(next) && (capitalisedAfter(folded, hit.end() + 4) || folded.startsWith(" of the ", hit.end())
          || folded.startsWith(" of a ", hit.end()))) {
        // "the president of Mexico": someone else's title, unless the registry lists that longer title.
        return;
      }
      String beforeDeterminer = determiner ? wordBefore(folded, begin - 4) : null;
      String predicate = determiner ? beforeDeterminer : before;
      boolean clauseFollows = next != null && !next.isEmpty() && Character.isLowerCase(next.charAt(0))
          && (next.endsWith("ed") || FINITE_VERBS.contains(next));
      boolean conjunction = "as".equalsIgnoreCase(predicate) && clauseFollows;
      if (predicate != null && ROLE_MARKERS.contains(predicate.toLowerCase(Locale.ROOT)) && !conjunction) {
        // "sworn in as Russia's president", "I am the President": a role or predicate, not a reference. But in
        // "as the Chinese leader wrapped up his visit" the title is the subject of a clause after "as".
        return;
      }
      if (determiner && appositive(p, begin - 4)) {
        // "Chuck Schumer, the majority leader, said": part of the name's mention.
        return;
      }
      boolean headline = "title".equals(p.field()) && hit.specific() && !HEADLINE_BLOCKERS.contains(String.valueOf(before));
      if (!determiner && !headlineStart && !possessive && !headline) {
        return;
      }
      List<String> holders = new ArrayList<>();
      for (NameHit.Candidate c : hit.candidates()) {
        if (c.validOn(published) && !holders.contains(c.actorId())) {
          holders.add(c.actorId());
        }
      }
      if (holders.isEmpty()) {
        return;
      }
      int surfaceBegin = determiner ? begin - 4 : begin;
      if (hit.specific() && holders.size() == 1) {
        addAt(p, surfaceBegin, holders.get(0), Reference.NOMINAL, Reference.TITLE);
        return;
      }
      String chosen = null;
      int latest = -1;
      for (String id : holders) {
        Integer at = lastReference.get(id);
        if (at != null && at > latest) {
          latest = at;
          chosen = id;
        }
      }
      Integer stranger = lastStranger.get(AliasMatcher.generic(hit.other()));
      if (chosen != null && (stranger == null || stranger < latest)) {
        addAt(p, surfaceBegin, chosen, Reference.NOMINAL, Reference.TITLE_CONTEXT);
      }
    }

    /** The word right before {@code begin}, or null when there is none (punctuation, a line start). */
    private static String wordBefore(String folded, int begin) {
      String word = AliasMatcher.wordBefore(folded, begin);
      return word == null || word.isEmpty() ? null : word;
    }

    private static boolean capitalisedAfter(String text, int at) {
      return at < text.length() && Character.isUpperCase(text.charAt(at));
    }

    /** Whether ", " and a name hit of the same field come right before {@code at} ("Schumer, the ..."). */
    private boolean appositive(Placed title, int at) {
      String text = title.text();
      if (at < 2 || text.charAt(at - 1) != ' ' || text.charAt(at - 2) != ',') {
        return false;
      }
      for (Placed p : placed) {
        if (p.field().equals(title.field()) && p.hit().end() == at - 2 && p.hit().kind() != NameHit.Kind.TITLE) {
          return true;
        }
      }
      return false;
    }

    private boolean isShoutedTitle(String folded, NameHit hit) {
      return AliasMatcher.isShouted(folded, hit.begin(), hit.end());
    }

    /** Whether a name hit starts right after this title (past one optional comma and a space). */
    private boolean nameStartsAfter(Placed title) {
      String text = title.text();
      int at = title.hit().end();
      if (at < text.length() && text.charAt(at) == ',') {
        at++;
      }
      at++;
      for (Placed p : placed) {
        if (p.field().equals(title.field()) && p.hit().begin() == at
            && (p.hit().kind() == NameHit.Kind.NAME || p.hit().kind() == NameHit.Kind.NAMESAKE)) {
          return true;
        }
      }
      return false;
    }

    private static boolean lineStart(String text, int begin) {
      int i = begin - 1;
      while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '"' || text.charAt(i) == '\'')) {
        i--;
      }
      return i < 0 || text.charAt(i) == '\n' || text.charAt(i) == ':';
    }

    private List<String> holdingTitleWord(List<String> claimants, String word) {
      String lower = word.toLowerCase(Locale.ROOT);
      String key = ABBREVIATIONS.getOrDefault(lower, lower);
      if (TITLE_FILLER.contains(key) || !Character.isUpperCase(word.charAt(0))) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (String id : claimants) {
        for (DatedPhrase title : registry.byId(id).titles()) {
          if (title.validOn(published) && words(title.text()).contains(key)) {
            out.add(id);
            break;
          }
        }
      }
      return out;
    }

    private static Set<String> words(String phrase) {
      Set<String> out = new HashSet<>();
      for (String w : TextFolding.fold(phrase).toLowerCase(Locale.ROOT).split("[\\s']+")) {
        if (!w.isEmpty() && !TITLE_FILLER.contains(w)) {
          out.add(w);
        }
      }
      return out;
    }

    private static boolean isHonorific(String word) {
      return MALE_HONORIFICS.contains(word) || FEMALE_HONORIFICS.contains(word);
    }

    private List<String> ofHonorificGender(List<String> claimants, String word) {
      String gender = MALE_HONORIFICS.contains(word) ? "male" : FEMALE_HONORIFICS.contains(word) ? "female" : null;
      if (gender == null) {
        return List.of();
      }
      return claimants.stream().filter(id -> gender.equals(registry.byId(id).gender())).toList();
    }

    private void add(Placed p, String actorId, String type, String resolution) {
      addAt(p, p.hit().begin(), actorId, type, resolution);
    }

    private void addAt(Placed p, int begin, String actorId, String type, String resolution) {
      int end = p.hit().end();
      references.add(new Reference(p.field(), begin, end, p.text().substring(begin, end), actorId, type, resolution));
      lastReference.put(actorId, p.offset() + begin);
    }
  }
}
