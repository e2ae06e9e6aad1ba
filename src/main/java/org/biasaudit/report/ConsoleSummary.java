package org.biasaudit.report;

import java.util.List;
import java.util.Locale;

/**
 * The short readable table printed at the end of a run: per actor and outlet, mentions and mean target
 * sentiment with its interval, all time.
 */
public final class ConsoleSummary {
  /** One all-time row of {@code actor_outlet_summary}. */
  public record Line(String actorId, String outlet, long articles, long mentions, Double mean, Double low, Double high,
      boolean lowSupport) {}

  private ConsoleSummary() {}

  public static String format(List<Line> lines) {
    if (lines.isEmpty()) {
      return "No tracked actor was mentioned in the input.\n";
    }
    int actorWidth = Math.max(5, lines.stream().mapToInt(l -> l.actorId().length()).max().orElse(5));
    int outletWidth = Math.max(6, Math.min(40, lines.stream().mapToInt(l -> l.outlet().length()).max().orElse(6)));
    StringBuilder out = new StringBuilder();
    String header = String.format(Locale.ROOT, "%-" + actorWidth + "s  %-" + outletWidth + "s  %8s  %8s  %9s  %-17s%n",
        "actor", "outlet", "articles", "mentions", "sentiment", "95% interval");
    out.append(header);
    out.append("-".repeat(header.length() - 1)).append('\n');
    String previous = null;
    for (Line l : lines) {
      String actor = l.actorId().equals(previous) ? "" : l.actorId();
      previous = l.actorId();
      String outlet = l.outlet().length() > outletWidth ? l.outlet().substring(0, outletWidth - 1) + "…" : l.outlet();
      String mean = l.mean() == null ? "-" : String.format(Locale.ROOT, "%+.3f", l.mean());
      String interval = l.low() == null ? "" : String.format(Locale.ROOT, "[%+.3f, %+.3f]", l.low(), l.high());
      out.append(String.format(Locale.ROOT, "%-" + actorWidth + "s  %-" + outletWidth + "s  %8d  %8d  %9s  %-17s%s%n",
          actor, outlet, l.articles(), l.mentions(), mean, interval, l.lowSupport() ? "  (low support)" : ""));
    }
    return out.toString();
  }
}
