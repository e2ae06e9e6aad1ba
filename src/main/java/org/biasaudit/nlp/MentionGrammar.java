package org.biasaudit.nlp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the dependency structure says about one mention: its grammatical role, the verb that governs it and
 * the descriptive words attached to it. Read from the basic Universal Dependencies of a
 * {@link ParsedSentence}.
 *
 * @param head the mention's head token (the token of the mention whose head lies outside it)
 * @param anchor the token whose relation decides the role: the head, or the first conjunct or the noun an
 *     apposition restates ("Biden and Harris met": Harris takes Biden's role)
 * @param role {@code agent} (subject of a verb, or the {@code by} phrase of a passive), {@code patient}
 *     (object, passive subject), {@code possessor} ("Putin's war", "the Biden administration") or
 *     {@code other}
 * @param verbToken the governing verb's token, -1 when none
 * @param governingVerb lemma of the nearest verb above the mention ({@code be} for a copular predicate), null
 *     when none
 * @param descriptors adjectival modifiers, appositives, common-noun modifiers and nominal or adjectival
 *     predicates attached to the mention ("weak", "autocrat", "ally"), lower-cased, in text order
 * @param descriptorTokens the tokens of those words
 */
public record MentionGrammar(int head, int anchor, String role, int verbToken, String governingVerb, List<String> descriptors,
    List<Integer> descriptorTokens) {
  public static final String AGENT = "agent";
  public static final String PATIENT = "patient";
  public static final String POSSESSOR = "possessor";
  public static final String OTHER = "other";

  /** Verbs that link a subject to a description ("Biden appeared confused"). */
  private static final Set<String> LINKING = Set.of("be", "seem", "appear", "look", "become", "remain", "sound", "stay",
      "prove", "grow", "feel");

  public static MentionGrammar of(ParsedSentence s, int first, int last) {
    int head = headOf(s, first, last);
    int anchor = head;
    for (int steps = 0; steps < s.size(); steps++) {
      String rel = s.relation(anchor);
      int up = s.head(anchor);
      if (up < 0 || up >= first && up <= last) {
        break;
      }
      boolean conjunct = rel.equals("conj");
      boolean restated = rel.equals("appos") && isNominal(s.tag(up));
      if (!conjunct && !restated) {
        break;
      }
      anchor = up;
    }
    String role = role(s, anchor);
    int verb = governingVerb(s, anchor);
    String lemma = verb < 0 ? null : s.lemma(verb);
    List<Integer> tokens = descriptors(s, head, anchor, first, last);
    Set<String> words = new LinkedHashSet<>();
    for (int t : tokens) {
      words.add(s.word(t).toLowerCase(Locale.ROOT));
    }
    return new MentionGrammar(head, anchor, role, verb, lemma, List.copyOf(words), tokens);
  }

  /** The token of [first, last] whose head lies outside it; the rightmost such token wins. */
  static int headOf(ParsedSentence s, int first, int last) {
    int chosen = last;
    for (int i = last; i >= first; i--) {
      int h = s.head(i);
      if (h < first || h > last) {
        chosen = i;
        if (!s.relation(i).equals("punct")) {
          return i;
        }
      }
    }
    return chosen;
  }

  private static String role(ParsedSentence s, int anchor) {
    String rel = s.relation(anchor);
    int up = s.head(anchor);
    switch (rel) {
      case "nsubj", "csubj" -> {
        return up >= 0 && s.tag(up).startsWith("VB") && !hasChild(s, up, "cop") ? AGENT : OTHER;
      }
      case "nsubj:pass", "csubj:pass", "obj", "iobj" -> {
        return PATIENT;
      }
      case "obl:agent" -> {
        return AGENT;
      }
      case "obl", "nmod" -> {
        return hasChildWord(s, anchor, "case", "by") && up >= 0 && hasChild(s, up, "aux:pass") ? AGENT : OTHER;
      }
      case "nmod:poss" -> {
        return POSSESSOR;
      }
      case "compound" -> {
        // "the Biden administration", "the Putin regime": a name modifying a common noun.
        return up >= 0 && s.tag(up).startsWith("NN") && !s.tag(up).startsWith("NNP") ? POSSESSOR : OTHER;
      }
      default -> {
        return OTHER;
      }
    }
  }

  /** The nearest verb at or above the anchor's governor; the copula of a nominal or adjectival predicate. */
  private static int governingVerb(ParsedSentence s, int anchor) {
    int t = s.head(anchor);
    for (int steps = 0; t >= 0 && steps < s.size(); steps++) {
      int cop = child(s, t, "cop");
      if (cop >= 0) {
        return cop;
      }
      if (s.tag(t).startsWith("VB")) {
        return t;
      }
      t = s.head(t);
    }
    return -1;
  }

  private static List<Integer> descriptors(ParsedSentence s, int head, int anchor, int first, int last) {
    Set<Integer> tokens = new TreeSet<>();
    for (int holder : new int[] {head, anchor}) {
      for (int i = 0; i < s.size(); i++) {
        if (s.head(i) != holder || i >= first && i <= last) {
          continue;
        }
        String rel = s.relation(i);
        if (rel.equals("amod") || rel.equals("appos")) {
          addWithModifiers(s, i, tokens);
        } else if (rel.equals("compound") && isCommonNoun(s.tag(i))) {
          tokens.add(i); // "strongman Putin"
        }
      }
    }
    if (s.relation(head).equals("appos") && isNominal(s.tag(s.head(head)))) {
      addWithModifiers(s, s.head(head), tokens); // "the autocrat, Putin"
    }
    String rel = s.relation(anchor);
    int up = s.head(anchor);
    if (up >= 0 && (rel.equals("nsubj") || rel.equals("nsubj:pass"))) {
      if (hasChild(s, up, "cop") && isDescriptive(s.tag(up))) {
        addWithModifiers(s, up, tokens); // "Putin is a ruthless autocrat", "Biden is weak"
      } else if (LINKING.contains(s.lemma(up))) {
        int complement = child(s, up, "xcomp");
        if (complement >= 0 && isDescriptive(s.tag(complement))) {
          addWithModifiers(s, complement, tokens); // "Biden appeared confused"
        }
      }
    } else if (up >= 0 && rel.equals("obj")) {
      int complement = child(s, up, "xcomp");
      if (complement >= 0 && isDescriptive(s.tag(complement))) {
        addWithModifiers(s, complement, tokens); // "critics called Biden weak"
      }
    }
    List<Integer> out = new ArrayList<>();
    for (int t : tokens) {
      if (t < first || t > last) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  /** A descriptive word with the adjectives and conjoined descriptions attached to it. */
  private static void addWithModifiers(ParsedSentence s, int token, Set<Integer> tokens) {
    if (!isDescriptive(s.tag(token))) {
      return;
    }
    tokens.add(token);
    for (int i = 0; i < s.size(); i++) {
      if (s.head(i) == token) {
        String rel = s.relation(i);
        if ((rel.equals("amod") || rel.equals("conj")) && isDescriptive(s.tag(i)) || rel.equals("compound") && isCommonNoun(s.tag(i))) {
          tokens.add(i);
        }
      }
    }
  }

  private static boolean isDescriptive(String tag) {
    return tag.startsWith("JJ") || isCommonNoun(tag) || tag.equals("VBN") || tag.equals("VBG");
  }

  private static boolean isCommonNoun(String tag) {
    return tag.startsWith("NN") && !tag.startsWith("NNP");
  }

  private static boolean isNominal(String tag) {
    return tag.startsWith("NN") || tag.startsWith("PRP");
  }

  static int child(ParsedSentence s, int governor, String relation) {
    for (int i = 0; i < s.size(); i++) {
      if (s.head(i) == governor && s.relation(i).equals(relation)) {
        return i;
      }
    }
    return -1;
  }

  static boolean hasChild(ParsedSentence s, int governor, String relation) {
    return child(s, governor, relation) >= 0;
  }

  private static boolean hasChildWord(ParsedSentence s, int governor, String relation, String word) {
    for (int i = 0; i < s.size(); i++) {
      if (s.head(i) == governor && s.relation(i).equals(relation) && s.word(i).equalsIgnoreCase(word)) {
        return true;
      }
    }
    return false;
  }
}
