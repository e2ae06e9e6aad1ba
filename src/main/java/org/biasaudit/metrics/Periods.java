package org.biasaudit.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.year;
import static org.apache.spark.sql.functions.date_trunc;

import org.apache.spark.sql.Column;

/**
 * The summary grain: the label and first day of the period a publication date falls in. Labels sort in
 * time order: {@code 2024-01-08} (week, its Monday), {@code 2024-01} (month), {@code 2024-Q1}, {@code 2024}.
 * Every grain also gets an all-time row with period {@code all}.
 */
public final class Periods {
  public static final String ALL = "all";

  private Periods() {}

  public static Column start(String grain, Column date) {
    return switch (grain) {
      case "week" -> to_date(date_trunc("week", date));
      case "month" -> trunc(date, "month");
      case "quarter" -> trunc(date, "quarter");
      case "year" -> trunc(date, "year");
      default -> throw new IllegalArgumentException("unknown period grain " + grain);
    };
  }

  public static Column label(String grain, Column date) {
    return switch (grain) {
      case "week" -> date_format(start(grain, date), "yyyy-MM-dd");
      case "month" -> date_format(date, "yyyy-MM");
      case "quarter" -> concat(year(date).cast("string"), lit("-Q"), quarter(date).cast("string"));
      case "year" -> year(date).cast("string");
      default -> throw new IllegalArgumentException("unknown period grain " + grain);
    };
  }

  static Column published() {
    return col("published");
  }
}
