package org.biasaudit.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A typed view of one YAML section that remembers its path, so every error names the file and the dotted
 * field. Unknown keys are errors: a misspelt setting must not be silently ignored.
 */
final class ConfigMap {
  private final String file;
  private final String path;
  private final Map<String, Object> values;

  ConfigMap(String file, String path, Map<String, Object> values) {
    this.file = file;
    this.path = path;
    this.values = values == null ? Map.of() : values;
  }

  String field(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  ConfigMap section(String key) {
    Object value = values.get(key);
    if (value == null) {
      return new ConfigMap(file, field(key), Map.of());
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new ConfigException(file, field(key), "must be a mapping", "indent its settings under '" + key + ":'");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return new ConfigMap(file, field(key), out);
  }

  void requireOnly(Set<String> known) {
    for (String key : values.keySet()) {
      if (!known.contains(key)) {
        throw new ConfigException(file, field(key), "unknown setting",
            "remove it or use one of " + new TreeSet<>(known));
      }
    }
  }

  String string(String key, String defaultValue) {
    Object value = values.get(key);
    return value == null ? defaultValue : String.valueOf(value);
  }

  String choice(String key, String defaultValue, List<String> allowed) {
    String value = string(key, defaultValue);
    if (!allowed.contains(value)) {
      throw new ConfigException(file, field(key), "'" + value + "' is not allowed", "use one of " + allowed);
    }
    return value;
  }

  int integer(String key, int defaultValue, int min, int max) {
    Object value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Integer number) || number < min || number > max) {
      throw new ConfigException(file, field(key), "'" + value + "' is not a whole number in [" + min + ", " + max + "]",
          "set a whole number between " + min + " and " + max);
    }
    return number;
  }

  double decimal(String key, double defaultValue, double min, double max) {
    Object value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Number number) || number.doubleValue() < min || number.doubleValue() > max) {
      throw new ConfigException(file, field(key), "'" + value + "' is not a number in [" + min + ", " + max + "]",
          "set a number between " + min + " and " + max);
    }
    return number.doubleValue();
  }

  boolean bool(String key, boolean defaultValue) {
    Object value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (!(value instanceof Boolean flag)) {
      throw new ConfigException(file, field(key), "'" + value + "' is not true or false", "write true or false");
    }
    return flag;
  }

  Map<String, String> stringMap(String key) {
    ConfigMap section = section(key);
    Map<String, String> out = new LinkedHashMap<>();
    section.values.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
    return out;
  }
}
