package org.biasaudit.nlp;

import edu.stanford.nlp.trees.HeadFinder;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.UniversalSemanticHeadFinder;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Basic dependencies from a constituency tree, named as in Universal Dependencies: each phrase's head is
 * found with CoreNLP's {@link UniversalSemanticHeadFinder} (content words head their phrases: the
 * predicate of a copula, the noun of a prepositional phrase), and each other child's head word depends on
 * it with a relation read from the two categories ({@code S -> NP} before the verb is {@code nsubj},
 * {@code VP -> NP} after it {@code obj}, {@code NP -> PP} {@code nmod}, ...).
 *
 * <p>This is a small subset of CoreNLP's own UD conversion ({@code UniversalEnglishGrammaticalStructure}),
 * which runs some sixty tree-pattern rules and costs about a fifth of the parse itself; these rules cost a
 * few percent and give the relations the target-level step reads (subject, passive subject and agent,
 * objects, possessives, modifiers, appositions, conjuncts, copulas, complements). On news sentences they
 * agree with the full conversion on most attachments of the heads of person mentions (measured in
 * {@code docs/target-sentiment.md}).
 */
final class TreeDependencies {
  private static final HeadFinder HEADS = new UniversalSemanticHeadFinder();
  private static final Set<String> PUNCTUATION = Set.of(",", ".", ":", "``", "''", "-LRB-", "-RRB-", "#", "HYPH", "NFP");
  private static final Set<String> CLAUSES = Set.of("S", "SINV", "SQ", "SBARQ");
  private static final Set<String> NOMINALS = Set.of("NP", "NX", "NML", "WHNP");
  private static final Set<String> MARKERS = Set.of("because", "if", "while", "although", "though", "when", "before", "after",
      "since", "unless", "as", "until", "whereas", "once", "so", "despite", "whether");

  private final int[] heads;
  private final String[] relations;
  private final String[] tags;
  private final String[] words;
  private int next;

  private TreeDependencies(int size) {
    this.heads = new int[size];
    this.relations = new String[size];
    this.tags = new String[size];
    this.words = new String[size];
    Arrays.fill(heads, -1);
    Arrays.fill(relations, "root");
  }

  /**
   * Fills {@code heads} (0-based, -1 for the root) and {@code relations} for the tree's leaves, in order.
   * The tree must have one leaf per token.
   */
  static void convert(Tree tree, int[] heads, String[] relations) {
    TreeDependencies d = new TreeDependencies(heads.length);
    int top = d.walk(tree);
    d.heads[top] = -1;
    d.relations[top] = "root";
    d.postProcess();
    System.arraycopy(d.heads, 0, heads, 0, heads.length);
    System.arraycopy(d.relations, 0, relations, 0, relations.length);
  }

  /** Returns the head token of {@code node}, attaching the heads of its other children to it. */
  private int walk(Tree node) {
    if (node.isLeaf()) {
      return next++;
    }
    if (node.isPreTerminal()) {
      int token = next++;
      tags[token] = node.label().value();
      words[token] = node.firstChild().label().value();
      return token;
    }
    Tree[] children = node.children();
    int[] childHeads = new int[children.length];
    for (int i = 0; i < children.length; i++) {
      childHeads[i] = walk(children[i]);
    }
    int headIndex = headChild(node, children);
    int head = childHeads[headIndex];
    String parent = category(node);
    int firstConjunction = -1;
    for (int i = 0; i < children.length; i++) {
      String c = category(children[i]);
      if ((c.equals("CC") || c.equals("CONJP")) && i > headIndex && firstConjunction < 0) {
        firstConjunction = i;
      }
    }
    int objects = 0;
    for (int i = headIndex + 1; i < children.length; i++) {
      if (NOMINALS.contains(category(children[i])) && !isTemporal(children[i])) {
        objects++;
      }
    }
    int objectsSeen = 0;
    for (int i = 0; i < children.length; i++) {
      if (i == headIndex) {
        continue;
      }
      int dependent = childHeads[i];
      heads[dependent] = head;
      String rel = relation(parent, children, i, headIndex, head, dependent, firstConjunction, objects, objectsSeen);
      if (rel.equals("obj") || rel.equals("iobj")) {
        objectsSeen++;
      }
      relations[dependent] = rel;
    }
    return head;
  }

