package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.biasaudit.testing.DuckDb;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke test on a real news article from {@code ../shared/data/examples/} (skipped when absent). */
class SharedExampleIT {
  private static final Path EXAMPLE = Path.of("../shared/data/examples/putin-trump-biden.txt");

  @TempDir Path work;

  @Test
  void findsTheTrackedActorsInARealArticle() throws IOException {
    Assumptions.assumeTrue(Files.isRegularFile(EXAMPLE),
        "../shared/data/examples/putin-trump-biden.txt is absent (a user's clone has no ../shared): skipped");
    Path input = Files.createDirectories(work.resolve("in/Example Outlet"));
    Files.copy(EXAMPLE, input.resolve("putin-trump-biden.txt"));
    String output = work.resolve("out").toString();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    int code = AuditJob.run(new String[] {"--input", work.resolve("in").toString(), "--output", output, "--master", "local[2]"},
        quiet, quiet);
    assertThat(code).isZero();
    try (DuckDb duck = new DuckDb()) {
      List<Object> actors = duck.query("SELECT DISTINCT actor_id FROM " + DuckDb.table(output, "mentions") + " ORDER BY 1")
          .stream().map(r -> r.get("actor_id")).toList();
      assertThat(actors).contains("putin", "trump", "biden", "mcconnell", "nato");
      // The headline is its own field; typographic possessives (Russia’s, Trump’s) do not hide names.
      assertThat(duck.count("SELECT count(*) FROM " + DuckDb.table(output, "mentions") + " WHERE field = 'title'")).isEqualTo(2);
      assertThat(duck.count("SELECT count(*) FROM " + DuckDb.table(output, "mentions")
          + " WHERE actor_id = 'trump' AND field = 'text'")).isGreaterThanOrEqualTo(6);
      assertThat(duck.scalar("SELECT outlet FROM " + DuckDb.table(output, "articles"))).isEqualTo("Example Outlet");
    }
  }
}
