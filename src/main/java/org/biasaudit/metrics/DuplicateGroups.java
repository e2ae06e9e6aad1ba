package org.biasaudit.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Near-duplicate articles into groups: the connected components of the "is a copy of" pairs (if A copies
 * B and B copies C, all three are one story), each named by its smallest article id.
 */
public final class DuplicateGroups {
  private DuplicateGroups() {}

  /** Article id to group id (the smallest id in its component), for every id in a pair; sorted by id. */
  public static Map<String, String> of(List<String[]> pairs) {
    return groups(components(pairs.iterator()));
  }

  /**
   * The same components as {@code pairs}, as few pairs: one (id, group id) pair per id that is not its
   * group's smallest. A wire story that n outlets carried is n(n-1)/2 copy pairs and n-1 of these, so
   * reducing each partition's pairs this way before they are collected bounds what the driver holds by the
   * number of articles with copies, not by the square of the copies of a story.
   */
  public static List<String[]> spanningPairs(Iterator<String[]> pairs) {
    List<String[]> out = new ArrayList<>();
    for (Map.Entry<String, String> member : groups(components(pairs)).entrySet()) {
      if (!member.getKey().equals(member.getValue())) {
        out.add(new String[] {member.getKey(), member.getValue()});
      }
    }
    return out;
  }

  private static Map<String, String> components(Iterator<String[]> pairs) {
    Map<String, String> parent = new HashMap<>();
    while (pairs.hasNext()) {
      String[] pair = pairs.next();
      union(parent, pair[0], pair[1]);
    }
    return parent;
  }

  private static Map<String, String> groups(Map<String, String> parent) {
    Map<String, String> groups = new TreeMap<>();
    for (String id : parent.keySet()) {
      groups.put(id, find(parent, id));
    }
    return groups;
  }

  private static String find(Map<String, String> parent, String id) {
    String root = id;
    while (!parent.getOrDefault(root, root).equals(root)) {
      root = parent.get(root);
    }
    String at = id;
    while (!at.equals(root)) {
      String next = parent.get(at);
      parent.put(at, root);
      at = next;
    }
    return root;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    parent.putIfAbsent(a, a);
    parent.putIfAbsent(b, b);
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      // The smaller id becomes the root, so the group's name does not depend on the order of the pairs.
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }

}
