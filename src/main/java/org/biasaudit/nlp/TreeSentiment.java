package org.biasaudit.nlp;

import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import org.ejml.simple.SimpleMatrix;

/**
 * Reads CoreNLP's sentiment tree. Every node carries a distribution over five classes (very negative ..
 * very positive); its score is the expected class mapped onto [-1, 1]. The root's score is the sentence's
 * ({@code sentence_sentiment}); the target-level step reads every node through {@link ParsedSentence}.
 */
public final class TreeSentiment {
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
}
