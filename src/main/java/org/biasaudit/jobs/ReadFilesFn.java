package org.biasaudit.jobs;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.ingest.ArticleRecord;
import org.biasaudit.ingest.IngestResult;
import org.biasaudit.ingest.InputFileReader;
import org.biasaudit.ingest.RejectedRecord;
import org.biasaudit.output.TableSchemas;

/**
 * Reads one input file per row on the executors (schema {@link TableSchemas#INPUT_FILES} in,
 * {@link TableSchemas#INGESTED} out). The Hadoop settings travel as a plain map so executors reach the
 * same file systems as the driver without reading the driver's files.
 */
final class ReadFilesFn implements FlatMapFunction<Row, Row> {
  private final AuditConfig.Input settings;
  private final Map<String, String> hadoopSettings;

  ReadFilesFn(AuditConfig.Input settings, Map<String, String> hadoopSettings) {
    this.settings = settings;
    this.hadoopSettings = hadoopSettings;
  }

  @Override
  public Iterator<Row> call(Row file) {
    Configuration conf = new Configuration();
    hadoopSettings.forEach(conf::set);
    List<Row> rows = new ArrayList<>();
    new InputFileReader(settings, conf).read(file.getString(0), result -> rows.add(toRow(result)));
    return rows.iterator();
  }

  static Row toRow(IngestResult result) {
    if (result instanceof ArticleRecord a) {
      return RowFactory.create("article", a.id(), a.idDerived(), a.outlet(),
          a.published() == null ? null : Date.valueOf(a.published()),
          a.publishedAt() == null ? null : Timestamp.from(a.publishedAt()),
          a.publishedRaw(), a.url(), a.title(), a.text(), a.sourceFile(), a.sourceRow(), a.textCleaned(), null, null, null);
    }
    RejectedRecord r = (RejectedRecord) result;
    return RowFactory.create("rejected", r.id(), null, null, null, null, null, null, null, null,
        r.sourceFile(), r.sourceRow(), null, r.reason().code(), r.detail(), r.excerpt());
  }

  static ArticleRecord toArticle(Row row) {
    Date published = row.getAs("published");
    Timestamp publishedAt = row.getAs("published_at");
    return new ArticleRecord(row.getAs("article_id"), row.<Boolean>getAs("id_derived"), row.getAs("outlet"),
        published == null ? null : published.toLocalDate(),
        publishedAt == null ? null : publishedAt.toInstant(),
        row.getAs("published_raw"), row.getAs("url"), row.getAs("title"), row.getAs("text"),
        row.getAs("source_file"), row.<Long>getAs("source_row"), Boolean.TRUE.equals(row.getAs("text_cleaned")));
  }
}
