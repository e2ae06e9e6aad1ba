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
 */
public record Actor(
    String id,
    String name,
    String kind,
    List<String> aliases,
    List<String> firstNames,
    List<String> exclude,
    Map<String, String> attributes)
    implements Serializable {

  public Actor {
    aliases = List.copyOf(aliases);
    firstNames = List.copyOf(firstNames);
    exclude = List.copyOf(exclude);
    attributes = Map.copyOf(attributes);
  }

  /** The last word of the canonical name ("Putin" for "Vladimir Putin"); organisations have none. */
  public String surname() {
    if (!"person".equals(kind)) {
      return null;
    }
    String[] words = name.trim().split("\\s+");
    return words.length > 1 ? words[words.length - 1] : null;
  }
}
