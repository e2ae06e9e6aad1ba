package org.biasaudit.nlp;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The attribution-verb lexicon: each inflected form maps to its lemma and to a class that says how the
 * verb frames the speaker. Classes: {@code neutral} (say, tell, add), {@code assertive} (insist, claim,
 * allege), {@code concessive} (admit, concede), {@code emotive} (complain, boast, lash out), {@code
 * directive} (urge, demand), {@code negating} (deny, reject), {@code predictive} (warn, predict, vow).
 */
public final class SpeechVerbs {
  /** A verb's lemma and its framing class. */
  public record Verb(String lemma, String framing) {}

  private static final Map<String, Verb> FORMS = new HashMap<>();

  static {
    neutral("say", "said", "says", "saying");
    neutral("tell", "told", "tells", "telling");
    neutral("add", "added", "adds");
    neutral("ask", "asked", "asks");
    neutral("state", "stated", "states");
    neutral("explain", "explained", "explains");
    neutral("note", "noted", "notes");
    neutral("continue", "continued", "continues");
    neutral("write", "wrote", "writes");
    neutral("reply", "replied", "replies");
    neutral("respond", "responded", "responds");
    neutral("answer", "answered", "answers");
    neutral("recall", "recalled", "recalls");
    neutral("announce", "announced", "announces");
    neutral("post", "posted", "posts");
    neutral("tweet", "tweeted", "tweets");
    neutral("describe", "described", "describes");
    neutral("call", "called", "calls");
    neutral("comment", "commented", "comments");
    neutral("remark", "remarked", "remarks");
    neutral("observe", "observed", "observes");
    neutral("report", "reported", "reports");
    neutral("testify", "testified", "testifies");
    neutral("agree", "agreed", "agrees");
    add("assertive", "insist", "insisted", "insists");
    add("assertive", "claim", "claimed", "claims");
    add("assertive", "allege", "alleged", "alleges");
    add("assertive", "assert", "asserted", "asserts");
    add("assertive", "argue", "argued", "argues");
    add("assertive", "declare", "declared", "declares");
    add("assertive", "maintain", "maintained", "maintains");
    add("assertive", "contend", "contended", "contends");
    add("assertive", "stress", "stressed", "stresses");
    add("assertive", "emphasize", "emphasized", "emphasizes", "emphasised", "emphasises");
    add("assertive", "boast", "boasted", "boasts");
    add("concessive", "admit", "admitted", "admits");
    add("concessive", "concede", "conceded", "concedes");
    add("concessive", "acknowledge", "acknowledged", "acknowledges");
    add("concessive", "confess", "confessed", "confesses");
    add("emotive", "complain", "complained", "complains");
    add("emotive", "scoff", "scoffed", "scoffs");
    add("emotive", "snap", "snapped", "snaps");
    add("emotive", "joke", "joked", "jokes");
    add("emotive", "shout", "shouted", "shouts");
    add("emotive", "lament", "lamented", "laments");
    add("emotive", "fume", "fumed", "fumes");
    add("emotive", "quip", "quipped", "quips");
    add("emotive", "blast", "blasted", "blasts");
    add("emotive", "slam", "slammed", "slams");
    add("emotive", "mock", "mocked", "mocks");
    add("directive", "urge", "urged", "urges");
    add("directive", "demand", "demanded", "demands");
    add("directive", "plead", "pleaded", "pleads");
    add("directive", "appeal", "appealed", "appeals");
    add("negating", "deny", "denied", "denies");
    add("negating", "reject", "rejected", "rejects");
    add("negating", "dismiss", "dismissed", "dismisses");
    add("predictive", "warn", "warned", "warns");
    add("predictive", "predict", "predicted", "predicts");
    add("predictive", "vow", "vowed", "vows");
    add("predictive", "promise", "promised", "promises");
    add("predictive", "pledge", "pledged", "pledges");
    add("predictive", "threaten", "threatened", "threatens");
    add("neutral", "suggest", "suggested", "suggests");
  }

  private SpeechVerbs() {}

  private static void neutral(String lemma, String... forms) {
    add("neutral", lemma, forms);
  }

  private static void add(String framing, String lemma, String... forms) {
    Verb verb = new Verb(lemma, framing);
    FORMS.put(lemma, verb);
    for (String form : forms) {
      FORMS.put(form, verb);
    }
  }

  /** The verb for an inflected form, or null when the word is not a speech verb. */
  public static Verb lookup(String word) {
    return word == null ? null : FORMS.get(word.toLowerCase(Locale.ROOT));
  }

  /** The framing class of a lemma, or null. */
  public static String framingOf(String lemma) {
    Verb verb = lookup(lemma);
    return verb == null ? null : verb.framing();
  }
}
