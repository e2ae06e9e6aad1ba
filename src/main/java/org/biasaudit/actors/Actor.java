package org.biasaudit.actors;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One tracked actor from the registry.
 *
 * @param firstNames given names allowed directly before a bare surname alias
 * @param exclude longer names containing an alias that denote someone or something else
 * @param attributes registry fields this version does not interpret, kept for the {@code actors} table
 * @param gender {@code male}, {@code female} or null (unknown, or an organisation): which third-person
 *     pronouns may refer to the actor
 * @param titles nominal references and the dates they hold ("Russian president" from 2012-05-07)
 * @param metonyms names of something else that stand for the actor ("Kremlin" for the Russian government)
 * @param ambiguousSurname the bare surname is shared with another tracked actor and is assigned by the
 *     article's context
 * @param surnameDefault among the actors sharing a surname, the one a bare surname means when the article
 *     gives no context
 */
public record Actor(
    String id,
    String name,
    String kind,
    List<String> aliases,
    List<String> firstNames,
    List<String> exclude,
    Map<String, String> attributes,
    String gender,
    List<DatedPhrase> titles,
    List<DatedPhrase> metonyms,
    boolean ambiguousSurname,
    boolean surnameDefault)
    implements Serializable {

  public static final String PERSON = "person";
  public static final String ORGANIZATION = "organization";

  public Actor {
    aliases = List.copyOf(aliases);
    firstNames = List.copyOf(firstNames);
    exclude = List.copyOf(exclude);
    attributes = Map.copyOf(attributes);
    titles = List.copyOf(titles);
    metonyms = List.copyOf(metonyms);
  }

  /** An actor with names only: no gender, titles, metonyms or shared surname. */
  public Actor(String id, String name, String kind, List<String> aliases, List<String> firstNames, List<String> exclude,
      Map<String, String> attributes) {
    this(id, name, kind, aliases, firstNames, exclude, attributes, null, List.of(), List.of(), false, false);
  }

  /** The last word of the canonical name ("Putin" for "Vladimir Putin"); organisations have none. */
  public String surname() {
    if (!PERSON.equals(kind)) {
      return null;
    }
    String[] words = name.trim().split("\\s+");
    return words.length > 1 ? words[words.length - 1] : null;
  }

  public boolean isPerson() {
    return PERSON.equals(kind);
  }
}
