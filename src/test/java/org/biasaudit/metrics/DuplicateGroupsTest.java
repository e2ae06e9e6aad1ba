package org.biasaudit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

  /** One story carried by 40 outlets (780 pairs) and a separate pair: 39 + 1 spanning pairs, the same groups. */
  @Test
  void spanningPairsKeepTheGroupsWithOnePairPerCopy() {
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      for (int j = i + 1; j < 40; j++) {
        pairs.add(new String[] {String.format("w-%02d", j), String.format("w-%02d", i)});
      }
    }
    pairs.add(new String[] {"z-2", "z-1"});

    List<String[]> spanning = DuplicateGroups.spanningPairs(pairs.iterator());

    assertThat(pairs).hasSize(781);
    assertThat(spanning).hasSize(40);
    assertThat(DuplicateGroups.of(spanning)).isEqualTo(DuplicateGroups.of(pairs)).containsEntry("w-39", "w-00")
        .containsEntry("z-2", "z-1");
  }
}
