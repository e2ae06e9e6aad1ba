package org.biasaudit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SpeechVerbsTest {
  @Test
  void everyInflectedFormMapsToItsLemmaAndClass() {
    assertThat(SpeechVerbs.lookup("said")).isEqualTo(SpeechVerbs.lookup("say"));
    assertThat(SpeechVerbs.lookup("Insisted").lemma()).isEqualTo("insist");
    assertThat(SpeechVerbs.lookup("insisting").framing()).isEqualTo("assertive");
    assertThat(SpeechVerbs.lookup("conceded").framing()).isEqualTo("concessive");
    assertThat(SpeechVerbs.lookup("denies").framing()).isEqualTo("negating");
    assertThat(SpeechVerbs.lookup("vowed").framing()).isEqualTo("predictive");
    assertThat(SpeechVerbs.lookup("praising").framing()).isEqualTo("evaluative");
    assertThat(SpeechVerbs.lookup("replied").lemma()).isEqualTo("reply");
    assertThat(SpeechVerbs.lookup("wrote").lemma()).isEqualTo("write");
    assertThat(SpeechVerbs.lookupPhrase("shot", "back").lemma()).isEqualTo("shoot back");
    assertThat(SpeechVerbs.lookupPhrase("According", "to").lemma()).isEqualTo("according to");
    assertThat(SpeechVerbs.lookup("table")).isNull();
    assertThat(SpeechVerbs.lookup(null)).isNull();
  }

  @Test
  void onlyClauseTakingVerbsReport() {
    assertThat(SpeechVerbs.lookup("said").reports()).isTrue();
    assertThat(SpeechVerbs.lookup("warned").reports()).isTrue();
    assertThat(SpeechVerbs.lookup("called").reports()).isFalse();
    assertThat(SpeechVerbs.lookup("praised").reports()).isFalse();
    assertThat(SpeechVerbs.lookup("urged").reports()).isFalse();
  }

  /** docs/speech-verbs.md lists exactly the lexicon's verbs, each with its class and whether it reports. */
  @Test
  void theDocumentedLexiconIsTheLexicon() throws IOException {
    Pattern row = Pattern.compile("^\\| `([a-z ]+)` \\| ([a-z]+) \\| (yes|no) \\|$");
    Map<String, String> documented = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("docs/speech-verbs.md"))) {
      Matcher m = row.matcher(line);
      if (m.find()) {
        assertThat(documented.put(m.group(1), m.group(2) + "/" + m.group(3))).as("listed twice: " + m.group(1)).isNull();
      }
    }
    Map<String, String> lexicon = new LinkedHashMap<>();
    SpeechVerbs.lemmas().forEach((lemma, verb) -> lexicon.put(lemma, verb.framing() + "/" + (verb.reports() ? "yes" : "no")));
    assertThat(documented).containsExactlyInAnyOrderEntriesOf(lexicon);
    assertThat(SpeechVerbs.CLASSES).allMatch(c -> lexicon.values().stream().anyMatch(v -> v.startsWith(c + "/")));
  }
}
