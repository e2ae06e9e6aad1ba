package org.biasaudit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NewsMTSC reader and the dev split, on a synthetic file in the same format. */
class NewsMtscTest {
  @TempDir Path dir;

  private static String line(String sentence, String target, double... polarities) {
    StringBuilder targets = new StringBuilder();
    int from = sentence.indexOf(target);
    for (double polarity : polarities) {
      if (targets.length() > 0) {
        targets.append(',');
      }
      targets.append(String.format("{\"from\": %d, \"to\": %d, \"mention\": \"%s\", \"polarity\": %.1f}", from, from + target.length(),
          target, polarity));
    }
    return "{\"sentence_normalized\": \"" + sentence + "\", \"targets\": [" + targets + "]}";
  }

  /** 300 sentences: a third each negative, neutral, positive; 30 with two targets; 10 repeated texts. */
  private Path corpus() throws IOException {
    List<String> lines = new ArrayList<>();
    double[] polarities = {2.0, 4.0, 6.0};
    for (int i = 0; i < 300; i++) {
      String sentence = "Report " + i + " says Senator Vale voted on bill " + (i % 290) + ".";
      if (i % 10 == 0) {
        lines.add(line(sentence, "Senator Vale", polarities[i % 3], polarities[(i + 1) % 3]));
      } else {
        lines.add(line(sentence, "Senator Vale", polarities[i % 3]));
      }
    }
    for (int i = 0; i < 10; i++) {
      lines.add(lines.get(i * 7)); // the same text again, later in the file
    }
    lines.add("not json at all");
    lines.add("{\"sentence_normalized\": \"No targets here.\", \"targets\": []}");
    lines.add("{\"sentence_normalized\": \"Bad offsets.\", \"targets\": [{\"from\": 5, \"to\": 99, \"polarity\": 2.0}]}");
    Path file = dir.resolve("data.jsonl");
    Files.write(file, lines);
    return file;
  }

  @Test
  void readsTargetsWithGoldLabelsAndSkipsWhatCannotBeUsed() throws IOException {
    List<NewsMtsc.Sentence> sentences = NewsMtsc.read(corpus());
    assertThat(sentences).hasSize(310);
    NewsMtsc.Sentence first = sentences.get(0);
    assertThat(first.line()).isEqualTo(1);
    assertThat(first.targets()).hasSize(2);
    NewsMtsc.Target target = first.targets().get(0);
    assertThat(first.text().substring(target.from(), target.to())).isEqualTo("Senator Vale");
    assertThat(target.gold()).isEqualTo("negative");
    assertThat(first.targets().get(1).gold()).isEqualTo("neutral");
    assertThat(NewsMtsc.gold(6.0)).isEqualTo("positive");
  }

  @Test
  void theSplitIsFixedDisjointStratifiedAndKeepsRepeatedTextsTogether() throws IOException {
    List<NewsMtsc.Sentence> sentences = NewsMtsc.read(corpus());
    NewsMtsc.Split split = NewsMtsc.split(sentences, 0.2, 7L);
    assertThat(NewsMtsc.split(sentences, 0.2, 7L)).isEqualTo(split);
    assertThat(NewsMtsc.split(sentences, 0.2, 8L).dev()).isNotEqualTo(split.dev());
    assertThat(split.train().size() + split.dev().size()).isEqualTo(sentences.size());

    Set<String> devTexts = new HashSet<>();
    split.dev().forEach(s -> devTexts.add(s.text()));
    assertThat(split.train()).noneMatch(s -> devTexts.contains(s.text()));

    // Each single-label stratum has 90 sentences (plus repeats, which follow their first copy): 18 go to dev.
    Map<String, Integer> devByLabel = new HashMap<>();
    for (NewsMtsc.Sentence s : split.dev()) {
      if (s.targets().size() == 1 && sentences.indexOf(s) < 300) {
        devByLabel.merge(s.targets().get(0).gold(), 1, Integer::sum);
      }
    }
    assertThat(devByLabel).containsEntry("negative", 18).containsEntry("neutral", 18).containsEntry("positive", 18);
  }
}
