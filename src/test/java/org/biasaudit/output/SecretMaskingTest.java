package org.biasaudit.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskingTest {
  @Test
  void masksCredentialsAndKeepsTheRest() {
    Map<String, String> masked = SecretMasking.mask(Map.of(
        "fs.s3a.access.key", "AKIAEXAMPLE",
        "fs.s3a.secret.key", "wJalrXUtnFEMI",
        "fs.s3a.session.token", "tok",
        "spark.ssl.keyStorePassword", "pw",
        "spark.app.name", "bias-audit",
        "fs.s3a.endpoint", "http://127.0.0.1:9000"));
    assertThat(masked).containsEntry("fs.s3a.access.key", SecretMasking.MASK)
        .containsEntry("fs.s3a.secret.key", SecretMasking.MASK)
        .containsEntry("fs.s3a.session.token", SecretMasking.MASK)
        .containsEntry("spark.ssl.keyStorePassword", SecretMasking.MASK)
        .containsEntry("spark.app.name", "bias-audit")
        .containsEntry("fs.s3a.endpoint", "http://127.0.0.1:9000");
    assertThat(masked.values()).doesNotContain("AKIAEXAMPLE", "wJalrXUtnFEMI", "tok", "pw");
  }
}
