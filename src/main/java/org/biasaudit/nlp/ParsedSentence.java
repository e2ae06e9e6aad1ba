package org.biasaudit.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.process.Morphology;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.TreeCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ejml.simple.SimpleMatrix;

/**
 * One parsed sentence in the compact form that the target-level step reads: tokens with their POS tags
 * and lemmas, basic dependencies with Universal Dependencies names (derived from the constituency parse by
 * {@link TreeDependencies}, so no dependency-parser model is loaded), and CoreNLP's sentiment tree as
 * flat arrays (every node's token span, parent and five-class distribution). Plain arrays keep it cheap to
 * build; it is not changed after construction.
 */
public final class ParsedSentence {
  /** Number of sentiment classes of CoreNLP's model (very negative .. very positive). */
  public static final int CLASSES = 5;

  final String[] words;
  final String[] tags;
  final String[] lemmas;
  final int[] begins;
  final int[] ends;
  /** 0-based head token per token; -1 for the root. */
  final int[] heads;
  final String[] relations;
  /** Sentiment-tree nodes in pre-order: first and last token, parent node (-1 for the root), distribution. */
  final int[] nodeFirst;
  final int[] nodeLast;
  final int[] nodeParent;
  final float[][] nodeProbs;
  /** The pre-terminal sentiment node of each token. */
  final int[] tokenNode;

  private ParsedSentence(String[] words, String[] tags, String[] lemmas, int[] begins, int[] ends, int[] heads,
      String[] relations, int[] nodeFirst, int[] nodeLast, int[] nodeParent, float[][] nodeProbs, int[] tokenNode) {
    this.words = words;
    this.tags = tags;
    this.lemmas = lemmas;
    this.begins = begins;
    this.ends = ends;
    this.heads = heads;
    this.relations = relations;
    this.nodeFirst = nodeFirst;
    this.nodeLast = nodeLast;
    this.nodeParent = nodeParent;
    this.nodeProbs = nodeProbs;
    this.tokenNode = tokenNode;
  }

  /**
   * Reads a sentence that went through {@code pos,parse,sentiment}. Returns null when the sentence has no
   * sentiment tree or the trees do not line up with the tokens (which CoreNLP does not promise for inputs
   * it failed on).
   */
  public static ParsedSentence of(CoreMap sentence) {
    List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
    Tree sentimentTree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
    Tree tree = sentence.get(TreeCoreAnnotations.TreeAnnotation.class);
    if (tokens == null || tokens.isEmpty() || sentimentTree == null || tree == null) {
      return null;
    }
    int n = tokens.size();
    if (sentimentTree.getLeaves().size() != n || tree.getLeaves().size() != n) {
      return null;
    }
    String[] words = new String[n];
    String[] tags = new String[n];
    String[] lemmas = new String[n];
    int[] begins = new int[n];
    int[] ends = new int[n];
    for (int i = 0; i < n; i++) {
      CoreLabel token = tokens.get(i);
      words[i] = token.word();
      tags[i] = token.tag() == null ? "X" : token.tag();
      lemmas[i] = lemma(words[i], tags[i]);
      begins[i] = token.beginPosition();
      ends[i] = token.endPosition();
    }
    int[] heads = new int[n];
    String[] relations = new String[n];
    Arrays.fill(heads, -1);
    Arrays.fill(relations, "root");
    dependencies(tree, heads, relations);

    List<int[]> spans = new ArrayList<>();
    List<float[]> probs = new ArrayList<>();
    int[] tokenNode = new int[n];
    Arrays.fill(tokenNode, -1);
    flatten(sentimentTree, -1, new int[] {0}, spans, probs, tokenNode);
    for (int node : tokenNode) {
      if (node < 0) {
        return null;
      }
    }
    int m = spans.size();
    int[] first = new int[m];
    int[] last = new int[m];
    int[] parent = new int[m];
    for (int k = 0; k < m; k++) {
      first[k] = spans.get(k)[0];
      last[k] = spans.get(k)[1];
      parent[k] = spans.get(k)[2];
    }
    return new ParsedSentence(words, tags, lemmas, begins, ends, heads, relations, first, last, parent,
        probs.toArray(float[][]::new), tokenNode);
  }

