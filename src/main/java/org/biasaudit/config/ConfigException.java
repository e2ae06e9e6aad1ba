package org.biasaudit.config;

/**
 * A configuration or registry problem found before Spark starts. The message always names the file, the
 * field and the fix, because the person reading it is about to edit that file.
 */
public final class ConfigException extends RuntimeException {
  public ConfigException(String file, String field, String problem, String fix) {
    super(file + ": " + field + ": " + problem + (fix == null || fix.isBlank() ? "" : " (fix: " + fix + ")"));
  }

  public ConfigException(String message) {
    super(message);
  }
}
