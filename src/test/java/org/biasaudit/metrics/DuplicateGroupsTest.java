package org.biasaudit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DuplicateGroupsTest {
  @Test
  void pairsCloseIntoGroupsNamedByTheirSmallestId() {
    Map<String, String> groups = DuplicateGroups.of(List.of(
        new String[] {"wire-3", "nh-7"}, new String[] {"dm-2", "wire-3"}, new String[] {"x-1", "y-1"}));
    assertThat(groups).containsExactly(Map.entry("dm-2", "dm-2"), Map.entry("nh-7", "dm-2"), Map.entry("wire-3", "dm-2"),
        Map.entry("x-1", "x-1"), Map.entry("y-1", "x-1"));
    assertThat(DuplicateGroups.of(List.of())).isEmpty();
  }

}
