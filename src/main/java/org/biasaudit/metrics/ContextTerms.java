package org.biasaudit.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.biasaudit.actors.TextFolding;

/**
 * The words around a mention that {@code framing_terms} compares: a simple word tokenizer over the folded
 * sentence (curly apostrophes and diacritics folded, lower case, possessive {@code 's} dropped), English
 * stop words (Spark MLlib's list), numbers and the actors' own names left out.
 */
public final class ContextTerms {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['\\-][\\p{L}\\p{N}]+)*");
  private static final Set<String> STOP_WORDS = Arrays.stream(StopWordsRemover.loadDefaultStopWords("english"))
      .map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

  private ContextTerms() {}

  /** Every word of the text, folded and lower-cased, in order; a possessive {@code 's} is dropped. */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    Matcher m = WORD.matcher(TextFolding.fold(text).toLowerCase(Locale.ROOT));
    while (m.find()) {
      String word = m.group();
      if (word.endsWith("'s")) {
        word = word.substring(0, word.length() - 2);
      }
      out.add(word);
    }
    return out;
  }

  public static boolean isContentWord(String word) {
    return word.length() > 1 && !STOP_WORDS.contains(word) && !word.chars().allMatch(Character::isDigit)
        && Character.isLetter(word.charAt(0));
  }

  /**
   * The content words within {@code window} tokens of any occurrence of a target surface in the sentence;
   * each token position counts once however many target occurrences it is near. When no surface is found
   * in the sentence's words, the whole sentence is the context. Words of any surface (of any tracked actor
   * in the sentence) are never terms.
   *
   * @param targetSurfaces how the text names the actor in this sentence
   * @param allSurfaces how it names every tracked actor in this sentence (targets included)
   */
  public static List<String> around(String sentence, Collection<String> targetSurfaces, Collection<String> allSurfaces,
      int window) {
    return new Sentence(sentence, allSurfaces).around(targetSurfaces, window);
  }

  /**
   * A sentence's words and which of them name a tracked actor, found once for every actor the sentence names
   * ({@link #around(Collection, int)} per actor): tokenizing is most of the cost.
   */
  public static final class Sentence {
    private final List<String> words;
    private final boolean[] name;

    /** @param allSurfaces how the sentence names every tracked actor in it (repeats are looked for once) */
    public Sentence(String sentence, Collection<String> allSurfaces) {
      words = tokens(sentence);
      name = new boolean[words.size()];
      for (String surface : new LinkedHashSet<>(allSurfaces)) {
        markOccurrences(words, tokens(surface), name, null, 0);
      }
    }

    /** {@link ContextTerms#around(String, Collection, Collection, int)} for one actor of this sentence. */
    public List<String> around(Collection<String> targetSurfaces, int window) {
      boolean[] near = new boolean[words.size()];
      boolean found = false;
      for (String surface : new LinkedHashSet<>(targetSurfaces)) {
        found |= markOccurrences(words, tokens(surface), null, near, window);
      }
      List<String> terms = new ArrayList<>();
      for (int i = 0; i < words.size(); i++) {
        if ((near[i] || !found) && !name[i] && isContentWord(words.get(i))) {
          terms.add(words.get(i));
        }
      }
      return terms;
    }
  }

  /** Marks each occurrence of {@code surface} in {@code words} (and the window around it, in {@code near}). */
  private static boolean markOccurrences(List<String> words, List<String> surface, boolean[] name, boolean[] near,
      int window) {
    if (surface.isEmpty()) {
      return false;
    }
    boolean found = false;
    for (int i = 0; i + surface.size() <= words.size(); i++) {
      if (matchesAt(words, surface, i)) {
        found = true;
        int end = i + surface.size();
        if (name != null) {
          Arrays.fill(name, i, end, true);
        }
        if (near != null) {
          Arrays.fill(near, Math.max(0, i - window), Math.min(words.size(), end + window), true);
        }
      }
    }
    return found;
  }

  private static boolean matchesAt(List<String> words, List<String> surface, int at) {
    if (surface.size() == 1) {
      // "Biden-era", "anti-Putin": the name is one part of a hyphenated word.
      String word = words.get(at);
      return word.equals(surface.get(0)) || word.indexOf('-') >= 0 && Arrays.asList(word.split("-")).contains(surface.get(0));
    }
    for (int j = 0; j < surface.size(); j++) {
      if (!words.get(at + j).equals(surface.get(j))) {
        return false;
      }
    }
    return true;
  }
}
