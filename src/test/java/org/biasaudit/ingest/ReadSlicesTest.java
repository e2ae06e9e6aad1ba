package org.biasaudit.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadSlicesTest {
  private static List<InputListing.InputFile> files(long... bytes) {
    List<InputListing.InputFile> out = new ArrayList<>();
    for (int i = 0; i < bytes.length; i++) {
      out.add(new InputListing.InputFile("f" + i, bytes[i]));
    }
    return out;
  }

  private static List<List<String>> names(List<List<InputListing.InputFile>> groups) {
    return groups.stream().map(g -> g.stream().map(InputListing.InputFile::path).toList()).toList();
  }

  @Test
  void tenEqualFilesOnEightSlicesGiveTwoPairsFirstThenSingles() {
    List<List<InputListing.InputFile>> groups = ReadSlices.balance(files(6, 6, 6, 6, 6, 6, 6, 6, 6, 6), 8);
    assertEquals(List.of(List.of("f0", "f8"), List.of("f1", "f9"), List.of("f2"), List.of("f3"), List.of("f4"),
        List.of("f5"), List.of("f6"), List.of("f7")), names(groups));
  }

  @Test
  void largestFileFirstIntoTheLightestGroup() {
    // 7, 5, 4, 3, 3, 2 on two groups: 7+3+2 and 5+4+3, 12 bytes each; round-robin would give 7+4+3 and 5+3+2.
    List<List<InputListing.InputFile>> groups = ReadSlices.balance(files(3, 7, 2, 5, 4, 3), 2);
    assertEquals(List.of(List.of("f0", "f1", "f2"), List.of("f3", "f4", "f5")), names(groups));
  }

  @Test
  void heaviestGroupComesFirstAndEveryFileOnce() {
    List<List<InputListing.InputFile>> groups = ReadSlices.balance(files(1, 100, 10), 8);
    assertEquals(List.of(List.of("f1"), List.of("f2"), List.of("f0")), names(groups));
  }

  @Test
  void noFilesNoGroups() {
    assertEquals(List.of(), ReadSlices.balance(List.of(), 4));
  }
}
