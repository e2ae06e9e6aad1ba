package org.biasaudit.actors;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A phrase that refers to an actor only between two dates: a title ("Russian president", "former US
 * president") or a metonym ("Kremlin"). {@code from} is inclusive and {@code to} exclusive, so a handover
 * day belongs to the successor; either may be null (open-ended).
 */
public record DatedPhrase(String text, LocalDate from, LocalDate to) implements Serializable {

  /**
   * Whether the phrase refers to the actor on {@code date}. Without a date only an undated phrase
   * applies: a title held for a span cannot be told apart from its other holders.
   */
  public boolean validOn(LocalDate date) {
    if (date == null) {
      return from == null && to == null;
    }
    return (from == null || !date.isBefore(from)) && (to == null || date.isBefore(to));
  }

  /** True when the two phrases are valid on at least one common day. */
  public boolean overlaps(DatedPhrase other) {
    boolean startsBeforeOtherEnds = from == null || other.to == null || from.isBefore(other.to);
    boolean otherStartsBeforeThisEnds = other.from == null || to == null || other.from.isBefore(to);
    return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
  }

  @Override
  public String toString() {
    return text + " [" + (from == null ? "" : from) + ".." + (to == null ? "" : to) + ")";
  }
}
