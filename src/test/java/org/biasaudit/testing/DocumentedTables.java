package org.biasaudit.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The tables and columns that {@code docs/tables.md} documents, so tests can hold the docs to the output. */
public final class DocumentedTables {
  private static final Pattern TABLE = Pattern.compile("^## `([a-z_]+)`");
  private static final Pattern COLUMN = Pattern.compile("^\\| `([a-z_]+)` \\| ([^|]+) \\|");

  private DocumentedTables() {}

  /** Table name to (column name to documented type), in document order. */
  public static Map<String, Map<String, String>> read(Path doc) throws IOException {
    Map<String, Map<String, String>> tables = new LinkedHashMap<>();
    Map<String, String> current = null;
    List<String> lines = Files.readAllLines(doc);
    for (String line : lines) {
      Matcher table = TABLE.matcher(line);
      if (table.find()) {
        current = new LinkedHashMap<>();
        tables.put(table.group(1), current);
        continue;
      }
      Matcher column = COLUMN.matcher(line);
      if (current != null && column.find()) {
        current.put(column.group(1), column.group(2).strip());
      }
    }
    return tables;
  }
}
