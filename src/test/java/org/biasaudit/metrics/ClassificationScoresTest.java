package org.biasaudit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationScoresTest {
  private static final List<String> LABELS = List.of("negative", "neutral", "positive");

  private static void add(ClassificationScores scores, String gold, String predicted, int times) {
    for (int i = 0; i < times; i++) {
      scores.add(gold, predicted);
    }
  }

  @Test
  void accuracyAndMacroF1FromAConfusionMatrix() {
    ClassificationScores scores = new ClassificationScores(LABELS);
    add(scores, "negative", "negative", 8);
    add(scores, "negative", "neutral", 2);
    add(scores, "neutral", "neutral", 5);
    add(scores, "neutral", "positive", 5);
    add(scores, "positive", "positive", 4);
    add(scores, "positive", "negative", 1);
    assertThat(scores.total()).isEqualTo(25);
    assertThat(scores.accuracy()).isCloseTo(17 / 25.0, within(1e-12));
    // negative: P 8/9, R 8/10; neutral: P 5/7, R 5/10; positive: P 4/9, R 4/5
    double fNeg = 2 * (8 / 9.0) * (8 / 10.0) / (8 / 9.0 + 8 / 10.0);
    double fNeu = 2 * (5 / 7.0) * (5 / 10.0) / (5 / 7.0 + 5 / 10.0);
    double fPos = 2 * (4 / 9.0) * (4 / 5.0) / (4 / 9.0 + 4 / 5.0);
    assertThat(scores.f1("neutral")).isCloseTo(fNeu, within(1e-12));
    assertThat(scores.macroF1()).isCloseTo((fNeg + fNeu + fPos) / 3, within(1e-12));
    assertThat(scores.count("positive", "negative")).isEqualTo(1);
  }

  @Test
  void aClassNeverPredictedStillCountsInTheMacroMean() {
    ClassificationScores scores = new ClassificationScores(LABELS);
    add(scores, "negative", "neutral", 3);
    add(scores, "neutral", "neutral", 3);
    add(scores, "positive", "neutral", 3);
    assertThat(scores.precision("negative")).isZero();
    assertThat(scores.f1("negative")).isZero();
    assertThat(scores.macroF1()).isCloseTo((2 * (1 / 3.0) * 1 / (1 / 3.0 + 1)) / 3, within(1e-12));
  }

  @Test
  void unknownLabelsAreRefused() {
    assertThatThrownBy(() -> new ClassificationScores(LABELS).add("mixed", "neutral"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mixed");
  }
}
