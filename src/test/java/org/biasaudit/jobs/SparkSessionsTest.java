package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SparkSessionsTest {
  @Test
  void localMastersNameTheirTaskThreads() {
    assertThat(SparkSessions.localCores("local")).hasValue(1);
    assertThat(SparkSessions.localCores("local[3]")).hasValue(3);
    assertThat(SparkSessions.localCores("local[2, 4]")).hasValue(2);
    assertThat(SparkSessions.localCores("local[*]")).hasValue(Runtime.getRuntime().availableProcessors());
    assertThat(SparkSessions.localCores("local[*,2]")).hasValue(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void clusterMastersAreNotLocal() {
    assertThat(SparkSessions.localCores("spark://host:7077")).isEmpty();
    assertThat(SparkSessions.localCores("local-cluster[2,1,1024]")).isEmpty();
    assertThat(SparkSessions.localCores("yarn")).isEmpty();
    assertThat(SparkSessions.localCores("k8s://https://host:443")).isEmpty();
    assertThat(SparkSessions.localCores(null)).isEmpty();
  }

  @Test
  void oneMachineRunsTwoShufflePartitionsPerCoreWithoutAdaptiveExecution() {
    assertThat(SparkSessions.oneMachine(2)).containsEntry("spark.sql.shuffle.partitions", "4")
        .containsEntry("spark.sql.adaptive.enabled", "false");
    assertThat(SparkSessions.oneMachine(16)).containsEntry("spark.sql.shuffle.partitions", "32");
    assertThat(SparkSessions.oneMachine(2)).doesNotContainKey("spark.scheduler.mode");
    assertThat(SparkSessions.oneMachine(1)).containsEntry("spark.scheduler.mode", "FIFO");
  }

  @Test
  void fairSchedulingReadsItsPoolsFromALocalFile() throws Exception {
    Path file = SchedulerPools.write();
    try {
      assertThat(SchedulerPools.settings(file)).containsEntry("spark.scheduler.mode", "FAIR")
          .containsEntry("spark.scheduler.allocation.file", file.toUri().toString());
      assertThat(SchedulerPools.settings(file).get("spark.scheduler.allocation.file")).startsWith("file:/");
      assertThat(Files.readString(file)).contains("<pool name=\"default\">")
          .contains("<pool name=\"" + SchedulerPools.COPY_SEARCH + "\">");
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
