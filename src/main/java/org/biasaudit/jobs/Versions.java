package org.biasaudit.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions of the project and of the libraries that shape its results, for the manifest. */
final class Versions {
  private static final Properties BUILD = load();

  private Versions() {}

  static String project() {
    return BUILD.getProperty("version", "unknown");
  }

  static String corenlp() {
    return BUILD.getProperty("corenlp.version", "unknown");
  }

  static String sparkBuiltAgainst() {
    return BUILD.getProperty("spark.version", "unknown");
  }

  private static Properties load() {
    Properties props = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("/bias-audit.properties")) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      // The manifest then says "unknown"; nothing else depends on it.
    }
    return props;
  }
}
