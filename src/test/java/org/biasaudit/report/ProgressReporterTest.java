package org.biasaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  @Test
  void lineShowsDoneTotalRateAndEta() {
    assertThat(ProgressReporter.line("annotating", 120, 1000, 40))
        .isEqualTo("annotating 120/1000 articles (12%), 3.0 articles/s, ETA 4m53s");
    assertThat(ProgressReporter.line("annotating", 0, 10, 5)).endsWith("ETA unknown");
    assertThat(ProgressReporter.line("annotating", 10, 10, 5)).endsWith("ETA 0s");
    assertThat(ProgressReporter.formatDuration(7300)).isEqualTo("2h01m");
  }

  @Test
  void summaryTableListsActorOutletMentionsAndSentiment() {
    String table = ConsoleSummary.format(List.of(
        new ConsoleSummary.Line("biden", "Northgate Herald", 9, 30, -0.41, -0.5, -0.3, false),
        new ConsoleSummary.Line("biden", "Daily Meridian", 6, 12, 0.05, -0.02, 0.11, true)));
    assertThat(table).contains("biden").contains("Northgate Herald").contains("-0.410").contains("[-0.500, -0.300]")
        .contains("(low support)");
    assertThat(table.lines().filter(l -> l.startsWith("biden"))).hasSize(1);
  }
}
