package org.biasaudit.metrics;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores quotation rows against the gold set: quote spans (precision, recall and F1, by exact offsets and
 * by overlap) and speakers (accuracy on the quotes that were found), overall and per kind, attribution
 * style, form and quote marks.
 *
 * <p>A predicted row matches a gold row of the same article and kind; exact matches pair first, then the
 * remaining rows pair one to one by the largest overlap. A speaker is right when the tracked actor is the
 * same; for an untracked gold speaker, when no actor was predicted and the predicted name is one of the
 * accepted names (case, a leading "the" and a possessive ignored); for a quote with no speaker, when none
 * was predicted.
 */
public final class QuoteEvaluation {
  /** The goals the issue sets; {@link #goals()} checks them. */
  public static final double SPAN_F1_GOAL = 0.95;
  public static final double SPEAKER_GOAL = 0.90;
  public static final double PRONOUN_NOMINAL_GOAL = 0.80;

  /** One row of the {@code quotes} table, as the evaluation needs it. */
  public record Predicted(String file, String kind, int begin, int end, String text, String speakerActorId,
      String speakerName, String speakerMethod) {}

  /** A gold row and what it was paired with (null when nothing overlapped it). */
  public record Pairing(QuoteGold gold, Predicted predicted, boolean exact, boolean speakerCorrect) {}

  /** Span counts for one group of rows. */
  public record SpanScore(int gold, int predicted, int exact, int overlap) {
    public double precision(boolean exactMatch) {
      return predicted == 0 ? 0 : (double) (exactMatch ? exact : overlap) / predicted;
    }

    public double recall(boolean exactMatch) {
      return gold == 0 ? 0 : (double) (exactMatch ? exact : overlap) / gold;
    }

    public double f1(boolean exactMatch) {
      double p = precision(exactMatch);
      double r = recall(exactMatch);
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** Speaker accuracy for one group of gold rows: {@code found} of them matched, {@code correct} of those right. */
  public record SpeakerScore(int gold, int found, int correct) {
    public double accuracy() {
      return found == 0 ? 0 : (double) correct / found;
    }

    /** Correct over every gold row of the group, found or not. */
    public double endToEnd() {
      return gold == 0 ? 0 : (double) correct / gold;
    }
  }

  /** One goal: its name, measured value and threshold. */
  public record Goal(String name, double value, double threshold) {
    public boolean met() {
      return value >= threshold;
    }
  }

  private final List<Pairing> pairings;
  private final List<Predicted> unmatched;
  private final List<Predicted> predicted;
  private final List<QuoteGold> gold;

  private QuoteEvaluation(List<QuoteGold> gold, List<Predicted> predicted, List<Pairing> pairings, List<Predicted> unmatched) {
    this.gold = gold;
    this.predicted = predicted;
    this.pairings = pairings;
    this.unmatched = unmatched;
  }

  /** Scores {@code predicted} rows (of the gold set's articles only) against {@code gold}. */
  public static QuoteEvaluation score(List<QuoteGold> gold, List<Predicted> predicted) {
    Map<String, List<QuoteGold>> goldByKey = new TreeMap<>();
    for (QuoteGold g : gold) {
      goldByKey.computeIfAbsent(g.file() + "\u0000" + g.kind(), k -> new ArrayList<>()).add(g);
    }
    Map<String, List<Predicted>> predictedByKey = new HashMap<>();
    for (Predicted p : predicted) {
      predictedByKey.computeIfAbsent(p.file() + "\u0000" + p.kind(), k -> new ArrayList<>()).add(p);
    }
    List<Pairing> pairings = new ArrayList<>();
    Set<Predicted> used = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Map.Entry<String, List<QuoteGold>> entry : goldByKey.entrySet()) {
      List<Predicted> candidates = predictedByKey.getOrDefault(entry.getKey(), List.of());
      Map<QuoteGold, Predicted> pairs = new LinkedHashMap<>();
      for (QuoteGold g : entry.getValue()) {
        for (Predicted p : candidates) {
          if (!used.contains(p) && p.begin() == g.begin() && p.end() == g.end()) {
            pairs.put(g, p);
            used.add(p);
            break;
          }
        }
      }
      for (QuoteGold g : entry.getValue()) {
        if (pairs.containsKey(g)) {
          continue;
        }
        Predicted best = null;
        int bestOverlap = 0;
        for (Predicted p : candidates) {
          int overlap = Math.min(g.end(), p.end()) - Math.max(g.begin(), p.begin());
          if (!used.contains(p) && overlap > bestOverlap) {
            best = p;
            bestOverlap = overlap;
          }
        }
        if (best != null) {
          pairs.put(g, best);
          used.add(best);
        }
      }
      for (QuoteGold g : entry.getValue()) {
        Predicted p = pairs.get(g);
        boolean exact = p != null && p.begin() == g.begin() && p.end() == g.end();
        pairings.add(new Pairing(g, p, exact, p != null && speakerCorrect(g, p)));
      }
    }
    List<Predicted> unmatched = predicted.stream().filter(p -> !used.contains(p))
        .sorted(Comparator.comparing(Predicted::file).thenComparingInt(Predicted::begin)).toList();
    return new QuoteEvaluation(List.copyOf(gold), List.copyOf(predicted), List.copyOf(pairings), unmatched);
  }

