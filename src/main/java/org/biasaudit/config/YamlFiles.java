package org.biasaudit.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Loads YAML into plain maps, lists and scalars only. {@link SafeConstructor} refuses global tags such as
 * {@code !!javax.script.ScriptEngineManager}, so a config file can never instantiate a class.
 */
public final class YamlFiles {
  private YamlFiles() {}

  public static Map<String, Object> loadMap(Path file) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(name, "(file)", "not found or not a regular file", "pass an existing YAML file");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return loadMap(reader, name);
    } catch (IOException e) {
      throw new ConfigException(name, "(file)", "cannot be read: " + e.getMessage(), "check its permissions");
    }
  }

  public static Map<String, Object> loadMap(Reader reader, String name) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(50);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    Object root;
    try {
      root = yaml.load(reader);
    } catch (YAMLException e) {
      String detail = e.getMessage() == null ? e.toString() : e.getMessage().replace('\n', ' ');
      throw new ConfigException(name, "(document)", "is not valid safe YAML: " + detail,
          "fix the syntax; global tags (!!class) are not allowed");
    }
    if (root == null) {
      return new LinkedHashMap<>();
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw new ConfigException(name, "(document)", "must be a mapping at the top level", "start with key: value pairs");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  /** Reads a list of strings, or fails naming the field. */
  public static List<String> stringList(Object value, String file, String field) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new ConfigException(file, field, "must be a list", "write it as [a, b] or one '- item' per line");
    }
    return list.stream().map(item -> item == null ? "" : String.valueOf(item)).toList();
  }
}
