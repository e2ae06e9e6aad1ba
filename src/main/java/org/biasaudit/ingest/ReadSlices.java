package org.biasaudit.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Groups the input files into the read step's tasks so that the tasks take about equally long. A file is read
 * whole by one task (its rows are numbered in file order), so a task's time follows its bytes. The largest
 * file goes first, each into the group with the fewest bytes so far (longest processing time first), and the
 * groups come heaviest first, in the order Spark launches them: on {@code c} cores the last task to end then
 * ends at most one file's read after the others. Spreading files round-robin instead gave 10 files of 6 MB
 * on 2 cores 5 tasks of 2 files and 3 empty ones: three rounds, 6 files' time on a core instead of 5.
 */
public final class ReadSlices {
  private ReadSlices() {}

  /**
   * @param files the input files, in listing order
   * @param slices how many groups at most (at least 1); fewer when there are fewer files
   * @return non-empty groups, heaviest first; within a group, files in listing order. Ties are broken by the
   *     listing order, so the same files always give the same groups.
   */
  public static List<List<InputListing.InputFile>> balance(List<InputListing.InputFile> files, int slices) {
    int groups = Math.max(1, Math.min(slices, files.size()));
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.<Integer>comparingLong(i -> files.get(i).bytes()).reversed().thenComparing(i -> i));
    List<List<Integer>> members = new ArrayList<>();
    long[] bytes = new long[groups];
    PriorityQueue<Integer> lightest = new PriorityQueue<>(
        Comparator.<Integer>comparingLong(g -> bytes[g]).thenComparing(g -> g));
    for (int g = 0; g < groups; g++) {
      members.add(new ArrayList<>());
      lightest.add(g);
    }
    for (int i : order) {
      int g = lightest.poll();
      members.get(g).add(i);
      bytes[g] += files.get(i).bytes();
      lightest.add(g);
    }
    List<Integer> byWeight = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      if (!members.get(g).isEmpty()) {
        byWeight.add(g);
      }
    }
    byWeight.sort(Comparator.<Integer>comparingLong(g -> bytes[g]).reversed().thenComparing(g -> members.get(g).get(0)));
    List<List<InputListing.InputFile>> out = new ArrayList<>();
    for (int g : byWeight) {
      List<Integer> indexes = new ArrayList<>(members.get(g));
      indexes.sort(Comparator.naturalOrder());
      out.add(indexes.stream().map(files::get).toList());
    }
    return out;
  }
}