  static boolean speakerCorrect(QuoteGold gold, Predicted predicted) {
    if (gold.speakerActorId() != null) {
      return gold.speakerActorId().equals(predicted.speakerActorId());
    }
    if (predicted.speakerActorId() != null) {
      return false;
    }
    if (gold.speakerNames().isEmpty()) {
      return predicted.speakerName() == null;
    }
    if (predicted.speakerName() == null) {
      return false;
    }
    String name = normalizeName(predicted.speakerName());
    return gold.speakerNames().stream().anyMatch(n -> normalizeName(n).equals(name));
  }

  static String normalizeName(String name) {
    String folded = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('’', '\'')
        .replaceAll("\\s+", " ").strip();
    folded = folded.replaceFirst("^the ", "").replaceAll("'s\\b", "").replaceAll("^[\\p{P}\\s]+|[\\p{P}\\s]+$", "");
    return folded;
  }

  public List<Pairing> pairings() {
    return pairings;
  }

  /** Predicted rows that no gold row was paired with (false positives). */
  public List<Predicted> unmatched() {
    return unmatched;
  }

  /**
   * Span scores for {@code direct}, {@code indirect} and {@code all}, and when the gold has more than one
   * split, the same per split ({@code "direct heldout"}): predictions count toward the split of their article.
   */
  public Map<String, SpanScore> spans() {
    Map<String, String> splitOfFile = new HashMap<>();
    gold.forEach(g -> splitOfFile.put(g.file(), g.split()));
    Set<String> splits = new TreeSet<>(splitOfFile.values());
    List<String> scopes = new ArrayList<>(List.of(""));
    if (splits.size() > 1) {
      splits.forEach(s -> scopes.add(" " + s));
    }
    Map<String, SpanScore> scores = new LinkedHashMap<>();
    for (String scope : scopes) {
      String split = scope.strip();
      for (String kind : List.of("direct", "indirect", "all")) {
        int goldCount = (int) gold.stream().filter(g -> (kind.equals("all") || g.kind().equals(kind))
            && (split.isEmpty() || g.split().equals(split))).count();
        int predictedCount = (int) predicted.stream().filter(p -> (kind.equals("all") || p.kind().equals(kind))
            && (split.isEmpty() || split.equals(splitOfFile.get(p.file())))).count();
        int exact = 0;
        int overlap = 0;
        for (Pairing p : pairings) {
          if ((kind.equals("all") || p.gold().kind().equals(kind)) && p.predicted() != null
              && (split.isEmpty() || p.gold().split().equals(split))) {
            overlap++;
            exact += p.exact() ? 1 : 0;
          }
        }
        scores.put(kind + scope, new SpanScore(goldCount, predictedCount, exact, overlap));
      }
    }
    return scores;
  }

  /**
   * Speaker scores by group: {@code all}, {@code kind=...}, {@code direct style=...}, {@code indirect
   * style=...}, {@code style=...} (both kinds), {@code form=...}, {@code marks=...} and {@code speaker=...}
   * (tracked, untracked, none).
   */
  public Map<String, SpeakerScore> speakers() {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (Pairing p : pairings) {
      QuoteGold g = p.gold();
      List<String> groups = new ArrayList<>(List.of("all", "kind=" + g.kind(), g.kind() + " style=" + g.style(),
          "style=" + g.style(), "form=" + g.form(), "speaker=" + g.speakerType()));
      if (g.marks() != null) {
        groups.add("marks=" + g.marks());
      }
      groups.add("split=" + g.split());
      if (g.style().equals("pronoun") || g.style().equals("nominal")) {
        groups.add("split=" + g.split() + " style=" + g.style());
      }
      for (String group : groups) {
        int[] c = counts.computeIfAbsent(group, k -> new int[3]);
        c[0]++;
        c[1] += p.predicted() != null ? 1 : 0;
        c[2] += p.speakerCorrect() ? 1 : 0;
      }
    }
    Map<String, SpeakerScore> scores = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.comparingByKey(QuoteEvaluation::groupOrder))
        .forEach(e -> scores.put(e.getKey(), new SpeakerScore(e.getValue()[0], e.getValue()[1], e.getValue()[2])));
    return scores;
  }

  private static int groupOrder(String a, String b) {
    List<String> prefixes = List.of("all", "kind=", "direct style=", "indirect style=", "style=", "speaker=", "form=", "marks=",
        "split=");
    int pa = rank(prefixes, a);
    int pb = rank(prefixes, b);
    return pa != pb ? Integer.compare(pa, pb) : a.compareTo(b);
  }

