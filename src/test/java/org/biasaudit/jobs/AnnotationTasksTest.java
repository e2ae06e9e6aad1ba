package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the annotation stage is cut into tasks: enough to balance the cores, few enough to cost little. */
class AnnotationTasksTest {
  @Test
  void about256ArticlesPerTaskOnLargeCorpora() {
    assertThat(AuditRun.annotationTasks(10_000, 2)).isEqualTo(40);
    assertThat(AuditRun.annotationTasks(50_000, 2)).isEqualTo(196);
  }

  @Test
  void atLeastEightTasksPerCoreSoNoCoreWaitsOnOneLongTask() {
    assertThat(AuditRun.annotationTasks(2_000, 2)).isEqualTo(16);
    assertThat(AuditRun.annotationTasks(200, 16)).isEqualTo(128);
    assertThat(AuditRun.annotationTasks(48, 2)).isEqualTo(16);
  }

  @Test
  void neverMoreTasksThanArticlesNorFewerThanOne() {
    assertThat(AuditRun.annotationTasks(3, 8)).isEqualTo(3);
    assertThat(AuditRun.annotationTasks(0, 8)).isEqualTo(1);
  }

  @Test
  void capped() {
    assertThat(AuditRun.annotationTasks(100_000_000L, 64)).isEqualTo(20_000);
  }
}
