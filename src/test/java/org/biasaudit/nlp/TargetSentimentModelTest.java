package org.biasaudit.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetSentimentModelTest {
  private static final TargetSentimentModel SMALL = new TargetSentimentModel(Map.of("cost", "0.3", "lexicon_spread", "0.5"),
      Map.of("w:good", new double[] {-1.0, -0.5, 1.5}, "w:bad", new double[] {1.2, -0.4, -1.0}, "w:table", new double[] {0.1, 0.2, 0.0}),
      new double[] {-0.2, 0.1, -0.4});

  @Test
  void probabilitiesAreNormalisedOneVersusRestSigmoids() {
    double[] p = SMALL.probabilities(Map.of("w:good", 1.0, "w:unknown", 3.0));
    double[] sig = {sigmoid(-1.2), sigmoid(-0.4), sigmoid(1.1)};
    double total = sig[0] + sig[1] + sig[2];
    for (int k = 0; k < 3; k++) {
      assertThat(p[k]).isCloseTo(sig[k] / total, within(1e-12));
    }
    assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-12));
    assertThat(TargetSentimentModel.label(p)).isEqualTo("positive");
    assertThat(TargetSentimentModel.score(p)).isCloseTo(p[2] - p[0], within(1e-12)).isPositive();
    assertThat(TargetSentimentModel.label(SMALL.probabilities(Map.of("w:bad", 1.0)))).isEqualTo("negative");
  }

  @Test
  void evaluativeWordsAreThoseWhoseWeightsSpreadEnough() {
    assertThat(SMALL.evaluative("good")).isTrue();
    assertThat(SMALL.evaluative("table")).isFalse();
    assertThat(SMALL.evaluative("never-seen")).isFalse();
  }

  @Test
  void theTextFormatRoundTrips() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SMALL.write(out);
    TargetSentimentModel back = TargetSentimentModel.read(new ByteArrayInputStream(out.toByteArray()));
    assertThat(back.settings()).containsEntry("cost", "0.3").containsEntry("lexicon_spread", "0.5");
    assertThat(back.featureCount()).isEqualTo(3);
    Map<String, Double> x = Map.of("w:good", 1.0, "w:bad", 0.5, "w:table", 2.0);
    assertThat(back.probabilities(x)).containsExactly(SMALL.probabilities(x), within(1e-6));
  }

  @Test
  void theShippedModelSaysHowItWasTrained() {
    TargetSentimentModel shipped = NlpEngines.targetModel();
    assertThat(NlpEngines.targetModel()).isSameAs(shipped);
    assertThat(shipped.featureCount()).isGreaterThan(1000);
    assertThat(shipped.settings()).containsKeys(TrainingData.SEED, TrainingData.DEV_SHARE, TrainingData.SOURCE_SHA256, "cost",
        "min_count", "training_data").containsEntry("model", "bias-audit target sentiment, TargetFeatures version "
        + TargetFeatures.VERSION);
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
