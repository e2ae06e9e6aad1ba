package org.biasaudit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's ratios: each job run is compared with the ceiling run just before it, never across pairs. */
class BenchmarkTest {
  private static Benchmark.Row row(String name, double wall, double annotate) {
    return new Benchmark.Row(name, "", 2, 100, 1000, wall, annotate, 1.0, 1, 1);
  }

  @Test
  void oneRatioPerPairAndTheirMedian() {
    // The machine slowed between the pairs: the second pair is slower throughout, its ratio is not.
    List<Benchmark.Row> ceilings = List.of(row("ceiling", 100, 90), row("ceiling (2)", 150, 140), row("ceiling (3)", 110, 100));
    List<Benchmark.Row> jobs = List.of(row("job", 125, 100), row("job (2)", 200, 140), row("job (3)", 110, 125));
    assertThat(Benchmark.pairedRatio("end to end", ceilings, jobs, Benchmark.Row::wallSeconds))
        .isEqualTo("- end to end: median 0.80 of 3 pairs (0.80, 0.75, 1.00)" + System.lineSeparator());
    assertThat(Benchmark.pairedRatio("annotation", ceilings.subList(0, 2), jobs.subList(0, 2), Benchmark.Row::annotateSeconds))
        .isEqualTo("- annotation: median 0.95 of 2 pairs (0.90, 1.00)" + System.lineSeparator());
  }

  @Test
  void aSinglePairIsItsRatio() {
    assertThat(Benchmark.pairedRatio("end to end", List.of(row("ceiling", 143.1, 0)), List.of(row("job", 196.2, 0)),
        Benchmark.Row::wallSeconds)).isEqualTo("- end to end: 0.73" + System.lineSeparator());
  }
}