  private static int headChild(Tree node, Tree[] children) {
    Tree head;
    try {
      head = HEADS.determineHead(node);
    } catch (RuntimeException e) {
      head = null;
    }
    for (int i = 0; i < children.length; i++) {
      if (children[i] == head) {
        return i;
      }
    }
    return children.length - 1;
  }

  private String relation(String parent, Tree[] children, int i, int headIndex, int head, int dependent, int firstConjunction,
      int objects, int objectsSeen) {
    Tree child = children[i];
    String c = effectiveCategory(child);
    boolean before = i < headIndex;
    if (PUNCTUATION.contains(c)) {
      return "punct";
    }
    if (c.equals("CC") || c.equals("CONJP")) {
      return "cc";
    }
    if (firstConjunction >= 0 && i > headIndex && !c.equals("DT") && !c.equals("RB") && !c.equals("ADVP")) {
      return "conj";
    }
    String headTag = tags[head] == null ? "" : tags[head];
    if (CLAUSES.contains(parent)) {
      if (NOMINALS.contains(c) && before) {
        return isTemporal(child) ? "obl" : "nsubj";
      }
      if (c.equals("S") || c.equals("SBAR") || c.equals("SBARQ") || c.equals("SINV")) {
        if (before) {
          return SpeechVerbs.lookup(words[head]) != null && !startsWithMarker(child) ? "ccomp" : "advcl";
        }
        return startsWithMarker(child) ? "advcl" : "parataxis";
      }
      return common(c, child);
    }
    if (parent.equals("VP")) {
      if (c.equals("MD") || c.equals("TO")) {
        return "aux";
      }
      if (c.startsWith("VB") && before) {
        String lemma = lemma(words[dependent]);
        if (!headTag.startsWith("VB") && lemma.equals("be")) {
          return "cop";
        }
        if (headTag.equals("VBN") && (lemma.equals("be") || lemma.equals("get"))) {
          return "aux:pass";
        }
        return "aux";
      }
      if (NOMINALS.contains(c)) {
        if (before || isTemporal(child)) {
          return "obl";
        }
        return objects >= 2 && objectsSeen == 0 ? "iobj" : "obj";
      }
      if (c.equals("ADJP") || c.startsWith("JJ")) {
        return "xcomp";
      }
      if (c.equals("S")) {
        return hasToInfinitive(child) || !hasSubject(child) ? "xcomp" : "ccomp";
      }
      if (c.equals("SBAR")) {
        return startsWithMarker(child) ? "advcl" : "ccomp";
      }
      if (c.equals("PRT")) {
        return "compound:prt";
      }
      return common(c, child);
    }
    if (NOMINALS.contains(parent)) {
      if (before) {
        if (c.equals("DT") || c.equals("PDT") || c.equals("WDT")) {
          return "det";
        }
        if (c.equals("PRP$") || c.equals("WP$") || NOMINALS.contains(c) && hasPossessive(child)) {
          return "nmod:poss";
        }
        if (c.startsWith("JJ") || c.equals("ADJP") || c.equals("VBN") || c.equals("VBG")) {
          return "amod";
        }
        if (c.startsWith("NN") || NOMINALS.contains(c) || c.equals("FW")) {
          return "compound";
        }
        if (c.equals("CD") || c.equals("QP")) {
          return "nummod";
        }
        return common(c, child);
      }
      if (c.equals("POS")) {
        return "case";
      }
      if (NOMINALS.contains(c)) {
        return afterComma(children, i) ? "appos" : "dep";
      }
      if (c.equals("SBAR") || c.equals("RRC")) {
        return "acl:relcl";
      }
      if (c.equals("VP") || c.equals("S")) {
        return "acl";
      }
      if (c.equals("ADJP") || c.startsWith("JJ")) {
        return "amod";
      }
      if (c.equals("PP")) {
        return "nmod";
      }
      return common(c, child);
    }
    if (parent.equals("PP") || parent.equals("WHPP")) {
      if (c.equals("IN") || c.equals("TO")) {
        return "case";
      }
      return common(c, child);
    }
    if (parent.equals("SBAR")) {
      if (c.equals("IN") || c.equals("WHADVP")) {
        return "mark";
      }
      return "dep";
    }
    return common(c, child);
  }

