package org.biasaudit.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the job's Parquet output through DuckDB's JDBC driver: a reader independent of Spark. */
public final class DuckDb implements AutoCloseable {
  private final Connection connection;

  public DuckDb() {
    try {
      connection = DriverManager.getConnection("jdbc:duckdb:");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code read_parquet} over every Parquet file of one table. */
  public static String table(String outputDir, String table) {
    return "read_parquet('" + outputDir.replace("'", "''") + "/" + table + "/*.parquet')";
  }

  public List<Map<String, Object>> query(String sql) {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  public Object scalar(String sql) {
    List<Map<String, Object>> rows = query(sql);
    return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
  }

  public long count(String sql) {
    return ((Number) scalar(sql)).longValue();
  }

  /** Column name to DuckDB type of a table, in order. */
  public Map<String, String> describe(String outputDir, String table) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (Map<String, Object> row : query("DESCRIBE SELECT * FROM " + table(outputDir, table))) {
      columns.put((String) row.get("column_name"), (String) row.get("column_type"));
    }
    return columns;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
