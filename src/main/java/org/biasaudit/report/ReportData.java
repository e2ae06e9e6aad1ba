package org.biasaudit.report;

import java.util.List;

/**
 * What {@code report.html} shows, read from the derived tables. Every string here may come from the input
 * (outlet names, titles, sentences, terms) and is escaped by {@link HtmlReport}.
 */
public record ReportData(String title, String runId, List<Summary> summary, List<Contrast> contrasts,
    List<Term> terms) {

  /** One row of {@code actor_outlet_summary}. */
  public record Summary(String outlet, String actorId, String actorName, String period, long articles, long mentions,
      Double mean, Double ciLow, Double ciHigh, double shareOfVoice, long quotesSpoken, Double shareOfQuotes,
      boolean lowSupport) {}

  /** One row of {@code outlet_contrasts} and the mention that shows it best. */
  public record Contrast(String outlet, String actorId, String period, double difference, Double ciLow, Double ciHigh,
      Double pValue, Double qValue, boolean lowSupport, String exampleTitle, String exampleSentence) {}

  /** One row of {@code framing_terms}. */
  public record Term(String outlet, String actorId, String source, String term, int rank, long count, double z) {}
}