  private static String lemma(String word, String tag) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (tag.startsWith("VB") || tag.startsWith("NN") && !tag.startsWith("NNP") || tag.startsWith("JJ") || tag.startsWith("RB")) {
      return Morphology.lemmaStatic(lower, tag).toLowerCase(Locale.ROOT);
    }
    return lower;
  }

  /** Basic UD relations from the constituency tree ({@link TreeDependencies}). */
  private static void dependencies(Tree tree, int[] heads, String[] relations) {
    TreeDependencies.convert(tree, heads, relations);
  }

  /** Pre-order walk; returns the number of leaves below {@code node}. */
  private static int flatten(Tree node, int parentIndex, int[] nextLeaf, List<int[]> spans, List<float[]> probs,
      int[] tokenNode) {
    if (node.isLeaf()) {
      return 1;
    }
    int index = spans.size();
    int firstLeaf = nextLeaf[0];
    int[] span = {firstLeaf, firstLeaf, parentIndex};
    spans.add(span);
    probs.add(distribution(node));
    if (node.isPreTerminal()) {
      tokenNode[firstLeaf] = index;
      nextLeaf[0]++;
      return 1;
    }
    int leaves = 0;
    for (Tree child : node.children()) {
      if (child.isLeaf()) {
        tokenNode[nextLeaf[0]] = index;
        nextLeaf[0]++;
        leaves++;
      } else {
        leaves += flatten(child, index, nextLeaf, spans, probs, tokenNode);
      }
    }
    span[1] = firstLeaf + leaves - 1;
    return leaves;
  }

  private static float[] distribution(Tree node) {
    SimpleMatrix p = RNNCoreAnnotations.getPredictions(node);
    float[] out = new float[CLASSES];
    if (p == null || p.getNumElements() != CLASSES) {
      out[CLASSES / 2] = 1f;
      return out;
    }
    for (int k = 0; k < CLASSES; k++) {
      out[k] = (float) p.get(k);
    }
    return out;
  }

  // ------------------------------------------------------------------ reading

  public int size() {
    return words.length;
  }

  public String word(int token) {
    return words[token];
  }

  public String tag(int token) {
    return tags[token];
  }

  public String lemma(int token) {
    return lemmas[token];
  }

  public int begin(int token) {
    return begins[token];
  }

  public int end(int token) {
    return ends[token];
  }

  public int head(int token) {
    return heads[token];
  }

  public String relation(int token) {
    return relations[token];
  }

  /** Expected class of a distribution on [-1, 1] (very negative = -1, neutral = 0, very positive = +1). */
  public static double score(float[] p) {
    double expected = 0;
    double total = 0;
    for (int k = 0; k < p.length; k++) {
      expected += p[k] * k;
      total += p[k];
    }
    double mid = (p.length - 1) / 2.0;
    return total == 0 ? 0.0 : (expected / total - mid) / mid;
  }

  /** CoreNLP's score of the whole sentence on [-1, 1]. */
  public double sentenceScore() {
    return score(nodeProbs[0]);
  }

  /** The most probable class (0..4) of a token's own word node. */
  public int wordClass(int token) {
    return argmax(nodeProbs[tokenNode[token]]);
  }

  static int argmax(float[] p) {
    int best = 0;
    for (int k = 1; k < p.length; k++) {
      if (p[k] > p[best]) {
        best = k;
      }
    }
    return best;
  }

  /** Lowest sentiment-tree node covering tokens [first, last]. */
  int coveringNode(int first, int last) {
    int node = tokenNode[first];
    while (node > 0 && nodeLast[node] < last) {
      node = nodeParent[node];
    }
    return Math.max(node, 0);
  }

  /** The tokens that {@code token} governs, directly or not, itself included, as [first, last]. */
  int[] subtreeSpan(int token) {
    int first = token;
    int last = token;
    for (int i = 0; i < heads.length; i++) {
      if (dominates(token, i)) {
        first = Math.min(first, i);
        last = Math.max(last, i);
      }
    }
    return new int[] {first, last};
  }

  /** True when {@code ancestor} is {@code token} or one of its heads in the dependency tree. */
  boolean dominates(int ancestor, int token) {
    int t = token;
    for (int steps = 0; t >= 0 && steps <= heads.length; steps++) {
      if (t == ancestor) {
        return true;
      }
      t = heads[t];
    }
    return false;
  }
}
