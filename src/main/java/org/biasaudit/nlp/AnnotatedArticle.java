package org.biasaudit.nlp;

import java.util.List;
import org.biasaudit.ingest.ArticleRecord;

/**
 * An article after the NLP stage.
 *
 * @param status {@code annotated}; {@code no_actor} when no tracked actor is named (it never reached the
 *     deep annotators); {@code time_limit} when the per-article time limit stopped annotation part-way;
 *     {@code unsupported_language} when most letters are not Latin script (the models are English)
 * @param textTruncated true when the text was longer than the per-article cap and only its start was read
 */
public record AnnotatedArticle(
    ArticleRecord article,
    String status,
    boolean textTruncated,
    int tokenCount,
    int sentenceCount,
    List<String> actorIds,
    List<Mention> mentions,
    List<Quotation> quotes,
    long annotationMillis) {

  public static final String ANNOTATED = "annotated";
  public static final String NO_ACTOR = "no_actor";
  public static final String TIME_LIMIT = "time_limit";
  public static final String UNSUPPORTED_LANGUAGE = "unsupported_language";
}
