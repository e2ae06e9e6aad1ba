package org.biasaudit.jobs;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.ingest.ArticleRecord;
import org.biasaudit.nlp.AnnotatedArticle;
import org.biasaudit.nlp.ArticleAnnotator;
import org.biasaudit.nlp.Mention;
import org.biasaudit.nlp.Quotation;
import org.biasaudit.output.TableSchemas;

/**
 * The NLP stage over one partition: articles in ({@code INGESTED} rows of kind article), one
 * {@link TableSchemas#ANNOTATED} row out per article. The annotator is created per partition but its
 * models come from the per-JVM cache, so every task thread of an executor shares one loaded pipeline.
 * An article that makes CoreNLP fail is kept with status {@code nlp_error}; it never fails the task.
 */
final class AnnotateFn implements MapPartitionsFunction<Row, Row> {
  static final String NLP_ERROR = "nlp_error";

  private final AuditConfig config;
  private final Broadcast<ActorRegistry> registry;
  private final LongAccumulator done;

  AnnotateFn(AuditConfig config, Broadcast<ActorRegistry> registry, LongAccumulator done) {
    this.config = config;
    this.registry = registry;
    this.done = done;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> articles) {
    ArticleAnnotator annotator = new ArticleAnnotator(config, registry.value());
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return articles.hasNext();
      }

      @Override
      public Row next() {
        Row input = articles.next();
        ArticleRecord article = ReadFilesFn.toArticle(input);
        String contentKey = input.getAs("content_key");
        Row row;
        try {
          row = toRow(annotator.annotate(article), null, contentKey);
        } catch (RuntimeException | StackOverflowError e) {
          AnnotatedArticle failed = new AnnotatedArticle(article, NLP_ERROR, false, 0, 0, List.of(), List.of(), List.of(), 0);
          row = toRow(failed, e.getClass().getSimpleName() + ": " + e.getMessage(), contentKey);
        }
        done.add(1);
        return row;
      }
    };
  }

  static Row toRow(AnnotatedArticle annotated, String detail, String contentKey) {
    ArticleRecord a = annotated.article();
    List<Row> mentions = new ArrayList<>();
    for (Mention m : annotated.mentions()) {
      mentions.add(RowFactory.create(m.actorId(), m.surface(), m.field(), m.begin(), m.end(), m.sentenceIndex(),
          m.mentionType(), m.sentenceSentiment(), m.targetSentiment(), m.targetLabel(), m.sentimentStatus(), m.sentence(),
          m.chainId(), m.resolution(), m.role(), m.governingVerb(), SparkValues.seq(m.descriptors()), m.inQuote(),
          m.quoteSpeakerId()));
    }
    List<Row> quotes = new ArrayList<>();
    int index = 0;
    for (Quotation q : annotated.quotes()) {
      quotes.add(RowFactory.create(index++, q.kind(), q.begin(), q.end(), q.text(), q.speakerSurface(), q.speakerName(),
          q.speakerActorId(), q.speakerMethod(), q.attributionVerb(), q.attributionClass(), SparkValues.seq(q.mentionedActorIds()),
          SparkValues.map(q.mentionedActorSentiment())));
    }
    return RowFactory.create(a.id(), a.outlet(),
        a.published() == null ? null : Date.valueOf(a.published()),
        a.publishedAt() == null ? null : Timestamp.from(a.publishedAt()),
        a.publishedRaw(), a.url(), a.title(), a.sourceFile(), a.sourceRow(), a.idDerived(),
        annotated.status(), detail, a.textCleaned(), annotated.textTruncated(), a.text().length(),
        annotated.tokenCount(), annotated.sentenceCount(), SparkValues.seq(annotated.actorIds()), SparkValues.seq(mentions),
        SparkValues.seq(quotes),
        annotated.annotationMillis(), contentKey);
  }
}
