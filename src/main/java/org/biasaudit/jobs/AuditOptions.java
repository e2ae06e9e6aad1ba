package org.biasaudit.jobs;

import java.util.List;

/**
 * The command-line contract of {@code jobs/audit}, parsed.
 *
 * @param config the config file, or null for the built-in defaults
 * @param master the Spark master URL, or null for the config's (default {@code local[*]})
 */
public record AuditOptions(List<String> inputs, String output, String actors, String config, String master, boolean overwrite) {
  public static final String DEFAULT_ACTORS = "conf/actors.yaml";
  public static final String DEFAULT_CONFIG = "conf/audit.yaml";
}
