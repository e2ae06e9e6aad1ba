package org.biasaudit.metrics;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Fills a contrast table's {@code q_value} from its {@code p_value}s: one Benjamini-Hochberg family per table. */
final class Adjust {
  private Adjust() {}

  /**
   * The whole family is needed at once, so the rows come to the driver: contrast tables have one row per
   * tested pair, far fewer than there are mentions.
   */
  static Dataset<Row> withQValues(SparkSession spark, Dataset<Row> contrasts, StructType schema) {
    List<Row> rows = contrasts.collectAsList();
    int pIndex = schema.fieldIndex("p_value");
    int qIndex = schema.fieldIndex("q_value");
    double[] p = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      p[i] = rows.get(i).isNullAt(pIndex) ? Double.NaN : rows.get(i).getDouble(pIndex);
    }
    double[] q = BenjaminiHochberg.adjust(p);
    List<Row> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Object[] values = new Object[schema.size()];
      for (int f = 0; f < values.length; f++) {
        values[f] = rows.get(i).get(f);
      }
      values[qIndex] = Double.isNaN(q[i]) ? null : q[i];
      out.add(RowFactory.create(values));
    }
    return spark.createDataFrame(out, schema);
  }
}
