package org.biasaudit.output;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Masks credentials in settings before they are logged or written to the manifest: any key that names a
 * secret, password, token, credential or access key keeps its name and loses its value.
 */
public final class SecretMasking {
  public static final String MASK = "********";
  private static final Pattern SECRET_KEY = Pattern.compile(
      "(?i).*(secret|password|passwd|token|credential|access[._-]?key|session[._-]?key|private[._-]?key|signature).*");

  private SecretMasking() {}

  public static boolean isSecret(String key) {
    return SECRET_KEY.matcher(key).matches();
  }

  /** A sorted copy with secret values masked. */
  public static Map<String, String> mask(Map<String, String> settings) {
    Map<String, String> out = new TreeMap<>();
    settings.forEach((key, value) -> out.put(key, isSecret(key) && value != null ? MASK : value));
    return out;
  }
}
