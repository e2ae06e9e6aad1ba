package org.biasaudit.nlp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The features of one target in one parsed sentence, as named values for the target-sentiment classifier.
 * They describe how the sentence treats the target rather than the sentence as a whole: the words around
 * the target by side and distance, the target's grammatical relation and governing verb, the words at
 * each dependency distance, CoreNLP's sentiment distributions of the phrases that contain the target and
 * of the phrase its governor heads, the polarity of the words attached to it (by relation), negation of
 * the governing verb, contrast ("but") before or after the target, and reported speech.
 *
 * <p>The target's own words never become features, and every proper noun is reduced to one placeholder:
 * the classifier must not learn that a name is good or bad news. Tokens in {@code masked} (the content of
 * a quote the target itself speaks) are left out entirely: a quotation spoken by an actor is not
 * sentiment toward that actor.
 */
public final class TargetFeatures {
  /** Words that turn around what follows or what came before. */
  private static final Set<String> CONTRAST = Set.of("but", "however", "although", "though", "yet", "despite", "while",
      "whereas", "nevertheless", "still");
  private static final Set<String> NEGATION = Set.of("not", "n't", "never", "no", "nothing", "neither", "nor", "without",
      "hardly", "barely");
  private static final String[] POLARITY = {"neg", "neg", "neu", "pos", "pos"};
  /** Changes whenever a feature changes meaning: a model trained on another version must be retrained. */
  public static final int VERSION = 1;
  /** Prefix of the sentence's word features. */
  static final String WORD = "w:";

  private TargetFeatures() {}

  /** Where the target is and which tokens are excluded. */
  public record Target(int first, int last, boolean[] masked, boolean inQuote, boolean speaker) {}

  public static Map<String, Double> extract(ParsedSentence s, Target target, MentionGrammar grammar) {
    Map<String, Double> f = new LinkedHashMap<>();
    int n = s.size();
    int first = target.first();
    int last = target.last();
    boolean[] excluded = new boolean[n];
    for (int i = 0; i < n; i++) {
      excluded[i] = i >= first && i <= last || target.masked() != null && target.masked()[i];
    }
    int head = grammar.head();
    int anchor = grammar.anchor();
    int[] distance = dependencyDistances(s, head, first, last);
    boolean[] reported = reportedSpeech(s, grammar);

    // Words: the sentence, each side, nearby windows, and each dependency distance.
    for (int i = 0; i < n; i++) {
      if (excluded[i] || isPunctuation(s.tag(i))) {
        continue;
      }
      String w = norm(s, i);
      put(f, (reported[i] ? "rep:" : WORD) + w);
      String side = i < first ? "L" : "R";
      int gap = i < first ? first - i : i - last;
      if (gap <= 2) {
        put(f, side + gap + ":" + w);
      }
      if (gap <= 5) {
        put(f, side + "w:" + w);
      }
      int d = distance[i];
      if (d >= 1 && d <= 3) {
        put(f, "d" + d + ":" + term(s, i));
      }
      int c = s.wordClass(i);
      if (c != 2) {
        String pol = POLARITY[c];
        add(f, "pol:" + pol, 1);
        if (d <= 2) {
          add(f, "pol_d2:" + pol, 1);
        }
        if (d <= 4) {
          add(f, "pol_d4:" + pol, 1);
        }
        if (gap <= 4) {
          add(f, "pol_" + side + "4:" + pol, 1);
        }
        if (reported[i]) {
          add(f, "pol_rep:" + pol, 1);
        }
      }
    }
    for (String key : f.keySet().toArray(String[]::new)) {
      if (key.startsWith("pol")) {
        f.put(key, Math.log1p(f.get(key)));
      }
    }

    // Grammar: relation, role, governor, governing verb, modifiers and their polarity.
    String rel = s.relation(anchor);
    int gov = s.head(anchor);
    put(f, "rel:" + rel);
    put(f, "role:" + grammar.role());
    if (gov >= 0) {
      put(f, "gov:" + term(s, gov));
      put(f, "rel_gov:" + rel + ":" + term(s, gov));
      put(f, "govpol:" + rel + ":" + POLARITY[s.wordClass(gov)]);
      put(f, "govphrase:" + rel + ":" + POLARITY[ParsedSentence.argmax(phraseOf(s, gov, excluded))]);
      putDistribution(f, "govphrase_p", phraseOf(s, gov, excluded));
    } else {
      put(f, "gov:ROOT");
    }
    if (grammar.verbToken() >= 0) {
      int verb = grammar.verbToken();
      put(f, "verb:" + grammar.governingVerb());
      put(f, "role_verb:" + grammar.role() + ":" + grammar.governingVerb());
      put(f, "role_verbpol:" + grammar.role() + ":" + POLARITY[s.wordClass(verb)]);
      if (negated(s, verb)) {
        put(f, "negated");
        put(f, "negated_verbpol:" + POLARITY[s.wordClass(verb)]);
      }
      if (SpeechVerbs.lookup(s.word(verb)) != null && grammar.role().equals(MentionGrammar.AGENT)) {
        put(f, "speech_subject");
      }
    }
    for (int i = 0; i < n; i++) {
      if (excluded[i]) {
        continue;
      }
      if (s.head(i) == head || s.head(i) == anchor) {
        put(f, "mod:" + s.relation(i) + ":" + term(s, i));
        put(f, "modpol:" + s.relation(i) + ":" + POLARITY[s.wordClass(i)]);
      } else if (gov >= 0 && s.head(i) == gov && i != anchor) {
        put(f, "sib:" + s.relation(i) + ":" + term(s, i));
        put(f, "sibpol:" + rel + ":" + s.relation(i) + ":" + POLARITY[ParsedSentence.argmax(phraseOf(s, i, excluded))]);
      }
    }
    // How each sentiment-bearing word hangs off the target's clause: "stance [against aggression]" is a
    // negative word reached through "against", which says little against the target.
    for (int i = 0; i < n; i++) {
      int c = s.wordClass(i);
      if (excluded[i] || c == 2 || distance[i] > 5) {
        continue;
      }
      String via = path(s, i, head);
      if (via != null) {
        put(f, "polvia:" + via + ":" + POLARITY[c]);
      }
    }
    for (int token : grammar.descriptorTokens()) {
      if (!excluded[token]) {
        put(f, "desc:" + term(s, token));
      }
    }
    int up = gov;
    for (int steps = 0; up >= 0 && steps < 6; steps++) {
      put(f, "anc:" + term(s, up));
      up = s.head(up);
    }

    // Sentiment tree: the whole sentence, the phrases containing the target, and the tree-distance score.
    putDistribution(f, "root_p", s.nodeProbs[0]);
    int node = s.coveringNode(first, last);
    int[] np = s.subtreeSpan(head);
    putDistribution(f, "np_p", s.nodeProbs[s.coveringNode(np[0], np[1])]);
    for (int k = 1, a = s.nodeParent[node]; k <= 3 && a >= 0; k++, a = s.nodeParent[a]) {
      putDistribution(f, "up" + k + "_p", s.nodeProbs[a]);
    }
    f.put("tree_score", treeScore(s, node, excluded));
    f.put("sentence_score", s.sentenceScore());

    // Context: contrast, quotes, the kind of mention, sentence length.
    for (int i = 0; i < n; i++) {
      if (CONTRAST.contains(s.word(i).toLowerCase(Locale.ROOT))) {
        put(f, i < first ? "contrast_before" : "contrast_after");
      }
    }
    if (target.inQuote()) {
      put(f, "in_quote");
    }
    if (target.speaker()) {
      put(f, "speaker");
    }
    put(f, "head_tag:" + s.tag(head));
    put(f, "len:" + Math.min(6, n / 10));
    if (first == 0) {
      put(f, "sentence_start");
    }
    return f;
  }

