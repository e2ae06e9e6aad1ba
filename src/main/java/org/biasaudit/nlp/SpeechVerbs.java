package org.biasaudit.nlp;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The attribution-verb lexicon: each inflected form (including the -ing participle) maps to its lemma and
 * to a class that says how the verb frames the speaker. The full list is in {@code docs/speech-verbs.md}
 * (a test holds the two together). Classes:
 *
 * <ul>
 *   <li>{@code neutral}: say, tell, add, note, explain, ...
 *   <li>{@code assertive}: insist, claim, allege, argue, declare, ...
 *   <li>{@code concessive}: admit, concede, acknowledge, confess
 *   <li>{@code emotive}: complain, scoff, joke, lament, snap, shoot back, ...
 *   <li>{@code evaluative}: praise, hail, accuse, criticize, condemn, ...
 *   <li>{@code directive}: urge, demand, plead, appeal
 *   <li>{@code negating}: deny, reject, dismiss, refute
 *   <li>{@code predictive}: warn, predict, vow, promise, pledge, threaten
 * </ul>
 *
 * <p>Verbs that can introduce a reported clause ("said that ...", "warned the West would ...") are marked
 * {@link Verb#reports()}; naming and evaluating verbs ("called it ...", "praised him as ...") only
 * introduce direct quotes. {@code according to} is in the lexicon as a neutral, reporting phrase.
 */
public final class SpeechVerbs {
  /** A verb's lemma, its framing class, and whether it can introduce a reported clause. */
  public record Verb(String lemma, String framing, boolean reports) {}

  public static final List<String> CLASSES =
      List.of("neutral", "assertive", "concessive", "emotive", "evaluative", "directive", "negating", "predictive");

  private static final Map<String, Verb> FORMS = new HashMap<>();
  private static final Map<String, Verb> LEMMAS = new LinkedHashMap<>();
  /** Two-word verbs, keyed by "first second" ("shot back", "went on"). */
  private static final Map<String, Verb> PHRASES = new HashMap<>();

  static {
    reporting("neutral", "say", "said", "says", "saying");
    reporting("neutral", "tell", "told", "tells", "telling");
    regular("neutral", true, "add", "state", "explain", "note", "report", "recall", "announce", "post", "tweet",
        "remark", "observe", "confirm", "indicate", "reiterate", "mention", "agree", "suggest", "answer");
    regular("neutral", false, "repeat");
    reporting("neutral", "write", "wrote", "writes", "writing", "written");
    reporting("neutral", "reply", "replied", "replies", "replying");
    reporting("neutral", "testify", "testified", "testifies", "testifying");
    regular("neutral", true, "respond", "comment");
    regular("neutral", false, "ask", "continue", "describe", "call", "term", "label", "dub");
    phrase("neutral", false, "go on", "went on", "goes on", "going on");
    regular("assertive", true, "insist", "claim", "allege", "assert", "argue", "declare", "maintain", "contend", "stress",
        "emphasize", "emphasise", "affirm", "boast");
    regular("concessive", true, "admit", "concede", "acknowledge", "confess");
    regular("emotive", true, "complain", "joke", "lament", "fume", "exclaim");
    regular("emotive", false, "scoff", "shout", "blast", "mock", "sigh");
    forms("emotive", false, "snap", "snapped", "snaps", "snapping");
    forms("emotive", false, "quip", "quipped", "quips", "quipping");
    forms("emotive", false, "slam", "slammed", "slams", "slamming");
    phrase("emotive", false, "shoot back", "shot back", "shoots back", "shooting back");
    phrase("emotive", false, "hit back", "hit back", "hits back", "hitting back");
    phrase("emotive", false, "fire back", "fired back", "fires back", "firing back");
    phrase("emotive", false, "lash out", "lashed out", "lashes out", "lashing out");
    regular("evaluative", false, "praise", "hail", "accuse", "criticize", "criticise", "condemn", "denounce", "thank",
        "congratulate", "brand");
    regular("directive", false, "urge", "demand", "plead", "appeal", "implore");
    regular("negating", true, "deny");
    regular("negating", false, "reject", "dismiss", "refute");
    regular("predictive", true, "warn", "predict", "vow", "promise", "pledge", "threaten", "forecast");
    Verb according = new Verb("according to", "neutral", true);
    LEMMAS.put("according to", according);
    PHRASES.put("according to", according);
  }

  private SpeechVerbs() {}

  private static void reporting(String framing, String lemma, String... forms) {
    forms(framing, true, lemma, forms);
  }

  private static void forms(String framing, boolean reports, String lemma, String... forms) {
    Verb verb = new Verb(lemma, framing, reports);
    LEMMAS.put(lemma, verb);
    FORMS.put(lemma, verb);
    for (String form : forms) {
      FORMS.put(form, verb);
    }
  }

  /** Regular verbs: lemma, -s, -ed and -ing forms are derived. */
  private static void regular(String framing, boolean reports, String... lemmas) {
    for (String lemma : lemmas) {
      forms(framing, reports, lemma, thirdPerson(lemma), past(lemma), participle(lemma));
    }
  }

  private static void phrase(String framing, boolean reports, String lemma, String... forms) {
    Verb verb = new Verb(lemma, framing, reports);
    LEMMAS.put(lemma, verb);
    PHRASES.put(lemma, verb);
    for (String form : forms) {
      PHRASES.put(form, verb);
    }
  }

  private static boolean consonantY(String w) {
    return w.endsWith("y") && w.length() > 1 && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0;
  }

  private static String thirdPerson(String w) {
    if (w.endsWith("s") || w.endsWith("sh") || w.endsWith("ch") || w.endsWith("x") || w.endsWith("z")) {
      return w + "es";
    }
    return consonantY(w) ? w.substring(0, w.length() - 1) + "ies" : w + "s";
  }

  private static String past(String w) {
    if (w.endsWith("e")) {
      return w + "d";
    }
    return consonantY(w) ? w.substring(0, w.length() - 1) + "ied" : w + "ed";
  }

  private static String participle(String w) {
    return w.endsWith("e") && !w.endsWith("ee") ? w.substring(0, w.length() - 1) + "ing" : w + "ing";
  }

  /** The verb for an inflected form, or null when the word is not a speech verb. */
  public static Verb lookup(String word) {
    return word == null ? null : FORMS.get(word.toLowerCase(Locale.ROOT));
  }

  /** The two-word verb for "first second" ("shot back", "according to"), or null. */
  public static Verb lookupPhrase(String first, String second) {
    if (first == null || second == null) {
      return null;
    }
    return PHRASES.get(first.toLowerCase(Locale.ROOT) + " " + second.toLowerCase(Locale.ROOT));
  }

  /** The framing class of a lemma, or null. */
  public static String framingOf(String lemma) {
    Verb verb = lemma == null ? null : LEMMAS.get(lemma.toLowerCase(Locale.ROOT));
    return verb == null ? null : verb.framing();
  }

  /** Every lemma of the lexicon with its verb, in lexicon order (for the documentation check). */
  public static Map<String, Verb> lemmas() {
    return Collections.unmodifiableMap(LEMMAS);
  }

  /** Every single-word form (for tests). */
  static Set<String> forms() {
    return Collections.unmodifiableSet(FORMS.keySet());
  }
}
