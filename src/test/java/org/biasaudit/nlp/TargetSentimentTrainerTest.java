package org.biasaudit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Training on synthetic feature vectors: the exported model must be Tribuo's model, and learn the signal. */
class TargetSentimentTrainerTest {
  private static List<TargetSentimentTrainer.Labelled> examples(int n, long seed) {
    Random random = new Random(seed);
    List<TargetSentimentTrainer.Labelled> out = new ArrayList<>();
    String[] labels = {"negative", "neutral", "positive"};
    String[] cue = {"w:awful", "w:said", "w:great"};
    for (int i = 0; i < n; i++) {
      int k = i % 3;
      // The cue word is right 80% of the time; a noise word is always there.
      int shown = random.nextDouble() < 0.8 ? k : random.nextInt(3);
      out.add(new TargetSentimentTrainer.Labelled(labels[k],
          Map.of(cue[shown], 1.0, "w:noise" + random.nextInt(5), 1.0, "root_p2", random.nextDouble())));
    }
    return out;
  }

  @Test
  void learnsTheCuesAndExportsTribuosModel() {
    List<TargetSentimentTrainer.Labelled> train = examples(300, 1);
    // train() itself checks the exported weights against Tribuo's predictions on every example.
    TargetSentimentModel model = TargetSentimentTrainer.train(train, TargetSentimentTrainer.Settings.DEFAULT, Map.of("data", "synthetic"));
    assertThat(model.settings()).containsEntry("data", "synthetic").containsEntry("cost", "0.3")
        .containsEntry("training_examples", "300");
    assertThat(TargetSentimentModel.label(model.probabilities(Map.of("w:awful", 1.0)))).isEqualTo("negative");
    assertThat(TargetSentimentModel.label(model.probabilities(Map.of("w:great", 1.0)))).isEqualTo("positive");
    assertThat(TargetSentimentModel.label(model.probabilities(Map.of("w:said", 1.0)))).isEqualTo("neutral");
    assertThat(model.evaluative("awful")).isTrue();
  }

  @Test
  void crossValidationPredictsEveryExampleFromTheOtherFolds() {
    List<TargetSentimentTrainer.Labelled> data = examples(150, 2);
    List<Integer> folds = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      folds.add(i % 5);
    }
    List<String> predicted = TargetSentimentTrainer.crossValidate(data, folds, 5, TargetSentimentTrainer.Settings.DEFAULT);
    assertThat(predicted).hasSize(150);
    long correct = 0;
    for (int i = 0; i < data.size(); i++) {
      if (predicted.get(i).equals(data.get(i).gold())) {
        correct++;
      }
    }
    assertThat(correct).isGreaterThan(100); // ~80% of the cues are right
  }
}
