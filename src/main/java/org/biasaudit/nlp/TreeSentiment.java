package org.biasaudit.nlp;

import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * Reads CoreNLP's sentiment tree. Every node carries a distribution over five classes (very negative ..
 * very positive); its score is the expected class mapped onto [-1, 1].
 *
 * <p>The score toward a target is built from the phrases and words around the target, not from the whole
 * sentence: each node outside the target contributes its score, weighted down with its tree distance
 * from the target (what modifies the target or what the target does is close; a clause about something
 * else is far) and up with its own strength, so that neutral filler does not drown an evaluative word.
 */
public final class TreeSentiment {
  static final double DECAY = 0.6;
  static final double BASE_WEIGHT = 0.15;

  private TreeSentiment() {}

  /** Expected class of a node's distribution on [-1, 1]; 0 when the node has no prediction. */
  public static double score(Tree node) {
    SimpleMatrix p = RNNCoreAnnotations.getPredictions(node);
    if (p == null) {
      return 0.0;
    }
    int classes = p.getNumElements();
    double expected = 0;
    double total = 0;
    for (int k = 0; k < classes; k++) {
      expected += p.get(k) * k;
      total += p.get(k);
    }
    double mid = (classes - 1) / 2.0;
    return total == 0 ? 0.0 : (expected / total - mid) / mid;
  }

  /**
   * The score toward the target whose leaves are {@code [firstLeaf, lastLeaf]} (0-based token indices
   * of the sentence): a weighted mean over every phrase and word of the sentence outside the target,
   * each weighted by {@link #DECAY} to the power of its tree distance from the target node and by its own
   * strength. Word-level nodes carry the lexical polarity that the composed phrases sometimes lose.
   */
  public static double towardTarget(Tree root, int firstLeaf, int lastLeaf) {
    List<Tree> leaves = root.getLeaves();
    if (leaves.isEmpty()) {
      return 0.0;
    }
    int first = Math.max(0, Math.min(firstLeaf, leaves.size() - 1));
    int last = Math.max(first, Math.min(lastLeaf, leaves.size() - 1));
    Tree target = lowestCovering(root, leaves.get(first), leaves.get(last));
    // Ancestors of the target with their distance from it; everything else hangs off one of them.
    double[] sums = new double[2];
    int up = 0;
    Tree child = target;
    for (Tree ancestor = target.parent(root); ancestor != null; ancestor = ancestor.parent(root)) {
      up++;
      for (Tree sibling : ancestor.children()) {
        if (sibling != child) {
          accumulate(sibling, up + 1, sums);
        }
      }
      child = ancestor;
    }
    return sums[1] == 0 ? score(root) : clamp(sums[0] / sums[1]);
  }

  /** Adds a subtree's nodes at tree distance {@code distance} and beyond to the weighted sums. */
  private static void accumulate(Tree node, int distance, double[] sums) {
    if (node.isLeaf()) {
      return;
    }
    double s = score(node);
    double w = Math.pow(DECAY, distance - 1) * (BASE_WEIGHT + Math.abs(s));
    sums[0] += w * s;
    sums[1] += w;
    for (Tree child : node.children()) {
      accumulate(child, distance + 1, sums);
    }
  }

  private static Tree lowestCovering(Tree root, Tree firstLeaf, Tree lastLeaf) {
    Tree node = firstLeaf.parent(root); // the preterminal
    while (node != null && !node.dominates(lastLeaf) && node != root) {
      node = node.parent(root);
    }
    return node == null ? root : node;
  }

  private static double clamp(double value) {
    return Math.max(-1.0, Math.min(1.0, value));
  }
}
