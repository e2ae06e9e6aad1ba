package org.biasaudit.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads the scalar columns of a published output table without a Spark session (for tools that check
 * the output, such as {@code jobs/eval-quotes}). Strings come back as {@link String}, 32-bit integers as
 * {@link Integer}, 64-bit as {@link Long}, doubles as {@link Double}, booleans as {@link Boolean}; a null
 * value as null. Nested and repeated columns are not read.
 */
public final class OutputTables {
  private OutputTables() {}

  /** Every row of {@code outputDir/table}, each a map of the requested columns in order. */
  public static List<Map<String, Object>> read(String outputDir, String table, List<String> columns) throws IOException {
    Configuration conf = new Configuration();
    Path dir = new Path(outputDir, table);
    FileSystem fs = dir.getFileSystem(conf);
    FileStatus[] files = fs.listStatus(dir, p -> p.getName().endsWith(".parquet"));
    Arrays.sort(files, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (FileStatus file : files) {
      try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), file.getPath()).withConf(conf).build()) {
        for (Group group = reader.read(); group != null; group = reader.read()) {
          rows.add(row(group, columns));
        }
      }
    }
    return rows;
  }

  private static Map<String, Object> row(Group group, List<String> columns) {
    GroupType type = group.getType();
    Map<String, Object> row = new LinkedHashMap<>();
    for (String column : columns) {
      if (!type.containsField(column)) {
        throw new IllegalArgumentException("no column " + column + " in " + type.getName());
      }
      int index = type.getFieldIndex(column);
      Type field = type.getType(index);
      if (!field.isPrimitive() || group.getFieldRepetitionCount(index) == 0) {
        row.put(column, null);
        continue;
      }
      PrimitiveType.PrimitiveTypeName primitive = field.asPrimitiveType().getPrimitiveTypeName();
      Object value = switch (primitive) {
        case INT32 -> group.getInteger(index, 0);
        case INT64 -> group.getLong(index, 0);
        case DOUBLE -> group.getDouble(index, 0);
        case BOOLEAN -> group.getBoolean(index, 0);
        case BINARY -> group.getString(index, 0);
        default -> group.getValueToString(index, 0);
      };
      row.put(column, value);
    }
    return row;
  }
}
