package org.biasaudit.metrics;

/**
 * One mention of a tracked actor, from the labeled set or from the job's {@code mentions} table, in the
 * shape the scorer compares. Offsets are end-exclusive Java String offsets into {@code field}.
 *
 * @param type {@code NAME}, {@code PRONOUN} or {@code NOMINAL}
 */
public record LabeledMention(String articleId, String field, int begin, int end, String surface, String actorId, String type) {
  boolean overlaps(LabeledMention other) {
    return articleId.equals(other.articleId) && field.equals(other.field) && begin < other.end && other.begin < end;
  }

  int overlap(LabeledMention other) {
    return Math.min(end, other.end) - Math.max(begin, other.begin);
  }
}