  /** Relations that do not depend on the parent's category. */
  private static String common(String c, Tree child) {
    if (c.equals("PP")) {
      return "obl";
    }
    if (c.equals("RB") || c.equals("ADVP") || c.equals("WHADVP")) {
      return "advmod";
    }
    if (c.startsWith("JJ") || c.equals("ADJP")) {
      return "amod";
    }
    if (c.equals("SBAR")) {
      return startsWithMarker(child) ? "advcl" : "ccomp";
    }
    if (c.equals("PRN")) {
      return "parataxis";
    }
    if (c.equals("DT")) {
      return "det";
    }
    if (c.equals("CD")) {
      return "nummod";
    }
    if (c.equals("IN") || c.equals("TO")) {
      return "case";
    }
    return "dep";
  }

  /** UD's post-processing that needs the whole tree: passive subjects and {@code by} agents. */
  private void postProcess() {
    for (int i = 0; i < heads.length; i++) {
      int h = heads[i];
      if (h < 0 || !hasChild(h, "aux:pass")) {
        continue;
      }
      if (relations[i].equals("nsubj")) {
        relations[i] = "nsubj:pass";
      } else if (relations[i].equals("obl") && hasChildWord(i, "case", "by")) {
        relations[i] = "obl:agent";
      }
    }
  }

  private boolean hasChild(int governor, String relation) {
    for (int i = 0; i < heads.length; i++) {
      if (heads[i] == governor && relation.equals(relations[i])) {
        return true;
      }
    }
    return false;
  }

  private boolean hasChildWord(int governor, String relation, String word) {
    for (int i = 0; i < heads.length; i++) {
      if (heads[i] == governor && relation.equals(relations[i]) && word.equalsIgnoreCase(words[i])) {
        return true;
      }
    }
    return false;
  }

  private static String category(Tree node) {
    String value = node.label() == null ? "" : node.label().value();
    if (value == null) {
      return "";
    }
    if (value.startsWith("-")) {
      return value; // -LRB-, -RRB-, -NONE-
    }
    int dash = value.indexOf('-');
    int equals = value.indexOf('=');
    int cut = dash < 0 ? equals : equals < 0 ? dash : Math.min(dash, equals);
    return cut > 0 ? value.substring(0, cut) : value;
  }

  /** A coordination of unlike phrases ("UCP") counts as the kind of its head ("Zelensky and ..." as a noun phrase). */
  private static String effectiveCategory(Tree node) {
    String c = category(node);
    if (c.equals("UCP")) {
      int head = headChild(node, node.children());
      return category(node.children()[head]);
    }
    return c;
  }

  private static boolean isTemporal(Tree node) {
    String value = node.label() == null ? "" : node.label().value();
    return value != null && value.contains("-TMP");
  }

  private static boolean hasPossessive(Tree np) {
    for (Tree c : np.children()) {
      if (category(c).equals("POS")) {
        return true;
      }
    }
    return false;
  }

  private static boolean afterComma(Tree[] children, int i) {
    return i > 0 && (category(children[i - 1]).equals(",") || category(children[i - 1]).equals("-LRB-")
        || category(children[i - 1]).equals(":"));
  }

  private static boolean startsWithMarker(Tree clause) {
    Tree first = clause;
    while (!first.isPreTerminal() && first.numChildren() > 0) {
      first = first.firstChild();
    }
    return first.isPreTerminal() && MARKERS.contains(first.firstChild().label().value().toLowerCase(Locale.ROOT));
  }

  private static boolean hasToInfinitive(Tree s) {
    for (Tree c : s.children()) {
      if (category(c).equals("VP")) {
        for (Tree v : c.children()) {
          if (category(v).equals("TO")) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean hasSubject(Tree s) {
    for (Tree c : s.children()) {
      if (NOMINALS.contains(category(c))) {
        return true;
      }
    }
    return false;
  }

  private static String lemma(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    return switch (w) {
      case "is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "'m", "’s", "’re", "’m" -> "be";
      case "get", "got", "gets", "gotten", "getting" -> "get";
      default -> w;
    };
  }
}