  /**
   * The route from the target to a word, as the two dependency steps nearest the word's side of the common
   * ancestor, each named by its relation and, for a prepositional one, the preposition:
   * {@code up:nsubj/obj/nmod:against} for "Biden took a stance against aggression" from Biden to
   * "aggression". Null when the word is inside the target's own phrase or no route exists.
   */
  static String path(ParsedSentence s, int word, int head) {
    // Ancestors of the target's head, with their depth above it.
    Map<Integer, Integer> above = new HashMap<>();
    int t = head;
    for (int depth = 0; t >= 0 && depth <= s.size(); depth++) {
      above.put(t, depth);
      t = s.head(t);
    }
    List<String> down = new ArrayList<>();
    int w = word;
    for (int steps = 0; w >= 0 && !above.containsKey(w) && steps <= s.size(); steps++) {
      down.add(0, stepName(s, w));
      w = s.head(w);
    }
    if (w < 0 || !above.containsKey(w)) {
      return null;
    }
    int up = above.get(w);
    String upPart = up == 0 ? "self" : "up:" + s.relation(head);
    if (down.isEmpty()) {
      return upPart + "/gov" + Math.min(up, 3);
    }
    return upPart + "/" + String.join("/", down.subList(0, Math.min(2, down.size())));
  }

  private static String stepName(ParsedSentence s, int token) {
    String rel = s.relation(token);
    if (rel.startsWith("obl") || rel.startsWith("nmod") || rel.equals("advcl")) {
      for (int i = 0; i < s.size(); i++) {
        if (s.head(i) == token && (s.relation(i).equals("case") || s.relation(i).equals("mark"))) {
          return rel + ":" + s.word(i).toLowerCase(Locale.ROOT);
        }
      }
    }
    return rel;
  }

  /** The sentiment distribution of the phrase a token heads, as the lowest tree node covering it. */
  private static float[] phraseOf(ParsedSentence s, int token, boolean[] excluded) {
    int[] span = s.subtreeSpan(token);
    return s.nodeProbs[s.coveringNode(span[0], span[1])];
  }

