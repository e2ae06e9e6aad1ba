package org.biasaudit.actors;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.biasaudit.config.ConfigException;
import org.biasaudit.config.YamlFiles;

/**
 * The tracked actors, validated. Loading fails before Spark starts, with a message that names the entry
 * and the fix, on a duplicate id, an empty alias or an alias claimed by two actors.
 */
public final class ActorRegistry implements Serializable {
  private static final Pattern ID = Pattern.compile("[a-z0-9_]{1,64}");
  private static final Set<String> KINDS = Set.of("person", "organization");
  private static final Set<String> KNOWN_FIELDS = Set.of("id", "name", "kind", "aliases", "first_names", "exclude");

  private final String source;
  private final List<Actor> actors;

  public ActorRegistry(String source, List<Actor> actors) {
    this.source = source;
    this.actors = List.copyOf(actors);
    validate();
  }

  public static ActorRegistry load(Path file) {
    return fromYaml(YamlFiles.loadMap(file), file.toString());
  }

  public static ActorRegistry fromYaml(Map<String, Object> root, String file) {
    Object list = root.get("actors");
    if (!(list instanceof List<?> entries) || entries.isEmpty()) {
      throw new ConfigException(file, "actors", "missing or empty", "list the tracked actors under 'actors:'");
    }
    List<Actor> actors = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String where = "actors[" + i + "]";
      if (!(entries.get(i) instanceof Map<?, ?> raw)) {
        throw new ConfigException(file, where, "is not a mapping", "write '- id: ..., name: ..., aliases: [...]'");
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      raw.forEach((k, v) -> entry.put(String.valueOf(k), v));
      String id = entry.get("id") == null ? null : String.valueOf(entry.get("id"));
      if (id != null) {
        where = where + " (id " + id + ")";
      }
      if (id == null || !ID.matcher(id).matches()) {
        throw new ConfigException(file, where + ".id", "missing or not of the form [a-z0-9_]+",
            "give a short lower-case id such as 'putin'");
      }
      String name = entry.get("name") == null ? null : String.valueOf(entry.get("name")).trim();
      if (name == null || name.isEmpty()) {
        throw new ConfigException(file, where + ".name", "missing", "give the actor's canonical name");
      }
      String kind = String.valueOf(entry.getOrDefault("kind", "person"));
      if (!KINDS.contains(kind)) {
        throw new ConfigException(file, where + ".kind", "'" + kind + "' is not a kind", "use one of " + KINDS);
      }
      List<String> aliases = YamlFiles.stringList(entry.get("aliases"), file, where + ".aliases");
      if (aliases.isEmpty()) {
        aliases = List.of(name);
      }
      for (int a = 0; a < aliases.size(); a++) {
        if (aliases.get(a).isBlank()) {
          throw new ConfigException(file, where + ".aliases[" + a + "]", "is empty", "remove the empty alias");
        }
      }
      List<String> firstNames = YamlFiles.stringList(entry.get("first_names"), file, where + ".first_names");
      List<String> exclude = YamlFiles.stringList(entry.get("exclude"), file, where + ".exclude");
      Map<String, String> attributes = new LinkedHashMap<>();
      entry.forEach((k, v) -> {
        if (!KNOWN_FIELDS.contains(k) && v != null) {
          attributes.put(k, String.valueOf(v));
        }
      });
      actors.add(new Actor(id, name, kind,
          aliases.stream().map(String::trim).toList(), firstNames, exclude, attributes));
    }
    return new ActorRegistry(file, actors);
  }

  private void validate() {
    Map<String, String> ids = new HashMap<>();
    Map<String, String> aliasOwner = new HashMap<>();
    for (Actor actor : actors) {
      if (ids.put(actor.id(), actor.name()) != null) {
        throw new ConfigException(source, "actors (id " + actor.id() + ")", "duplicate id",
            "give each actor a unique id");
      }
      for (String alias : actor.aliases()) {
        String key = TextFolding.fold(alias);
        String previous = aliasOwner.put(key, actor.id());
        if (previous != null && !previous.equals(actor.id())) {
          throw new ConfigException(source, "actors (id " + actor.id() + ").aliases", "alias '" + alias
              + "' is also claimed by actor '" + previous + "'", "keep the alias on one actor only");
        }
      }
    }
  }

  public String source() {
    return source;
  }

  public List<Actor> actors() {
    return actors;
  }

  public Actor byId(String id) {
    for (Actor actor : actors) {
      if (actor.id().equals(id)) {
        return actor;
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ActorRegistry that && actors.equals(that.actors);
  }

  @Override
  public int hashCode() {
    return actors.hashCode();
  }
}
