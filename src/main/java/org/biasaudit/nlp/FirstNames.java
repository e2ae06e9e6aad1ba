package org.biasaudit.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Given names and their usual gender, from the list CoreNLP's coreference system ships in its models jar
 * (about 14,600 names). Used to notice people the registry does not track ("Fiona Hill", "Dmitry Peskov"),
 * who compete with tracked actors for the pronouns after them. Loaded once; immutable.
 */
final class FirstNames {
  static final String RESOURCE = "edu/stanford/nlp/models/dcoref/namegender.combine.txt";

  enum Gender { MALE, FEMALE, UNKNOWN }

  private static final class Holder {
    static final Map<String, Gender> NAMES = load();
  }

  private FirstNames() {}

  /** The gender of a given name, {@link Gender#UNKNOWN} for a name used by both, null for no known name. */
  static Gender of(String word) {
    return word == null ? null : Holder.NAMES.get(word.toLowerCase(Locale.ROOT));
  }

  private static Map<String, Gender> load() {
    Map<String, Gender> names = new HashMap<>();
    InputStream in = FirstNames.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(RESOURCE + " is not on the classpath: the CoreNLP models jar is missing");
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String[] parts = line.split("\t");
        if (parts.length != 2 || parts[0].isBlank()) {
          continue;
        }
        Gender gender = "MALE".equals(parts[1]) ? Gender.MALE : "FEMALE".equals(parts[1]) ? Gender.FEMALE : null;
        if (gender != null) {
          names.merge(parts[0].trim(), gender, (a, b) -> a == b ? a : Gender.UNKNOWN);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(names);
  }
}
