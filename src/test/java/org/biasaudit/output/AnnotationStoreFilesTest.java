package org.biasaudit.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many files the annotation store is written to: one per core, within bounds on rows per file. */
class AnnotationStoreFilesTest {
  @Test
  void oneFilePerCoreForAMidSizedRun() {
    assertThat(AnnotationStore.files(10_000, 2)).isEqualTo(2);
    assertThat(AnnotationStore.files(200_000, 16)).isEqualTo(16);
  }

  @Test
  void smallRunsOnLargeClustersWriteFewFiles() {
    assertThat(AnnotationStore.files(64, 16)).isEqualTo(1);
    assertThat(AnnotationStore.files(12_000, 64)).isEqualTo(3);
    assertThat(AnnotationStore.files(0, 8)).isEqualTo(1);
  }

  @Test
  void largeRunsOnFewCoresSplitIntoFilesOfBoundedSize() {
    assertThat(AnnotationStore.files(5_000_000, 2)).isEqualTo(20);
    assertThat(AnnotationStore.files(250_001, 1)).isEqualTo(2);
  }
}
