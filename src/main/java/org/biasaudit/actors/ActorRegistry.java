package org.biasaudit.actors;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
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
 * and the fix, on a duplicate id, an empty alias, an alias claimed by two actors without a rule that
 * tells them apart ({@code ambiguous_surname}), a malformed date or date range of a title or metonym, or
 * a metonym that is another actor's alias.
 */
public final class ActorRegistry implements Serializable {
  private static final Pattern ID = Pattern.compile("[a-z0-9_]{1,64}");
  private static final Set<String> KINDS = Set.of(Actor.PERSON, Actor.ORGANIZATION);
  private static final Set<String> GENDERS = Set.of("male", "female");
  private static final Set<String> KNOWN_FIELDS = Set.of("id", "name", "kind", "aliases", "first_names", "exclude",
      "gender", "titles", "metonyms", "ambiguous_surname", "surname_default");

  private final String source;
  private final List<Actor> actors;
  private final Map<String, Actor> byId = new HashMap<>();

  public ActorRegistry(String source, List<Actor> actors) {
    this.source = source;
    this.actors = List.copyOf(actors);
    validate();
    actors.forEach(a -> byId.put(a.id(), a));
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
      String kind = String.valueOf(entry.getOrDefault("kind", Actor.PERSON));
      if (!KINDS.contains(kind)) {
        throw new ConfigException(file, where + ".kind", "'" + kind + "' is not a kind", "use one of " + KINDS);
      }
      List<String> aliases = YamlFiles.stringList(entry.get("aliases"), file, where + ".aliases");
      if (aliases.isEmpty()) {
        aliases = List.of(name);
      }
      requireNonBlank(aliases, file, where + ".aliases", "remove the empty alias");
      List<String> firstNames = YamlFiles.stringList(entry.get("first_names"), file, where + ".first_names");
      requireNonBlank(firstNames, file, where + ".first_names", "remove the empty name");
      List<String> exclude = YamlFiles.stringList(entry.get("exclude"), file, where + ".exclude");
      requireNonBlank(exclude, file, where + ".exclude", "remove the empty phrase");
      String gender = entry.get("gender") == null ? null : String.valueOf(entry.get("gender"));
      if (gender != null && (!GENDERS.contains(gender) || !Actor.PERSON.equals(kind))) {
        throw new ConfigException(file, where + ".gender", "'" + gender + "' is not a gender of a person",
            "use male or female on a person, or leave it out (pronouns are then not resolved to this actor)");
      }
      List<DatedPhrase> titles = datedPhrases(entry.get("titles"), "title", file, where + ".titles");
      List<DatedPhrase> metonyms = datedPhrases(entry.get("metonyms"), "metonym", file, where + ".metonyms");
      boolean ambiguous = flag(entry.get("ambiguous_surname"), file, where + ".ambiguous_surname");
      boolean surnameDefault = flag(entry.get("surname_default"), file, where + ".surname_default");
      Map<String, String> attributes = new LinkedHashMap<>();
      entry.forEach((k, v) -> {
        if (!KNOWN_FIELDS.contains(k) && v != null) {
          attributes.put(k, String.valueOf(v));
        }
      });
      actors.add(new Actor(id, name, kind, aliases.stream().map(String::trim).toList(),
          firstNames.stream().map(String::trim).toList(), exclude.stream().map(String::trim).toList(), attributes,
          gender, titles, metonyms, ambiguous, surnameDefault));
    }
    return new ActorRegistry(file, actors);
  }

  private static void requireNonBlank(List<String> values, String file, String field, String fix) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).isBlank()) {
        throw new ConfigException(file, field + "[" + i + "]", "is empty", fix);
      }
    }
  }

  private static boolean flag(Object value, String file, String field) {
    if (value == null) {
      return false;
    }
    if (!(value instanceof Boolean b)) {
      throw new ConfigException(file, field, "'" + value + "' is not true or false", "write true or false");
    }
    return b;
  }

  /** A list whose items are a phrase ("alliance") or a mapping {key: phrase, from: date, to: date}. */
  private static List<DatedPhrase> datedPhrases(Object value, String key, String file, String field) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new ConfigException(file, field, "must be a list",
          "write one '- {" + key + ": ..., from: YYYY-MM-DD, to: YYYY-MM-DD}' per line");
    }
    List<DatedPhrase> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = field + "[" + i + "]";
      Object item = list.get(i);
      String text;
      LocalDate from = null;
      LocalDate to = null;
      if (item instanceof Map<?, ?> map) {
        for (Object k : map.keySet()) {
          if (!Set.of(key, "from", "to").contains(String.valueOf(k))) {
            throw new ConfigException(file, where + "." + k, "unknown field", "use " + key + ", from and to");
          }
        }
        text = map.get(key) == null ? "" : String.valueOf(map.get(key)).trim();
        from = date(map.get("from"), file, where + ".from");
        to = date(map.get("to"), file, where + ".to");
      } else {
        text = item == null ? "" : String.valueOf(item).trim();
      }
      if (text.isEmpty()) {
        throw new ConfigException(file, where, "has no " + key, "give the phrase, e.g. {" + key + ": ..., from: 2021-01-20}");
      }
      if (from != null && to != null && !to.isAfter(from)) {
        throw new ConfigException(file, where, "malformed date range: 'to' " + to + " is not after 'from' " + from,
            "give the first day the " + key + " applies as 'from' and the first day it no longer does as 'to'");
      }
      out.add(new DatedPhrase(text, from, to));
    }
    return out;
  }

  private static LocalDate date(Object value, String file, String field) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      // SnakeYAML reads an unquoted 2021-01-20 as a timestamp at midnight UTC.
      return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
    try {
      return LocalDate.parse(String.valueOf(value).trim());
    } catch (DateTimeParseException e) {
      throw new ConfigException(file, field, "'" + value + "' is not a date", "write an ISO date such as 2021-01-20, or null");
    }
  }

  private void validate() {
    Map<String, String> ids = new HashMap<>();
    Map<String, List<Actor>> claimants = new LinkedHashMap<>();
    for (Actor actor : actors) {
      String where = "actors (id " + actor.id() + ")";
      if (ids.put(actor.id(), actor.name()) != null) {
        throw new ConfigException(source, where, "duplicate id", "give each actor a unique id");
      }
      if (actor.surnameDefault() && !actor.ambiguousSurname()) {
        throw new ConfigException(source, where + ".surname_default", "is set but ambiguous_surname is not",
            "set ambiguous_surname: true as well, or remove surname_default");
      }
      if (actor.ambiguousSurname() && !actor.aliases().contains(actor.surname())) {
        throw new ConfigException(source, where + ".ambiguous_surname", "the bare surname '" + actor.surname()
            + "' is not one of the aliases", "add the surname to the aliases, or remove ambiguous_surname");
      }
      for (String alias : actor.aliases()) {
        List<Actor> owners = claimants.computeIfAbsent(TextFolding.fold(alias), k -> new ArrayList<>());
        if (!owners.contains(actor)) {
          owners.add(actor);
        }
        if (owners.size() > 1) {
          checkSharedSurname(alias, owners);
        }
      }
    }
    for (Actor actor : actors) {
      for (DatedPhrase metonym : actor.metonyms()) {
        List<Actor> owners = claimants.get(TextFolding.fold(metonym.text()));
        if (owners != null) {
          throw new ConfigException(source, "actors (id " + actor.id() + ").metonyms", "metonym '" + metonym.text()
              + "' is an alias of actor '" + owners.get(0).id() + "'", "keep it as an alias of one actor or a metonym of one");
        }
        for (Actor other : actors) {
          for (DatedPhrase theirs : other.metonyms()) {
            if (other != actor && TextFolding.fold(theirs.text()).equals(TextFolding.fold(metonym.text()))
                && theirs.overlaps(metonym)) {
              throw new ConfigException(source, "actors (id " + actor.id() + ").metonyms", "metonym '" + metonym.text()
                  + "' is also a metonym of actor '" + other.id() + "' on overlapping dates",
                  "give the two metonyms date ranges that do not overlap, or keep it on one actor");
            }
          }
        }
      }
    }
  }

  /**
   * An alias several actors claim is allowed only as a bare surname they share and all mark as ambiguous;
   * at most one of them may be the default. {@code owners} ends with the actor that claimed it last.
   */
  private void checkSharedSurname(String alias, List<Actor> owners) {
    String key = TextFolding.fold(alias);
    Actor first = owners.get(0);
    Actor last = owners.get(owners.size() - 1);
    String where = "actors (id " + last.id() + ").aliases";
    for (Actor owner : owners) {
      if (owner.surname() == null || !TextFolding.fold(owner.surname()).equals(key)) {
        throw new ConfigException(source, where, "alias '" + alias + "' is also claimed by actor '" + first.id() + "'",
            "keep the alias on one actor only (a longer name that is someone else belongs under 'exclude')");
      }
    }
    for (Actor owner : owners) {
      if (!owner.ambiguousSurname()) {
        throw new ConfigException(source, where, "surname '" + alias + "' is claimed by actors "
            + owners.stream().map(a -> "'" + a.id() + "'").toList() + " without a disambiguation rule",
            "set ambiguous_surname: true on '" + owner.id() + "' (and on every actor sharing the surname) so the"
                + " article's context decides, or keep the alias on one actor");
      }
    }
    List<String> defaults = owners.stream().filter(Actor::surnameDefault).map(Actor::id).toList();
    if (defaults.size() > 1) {
      throw new ConfigException(source, where, "surname '" + alias + "' has several defaults " + defaults,
          "set surname_default: true on one of them at most");
    }
  }

  public String source() {
    return source;
  }

  public List<Actor> actors() {
    return actors;
  }

  public Actor byId(String id) {
    return byId.get(id);
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
