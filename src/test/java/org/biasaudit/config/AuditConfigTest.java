package org.biasaudit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditConfigTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("audit.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void shippedConfigEqualsTheBuiltInDefaults() {
    AuditConfig shipped = AuditConfig.load(Path.of("conf/audit.yaml"));
    AuditConfig defaults = AuditConfig.defaults();
    assertThat(shipped.input()).isEqualTo(defaults.input());
    assertThat(shipped.nlp()).isEqualTo(defaults.nlp());
    assertThat(shipped.sentiment()).isEqualTo(defaults.sentiment());
    assertThat(shipped.aggregation()).isEqualTo(defaults.aggregation());
    assertThat(shipped.output()).isEqualTo(defaults.output());
    assertThat(shipped.sparkMaster()).isEqualTo(defaults.sparkMaster());
  }

  @Test
  void readsSettingsAndFieldMapping() throws IOException {
    AuditConfig config = AuditConfig.load(write("""
        input:
          fields: {text: body, outlet: source}
        aggregation:
          period: week
          min_support: 3
        nlp:
          parser: pcfg
        """));
    assertThat(config.input().sourceField("text")).isEqualTo("body");
    assertThat(config.input().sourceField("outlet")).isEqualTo("source");
    assertThat(config.input().sourceField("title")).isEqualTo("title");
    assertThat(config.aggregation().period()).isEqualTo("week");
    assertThat(config.aggregation().minSupport()).isEqualTo(3);
    assertThat(config.nlp().parser()).isEqualTo("pcfg");
  }

  @Test
  void readsComparisonSettings() throws IOException {
    AuditConfig config = AuditConfig.load(write("""
        aggregation:
          exclude_syndicated: true
          syndication_similarity: 0.8
          framing_window: 4
          framing_prior: 250
          framing_min_count: 2
          framing_top_terms: 5
        """));
    AuditConfig.Aggregation a = config.aggregation();
    assertThat(a.excludeSyndicated()).isTrue();
    assertThat(a.syndicationSimilarity()).isEqualTo(0.8);
    assertThat(a.framingWindow()).isEqualTo(4);
    assertThat(a.framingPrior()).isEqualTo(250.0);
    assertThat(a.framingMinCount()).isEqualTo(2);
    assertThat(a.framingTopTerms()).isEqualTo(5);
    assertThat(AuditConfig.defaults().aggregation().excludeSyndicated()).isFalse();
    assertThat(config.describe()).containsEntry("aggregation.exclude_syndicated", true);
    Path bad = write("aggregation:\n  exclude_syndicated: sometimes\n");
    assertThatThrownBy(() -> AuditConfig.load(bad)).hasMessageContaining("aggregation.exclude_syndicated");
  }

  @Test
  void corefTierDefaultsToFastAndIsValidated() throws IOException {
    assertThat(AuditConfig.defaults().nlp().coref()).isEqualTo("fast");
    assertThat(AuditConfig.load(write("nlp:\n  coref: full\n")).nlp().coref()).isEqualTo("full");
    assertThat(AuditConfig.defaults().withCoref("none").nlp().coref()).isEqualTo("none");
    assertThat(AuditConfig.defaults().withCoref("none").nlp().parser()).isEqualTo("sr");
    assertThat(AuditConfig.defaults().describe()).containsEntry("nlp.coref", "fast");
    Path bad = write("nlp:\n  coref: neural\n");
    assertThatThrownBy(() -> AuditConfig.load(bad)).isInstanceOf(ConfigException.class).hasMessageContaining("nlp.coref")
        .hasMessageContaining("[none, fast, full]");
    assertThatThrownBy(() -> AuditConfig.defaults().withCoref("neural")).hasMessageContaining("nlp.coref");
  }

  @Test
  void sentimentMethodDefaultsToTheClassifierAndRefusesOthers() throws IOException {
    assertThat(AuditConfig.defaults().sentiment().method()).isEqualTo(AuditConfig.Sentiment.CLASSIFIER);
    assertThat(AuditConfig.load(write("sentiment:\n  method: tree\n")).sentiment().method()).isEqualTo("tree");
    Path file = write("sentiment:\n  method: vibes\n");
    assertThatThrownBy(() -> AuditConfig.load(file)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("sentiment.method").hasMessageContaining("classifier");
  }

  @Test
  void unknownKeyNamesFileFieldAndFix() throws IOException {
    Path file = write("aggregation:\n  perod: month\n");
    assertThatThrownBy(() -> AuditConfig.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("aggregation.perod")
        .hasMessageContaining("fix:")
        .hasMessageContaining("period");
  }

  @Test
  void badValuesAreRejectedWithTheAllowedRange() throws IOException {
    Path file = write("aggregation:\n  period: fortnight\n");
    assertThatThrownBy(() -> AuditConfig.load(file)).hasMessageContaining("aggregation.period")
        .hasMessageContaining("[week, month, quarter, year]");
    Path other = write("nlp:\n  max_sentence_tokens: lots\n");
    assertThatThrownBy(() -> AuditConfig.load(other)).hasMessageContaining("nlp.max_sentence_tokens");
    Path mapping = write("input:\n  fields: {body: text}\n");
    assertThatThrownBy(() -> AuditConfig.load(mapping)).hasMessageContaining("input.fields.body");
  }

  @Test
  void yamlGlobalTagsCannotConstructClasses() throws IOException {
    Path file = write("aggregation: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n");
    assertThatThrownBy(() -> AuditConfig.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("global tags");
  }

  @Test
  void missingFileIsAConfigError() {
    assertThatThrownBy(() -> AuditConfig.load(dir.resolve("nope.yaml"))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("nope.yaml");
  }
}
