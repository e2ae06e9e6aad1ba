package org.biasaudit.actors;

/**
 * A reference to a tracked actor that the registry and the article's context resolve without CoreNLP:
 * a name, a metonym or a title. Offsets are end-exclusive Java String offsets into {@code field}.
 *
 * @param type {@code NAME} (an alias or metonym) or {@code NOMINAL} (a title: "the Russian president")
 * @param resolution how it was resolved: {@link #ALIAS}, {@link #SURNAME_CONTEXT}, {@link #METONYM},
 *     {@link #TITLE} or {@link #TITLE_CONTEXT}
 */
public record Reference(String field, int begin, int end, String surface, String actorId, String type, String resolution) {
  public static final String NAME = "NAME";
  public static final String NOMINAL = "NOMINAL";
  public static final String PRONOUN = "PRONOUN";

  /** A registry alias that only this actor claims. */
  public static final String ALIAS = "alias";
  /** A bare surname several people share, given to one of them by the article's context. */
  public static final String SURNAME_CONTEXT = "surname_context";
  /** A registry metonym valid on the publication date ("the Kremlin"). */
  public static final String METONYM = "metonym";
  /** A title that exactly one tracked actor holds on the publication date ("the Russian president"). */
  public static final String TITLE = "title";
  /** A title several actors hold, or a generic one ("the president"), given to the holder named last. */
  public static final String TITLE_CONTEXT = "title_context";
}