  private static int rank(List<String> prefixes, String group) {
    for (int i = prefixes.size() - 1; i >= 0; i--) {
      if (group.startsWith(prefixes.get(i))) {
        return i;
      }
    }
    return prefixes.size();
  }

  /**
   * The goals: exact-span F1 of direct quotations >= 0.95; speaker accuracy >= 0.90 over every
   * quotation found (direct and indirect) and >= 0.80 for pronoun and for nominal speakers.
   */
  public List<Goal> goals() {
    Map<String, SpeakerScore> speakers = speakers();
    List<Goal> goals = new ArrayList<>();
    goals.add(new Goal("direct quote span F1 (exact)", spans().get("direct").f1(true), SPAN_F1_GOAL));
    goals.add(new Goal("speaker accuracy, all quotes found", speakers.get("all").accuracy(), SPEAKER_GOAL));
    for (String style : List.of("pronoun", "nominal")) {
      SpeakerScore score = speakers.get("style=" + style);
      goals.add(new Goal("speaker accuracy, " + style + " speakers", score == null ? 0 : score.accuracy(), PRONOUN_NOMINAL_GOAL));
    }
    return goals;
  }

  /** The report: span table, speaker table, goals. */
  public String format() {
    StringBuilder out = new StringBuilder();
    Set<String> files = new HashSet<>();
    gold.forEach(g -> files.add(g.file()));
    out.append(String.format(Locale.ROOT, "Quote spans (%d articles)%n", files.size()));
    out.append(String.format(Locale.ROOT, "%-17s %6s %6s | %-22s | %-22s%n", "kind", "gold", "found",
        "exact  P      R      F1", "overlap P    R      F1"));
    for (Map.Entry<String, SpanScore> e : spans().entrySet()) {
      SpanScore s = e.getValue();
      out.append(String.format(Locale.ROOT, "%-17s %6d %6d | %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f%n", e.getKey(), s.gold(),
          s.predicted(), s.precision(true), s.recall(true), s.f1(true), s.precision(false), s.recall(false), s.f1(false)));
    }
    out.append(String.format(Locale.ROOT, "%nSpeakers (accuracy on the gold quotes found; end-to-end = correct / all gold)%n"));
    out.append(String.format(Locale.ROOT, "%-34s %6s %6s %8s %9s %11s%n", "group", "gold", "found", "correct", "accuracy", "end-to-end"));
    for (Map.Entry<String, SpeakerScore> e : speakers().entrySet()) {
      SpeakerScore s = e.getValue();
      out.append(String.format(Locale.ROOT, "%-34s %6d %6d %8d %9.3f %11.3f%n", e.getKey(), s.gold(), s.found(), s.correct(),
          s.accuracy(), s.endToEnd()));
    }
    out.append(String.format(Locale.ROOT, "%nGoals%n"));
    for (Goal goal : goals()) {
      out.append(String.format(Locale.ROOT, "  %-40s %6.3f  (goal >= %.2f)  %s%n", goal.name(), goal.value(), goal.threshold(),
          goal.met() ? "met" : "NOT MET"));
    }
    return out.toString();
  }

  /** Every gold row that was missed, mis-spanned or mis-attributed, and every prediction with no gold row. */
  public String formatErrors() {
    StringBuilder out = new StringBuilder();
    for (Pairing p : pairings) {
      if (p.predicted() != null && p.exact() && p.speakerCorrect()) {
        continue;
      }
      QuoteGold g = p.gold();
      String expected = g.speakerActorId() != null ? g.speakerActorId() : g.speakerNames().isEmpty() ? "(none)" : g.speakerNames().get(0);
      String problem;
      if (p.predicted() == null) {
        problem = "MISSED";
      } else {
        Predicted q = p.predicted();
        String got = q.speakerActorId() != null ? q.speakerActorId() : q.speakerName() == null ? "(none)" : q.speakerName();
        problem = (p.exact() ? "" : "SPAN got [" + q.begin() + "," + q.end() + ") ")
            + (p.speakerCorrect() ? "" : "SPEAKER got " + got + " (" + q.speakerMethod() + ") ");
      }
      out.append(String.format(Locale.ROOT, "%s [%d,%d) %s %s/%s want %s: %s%n    %s%n", g.file(), g.begin(), g.end(), g.kind(),
          g.style(), g.form(), expected, problem.strip(), abbreviate(g.span())));
    }
    for (Predicted q : unmatched) {
      out.append(String.format(Locale.ROOT, "%s [%d,%d) %s EXTRA speaker %s (%s)%n    %s%n", q.file(), q.begin(), q.end(),
          q.kind(), q.speakerActorId() != null ? q.speakerActorId() : q.speakerName(), q.speakerMethod(),
          abbreviate(q.text() == null ? "" : q.text())));
    }
    return out.toString();
  }

  private static String abbreviate(String s) {
    String flat = s.replace('\n', ' ');
    return flat.length() <= 110 ? flat : flat.substring(0, 107) + "...";
  }
}
