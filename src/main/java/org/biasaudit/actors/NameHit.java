package org.biasaudit.actors;

import java.util.List;

/**
 * One place where the automaton found a registry phrase, before the article's context decides whom it
 * means. Offsets are end-exclusive Java String offsets into the text that was scanned.
 *
 * @param kind what was found
 * @param candidates the tracked actors the phrase may refer to, with the dates it does so (a name's
 *     phrases are undated); several for a shared surname or a title several people hold
 * @param surnameOnly for {@link Kind#NAME}: the hit is a bare surname, so context may give it to someone
 *     else who shares it
 * @param other for {@link Kind#NAMESAKE}: the other person's name, folded and lower-cased ("hunter biden",
 *     "trump jr."); for {@link Kind#TITLE}: the title as the registry spells it
 * @param surname for {@link Kind#NAMESAKE}: the folded surname shared with a tracked actor
 * @param specific for {@link Kind#TITLE}: the title names a country or institution ("Russian president"),
 *     so a single holder on the date needs no context; a generic title ("the president") always does
 */
public record NameHit(
    Kind kind,
    int begin,
    int end,
    String surface,
    List<Candidate> candidates,
    boolean surnameOnly,
    String other,
    String surname,
    boolean specific) {

  public enum Kind {
    /** A registry alias: a full name, an unambiguous short name, or a bare surname. */
    NAME,
    /** A metonym ("Kremlin"). */
    METONYM,
    /** A title or its generic form ("the Russian president", "the president"). */
    TITLE,
    /** Someone else who shares a tracked actor's surname ("Hunter Biden", "Tiffany Trump", "Trump Jr."). */
    NAMESAKE
  }

  /** An actor a hit may refer to, with the date range of the phrase that matched (null: always). */
  public record Candidate(String actorId, DatedPhrase phrase) {
    public boolean validOn(java.time.LocalDate date) {
      return phrase == null || phrase.validOn(date);
    }
  }

  public NameHit {
    candidates = List.copyOf(candidates);
  }
}
