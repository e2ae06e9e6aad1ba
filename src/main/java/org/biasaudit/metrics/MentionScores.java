package org.biasaudit.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the job's mentions against the labeled set. A system mention matches a labeled one when both are
 * in the same article and field, name the same actor, and their spans overlap ("the Russian president"
 * and "Russian president" match); matching is one-to-one, preferring pairs of the same type, then the
 * larger overlap. A match counts for precision and recall overall and per actor; per type, a pair counts
 * only when both sides have that type, so a nominal found as a name is a miss for nominals and a false
 * alarm for names.
 */
public final class MentionScores {
  public static final List<String> TYPES = List.of("NAME", "PRONOUN", "NOMINAL");

  /** True positives, false positives and false negatives, with the measures derived from them. */
  public record Counts(long truePositives, long falsePositives, long falseNegatives) {
    public double precision() {
      long found = truePositives + falsePositives;
      return found == 0 ? Double.NaN : (double) truePositives / found;
    }

    public double recall() {
      long labeled = truePositives + falseNegatives;
      return labeled == 0 ? Double.NaN : (double) truePositives / labeled;
    }

    /** F1; 0 when nothing was matched, NaN when there was nothing to find and nothing was found. */
    public double f1() {
      if (truePositives == 0) {
        return falsePositives + falseNegatives == 0 ? Double.NaN : 0.0;
      }
      double p = precision();
      double r = recall();
      return 2 * p * r / (p + r);
    }

    Counts plus(long tp, long fp, long fn) {
      return new Counts(truePositives + tp, falsePositives + fp, falseNegatives + fn);
    }
  }

  /** A labeled mention the job missed ({@code gold} set, {@code found} null) or a mention it should not have found. */
  public record Error(LabeledMention gold, LabeledMention found) {}

  private final Counts overall;
  private final Map<String, Counts> byType;
  private final Map<String, Counts> byActor;
  private final List<Error> errors;
  private final long labeled;

  private MentionScores(Counts overall, Map<String, Counts> byType, Map<String, Counts> byActor, List<Error> errors, long labeled) {
    this.overall = overall;
    this.byType = byType;
    this.byActor = byActor;
    this.errors = errors;
    this.labeled = labeled;
  }

  public static MentionScores score(List<LabeledMention> gold, List<LabeledMention> found) {
    record Pair(LabeledMention gold, LabeledMention found) {}
    List<Pair> pairs = new ArrayList<>();
    Map<String, List<LabeledMention>> foundByPlace = new HashMap<>();
    for (LabeledMention f : found) {
      foundByPlace.computeIfAbsent(f.articleId() + "\u0000" + f.field(), k -> new ArrayList<>()).add(f);
    }
    for (LabeledMention g : gold) {
      for (LabeledMention f : foundByPlace.getOrDefault(g.articleId() + "\u0000" + g.field(), List.of())) {
        if (g.actorId().equals(f.actorId()) && g.overlaps(f)) {
          pairs.add(new Pair(g, f));
        }
      }
    }
    pairs.sort(Comparator.comparing((Pair p) -> !p.gold().type().equals(p.found().type()))
        .thenComparing(p -> -p.gold().overlap(p.found())));
    Map<LabeledMention, LabeledMention> matched = new HashMap<>();
    Map<LabeledMention, LabeledMention> matchedFound = new HashMap<>();
    for (Pair p : pairs) {
      if (!matched.containsKey(p.gold()) && !matchedFound.containsKey(p.found())) {
        matched.put(p.gold(), p.found());
        matchedFound.put(p.found(), p.gold());
      }
    }
    Counts overall = new Counts(0, 0, 0);
    Map<String, Counts> byType = new TreeMap<>(Comparator.comparingInt(TYPES::indexOf));
    TYPES.forEach(t -> byType.put(t, new Counts(0, 0, 0)));
    Map<String, Counts> byActor = new TreeMap<>();
    List<Error> errors = new ArrayList<>();
    for (LabeledMention g : gold) {
      LabeledMention f = matched.get(g);
      boolean sameType = f != null && f.type().equals(g.type());
      overall = overall.plus(f == null ? 0 : 1, 0, f == null ? 1 : 0);
      byActor.merge(g.actorId(), new Counts(f == null ? 0 : 1, 0, f == null ? 1 : 0), MentionScores::add);
      byType.merge(g.type(), new Counts(sameType ? 1 : 0, 0, sameType ? 0 : 1), MentionScores::add);
      if (f == null) {
        errors.add(new Error(g, null));
      }
    }
    for (LabeledMention f : found) {
      LabeledMention g = matchedFound.get(f);
      boolean sameType = g != null && g.type().equals(f.type());
      if (g == null) {
        overall = overall.plus(0, 1, 0);
        byActor.merge(f.actorId(), new Counts(0, 1, 0), MentionScores::add);
        errors.add(new Error(null, f));
      }
      byType.merge(f.type(), new Counts(0, sameType ? 0 : 1, 0), MentionScores::add);
    }
    errors.sort(Comparator.comparing((Error e) -> (e.gold() != null ? e.gold() : e.found()).articleId())
        .thenComparing(e -> (e.gold() != null ? e.gold() : e.found()).field(), Comparator.reverseOrder())
        .thenComparingInt(e -> (e.gold() != null ? e.gold() : e.found()).begin()));
    return new MentionScores(overall, byType, byActor, errors, gold.size());
  }

  private static Counts add(Counts a, Counts b) {
    return a.plus(b.truePositives(), b.falsePositives(), b.falseNegatives());
  }

  public Counts overall() {
    return overall;
  }

  /** Per mention type, in the order NAME, PRONOUN, NOMINAL. */
  public Map<String, Counts> byType() {
    return byType;
  }

  /** Per actor id, sorted. */
  public Map<String, Counts> byActor() {
    return byActor;
  }

  /** Misses and false alarms, in article order. */
  public List<Error> errors() {
    return errors;
  }

  public long labeled() {
    return labeled;
  }

  /** The scores as a plain-text table. */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-20s %6s %6s %6s %9s %7s %7s%n", "", "TP", "FP", "FN", "precision", "recall", "F1"));
    line(out, "all mentions", overall);
    for (Map.Entry<String, Counts> e : byType.entrySet()) {
      line(out, "  " + e.getKey(), e.getValue());
    }
    out.append(String.format(Locale.ROOT, "%nper actor%n"));
    for (Map.Entry<String, Counts> e : byActor.entrySet()) {
      line(out, "  " + e.getKey(), e.getValue());
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String label, Counts c) {
    out.append(String.format(Locale.ROOT, "%-20s %6d %6d %6d %9s %7s %7s%n", label, c.truePositives(), c.falsePositives(),
        c.falseNegatives(), fmt(c.precision()), fmt(c.recall()), fmt(c.f1())));
  }

  private static String fmt(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
  }
}
