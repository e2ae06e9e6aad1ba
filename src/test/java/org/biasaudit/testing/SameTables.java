package org.biasaudit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Asserts that two runs wrote the same rows (as multisets) in every table that {@code docs/tables.md}
 * documents, read through DuckDB.
 */
public final class SameTables {
  private SameTables() {}

  public static void assertSameTables(Path a, Path b) {
    Set<String> tables;
    try {
      tables = DocumentedTables.read(Path.of("docs/tables.md")).keySet();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(tables).contains("articles", "mentions", "quotes", "actor_outlet_summary");
    try (DuckDb duck = new DuckDb()) {
      for (String table : tables) {
        String left = DuckDb.table(a.toString(), table);
        String right = DuckDb.table(b.toString(), table);
        assertThat(duck.count("SELECT count(*) FROM " + left)).as(table).isEqualTo(duck.count("SELECT count(*) FROM " + right));
        assertThat(duck.count("SELECT count(*) FROM (SELECT * FROM " + left + " EXCEPT ALL SELECT * FROM " + right + ")"))
            .as(table + ": rows only in " + a.getFileName()).isZero();
        assertThat(duck.count("SELECT count(*) FROM (SELECT * FROM " + right + " EXCEPT ALL SELECT * FROM " + left + ")"))
            .as(table + ": rows only in " + b.getFileName()).isZero();
      }
    }
  }
}
