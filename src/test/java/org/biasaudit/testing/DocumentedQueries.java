package org.biasaudit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL that the documentation shows analysts: every {@code ```sql} block of a Markdown file, and every
 * {@code sql("""...""")} call in a Jupyter notebook's code cells. Each query reads the output folder as
 * {@code out/}; tests point that at a real run.
 */
public final class DocumentedQueries {
  private static final Pattern MARKDOWN_SQL = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern NOTEBOOK_SQL = Pattern.compile("sql\\(\"\"\"(.*?)\"\"\"", Pattern.DOTALL);

  private DocumentedQueries() {}

  /** Marks a documented query that may return no rows on the sample corpus (it says why). */
  static final String MAY_BE_EMPTY = "(empty on the sample corpus";

  /** A query, where it was found, and whether the documentation says it can be empty on the sample corpus. */
  public record Query(String source, String sql, boolean mayBeEmpty) {}

  public static List<Query> fromMarkdown(Path file) throws IOException {
    List<Query> out = new ArrayList<>();
    Matcher m = MARKDOWN_SQL.matcher(Files.readString(file));
    while (m.find()) {
      int n = 0;
      for (String statement : m.group(1).split(";\\s*(\\n|$)")) {
        String sql = stripComments(statement);
        if (!sql.isBlank()) {
          out.add(new Query(file + " sql block at char " + m.start() + " #" + (++n), sql, statement.contains(MAY_BE_EMPTY)));
        }
      }
    }
    return out;
  }

  public static List<Query> fromNotebook(Path file) throws IOException {
    List<Query> out = new ArrayList<>();
    JsonNode notebook = new ObjectMapper().readTree(file.toFile());
    int cell = 0;
    for (JsonNode c : notebook.path("cells")) {
      cell++;
      if (!"code".equals(c.path("cell_type").asText())) {
        continue;
      }
      StringBuilder source = new StringBuilder();
      c.path("source").forEach(line -> source.append(line.asText()));
      Matcher m = NOTEBOOK_SQL.matcher(source);
      while (m.find()) {
        out.add(new Query(file + " cell " + cell, stripComments(m.group(1)), m.group(1).contains(MAY_BE_EMPTY)));
      }
    }
    return out;
  }

  /** The query with {@code 'out/} pointed at {@code output}. */
  public static String against(Query query, String output) {
    return query.sql().replace("'out/", "'" + output.replace("'", "''") + "/");
  }

  /** The query with its whitespace collapsed, to compare the notebook's queries with the README's. */
  public static String normalised(Query query) {
    return query.sql().replaceAll("\\s+", " ").replaceAll(";$", "").strip();
  }

  private static String stripComments(String sql) {
    StringBuilder out = new StringBuilder();
    for (String line : sql.split("\\n")) {
      if (!line.strip().startsWith("--")) {
        out.append(line).append('\n');
      }
    }
    return out.toString().strip();
  }
}
