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
 *
 * <p>Articles with the same content key (title, text and date: all that annotation reads) get the same NLP
 * results, so only the first of a run of them is annotated; the others take its results with their own
 * article fields. The job hands each partition its articles sorted by content key, so the copies of a text
 * (one article crawled under two URLs, a verbatim wire story) are adjacent.
 */
final class AnnotateFn implements MapPartitionsFunction<Row, Row> {
  static final String NLP_ERROR = "nlp_error";

  private final AuditConfig config;
  private final Broadcast<ActorRegistry> registry;
  private final LongAccumulator done;
  private final LongAccumulator sameContent;

  /**
   * @param done counts every article out
   * @param sameContent counts the articles that took the results of an identical one instead of being annotated
   */
  AnnotateFn(AuditConfig config, Broadcast<ActorRegistry> registry, LongAccumulator done, LongAccumulator sameContent) {
    this.config = config;
    this.registry = registry;
    this.done = done;
    this.sameContent = sameContent;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> articles) {
    ArticleAnnotator annotator = new ArticleAnnotator(config, registry.value());
    return new Iterator<>() {
      private String lastKey;
      private AnnotatedArticle lastResult;

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
        if (contentKey != null && contentKey.equals(lastKey)) {
          row = toRow(sameContentAs(lastResult, article), null, contentKey);
          sameContent.add(1);
        } else {
          lastKey = null;
          try {
            AnnotatedArticle result = annotator.annotate(article);
            row = toRow(result, null, contentKey);
            lastKey = contentKey;
            lastResult = result;
          } catch (RuntimeException | StackOverflowError e) {
            AnnotatedArticle failed = new AnnotatedArticle(article, NLP_ERROR, false, 0, 0, List.of(), List.of(), List.of(), 0);
            row = toRow(failed, e.getClass().getSimpleName() + ": " + e.getMessage(), contentKey);
          }
        }
        done.add(1);
        return row;
      }
    };
  }

  /** The NLP results of {@code original} for {@code article}, whose title, text and date are the same; no time spent. */
  static AnnotatedArticle sameContentAs(AnnotatedArticle original, ArticleRecord article) {
    return new AnnotatedArticle(article, original.status(), original.textTruncated(), original.tokenCount(),
        original.sentenceCount(), original.actorIds(), original.mentions(), original.quotes(), 0);
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