  /**
   * A weighted mean over the sentiment-tree nodes outside the target and the excluded tokens: each node
   * weighs 0.6 to the power of its tree distance from the target's node, times its own strength.
   */
  static double treeScore(ParsedSentence s, int targetNode, boolean[] excluded) {
    int m = s.nodeProbs.length;
    int[] depth = new int[m];
    for (int k = 1; k < m; k++) {
      depth[k] = depth[s.nodeParent[k]] + 1;
    }
    boolean[] onPath = new boolean[m];
    for (int a = targetNode; a >= 0; a = s.nodeParent[a]) {
      onPath[a] = true;
    }
    double sum = 0;
    double weights = 0;
    for (int k = 0; k < m; k++) {
      if (onPath[k] || allExcluded(excluded, s.nodeFirst[k], s.nodeLast[k])) {
        continue;
      }
      int lca = k;
      while (!onPath[lca]) {
        lca = s.nodeParent[lca];
      }
      int dist = depth[k] + depth[targetNode] - 2 * depth[lca];
      double score = ParsedSentence.score(s.nodeProbs[k]);
      double w = Math.pow(0.6, dist - 1) * (0.15 + Math.abs(score));
      sum += w * score;
      weights += w;
    }
    return weights == 0 ? 0.0 : Math.max(-1, Math.min(1, sum / weights));
  }

  private static boolean allExcluded(boolean[] excluded, int first, int last) {
    for (int i = first; i <= last; i++) {
      if (!excluded[i]) {
        return false;
      }
    }
    return true;
  }

  /** Undirected distance in the dependency tree from the target's head; the target's tokens are at 0. */
  static int[] dependencyDistances(ParsedSentence s, int head, int first, int last) {
    int n = s.size();
    int[] dist = new int[n];
    Arrays.fill(dist, Integer.MAX_VALUE);
    Deque<Integer> queue = new ArrayDeque<>();
    for (int i = first; i <= last; i++) {
      dist[i] = 0;
      queue.add(i);
    }
    while (!queue.isEmpty()) {
      int t = queue.poll();
      int h = s.head(t);
      if (h >= 0 && dist[h] == Integer.MAX_VALUE) {
        dist[h] = dist[t] + 1;
        queue.add(h);
      }
      for (int i = 0; i < n; i++) {
        if (s.head(i) == t && dist[i] == Integer.MAX_VALUE) {
          dist[i] = dist[t] + 1;
          queue.add(i);
        }
      }
    }
    return dist;
  }

  /** Tokens inside the complement of a speech verb whose subject is the target ("Biden said [the plan fails]"). */
  private static boolean[] reportedSpeech(ParsedSentence s, MentionGrammar grammar) {
    boolean[] inside = new boolean[s.size()];
    int verb = grammar.verbToken();
    if (verb < 0 || !grammar.role().equals(MentionGrammar.AGENT) || SpeechVerbs.lookup(s.word(verb)) == null) {
      return inside;
    }
    for (int i = 0; i < s.size(); i++) {
      if (s.head(i) == verb && (s.relation(i).equals("ccomp") || s.relation(i).equals("parataxis"))) {
        for (int j = 0; j < s.size(); j++) {
          if (s.dominates(i, j)) {
            inside[j] = true;
          }
        }
      }
    }
    return inside;
  }

  private static boolean negated(ParsedSentence s, int verb) {
    for (int i = 0; i < s.size(); i++) {
      if (s.head(i) == verb && NEGATION.contains(s.word(i).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** A token as the word features name it: lower case; proper nouns and numbers as placeholders. */
  static String norm(ParsedSentence s, int i) {
    String tag = s.tag(i);
    if (isNameLike(s, i)) {
      return "<name>";
    }
    if (tag.equals("CD")) {
      return "<num>";
    }
    return s.word(i).toLowerCase(Locale.ROOT);
  }

  /** The token's lemma, with names and numbers as placeholders ({@link #isNameLike}). */
  static String term(ParsedSentence s, int i) {
    if (isNameLike(s, i)) {
      return "<name>";
    }
    return s.tag(i).equals("CD") ? "<num>" : s.lemma(i);
  }

  /**
   * Proper nouns, and capitalised adjectives after the first word ("Russian", "Democratic"): words that
   * name a person, party or country. The classifier sees them only as a placeholder, so it cannot carry
   * a learned opinion of a nation or party into the audit.
   */
  static boolean isNameLike(ParsedSentence s, int i) {
    String tag = s.tag(i);
    return tag.startsWith("NNP") || tag.startsWith("JJ") && i > 0 && Character.isUpperCase(s.word(i).charAt(0));
  }

  static boolean isPunctuation(String tag) {
    return tag.length() > 0 && !Character.isLetter(tag.charAt(0)) && !tag.equals("$");
  }

  private static void putDistribution(Map<String, Double> f, String prefix, float[] p) {
    for (int k = 0; k < p.length; k++) {
      f.put(prefix + k, (double) p[k]);
    }
  }

  private static void put(Map<String, Double> f, String name) {
    f.put(name, 1.0);
  }

  private static void add(Map<String, Double> f, String name, double value) {
    f.merge(name, value, Double::sum);
  }
}
