package org.biasaudit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContextTermsTest {
  @Test
  void tokensAreFoldedLowerCasedAndLosePossessives() {
    assertThat(ContextTerms.tokens("Putin’s “brutal” war, Erdoğan's vote and the Biden-era rules in 2024."))
        .containsExactly("putin", "brutal", "war", "erdogan", "vote", "and", "the", "biden-era", "rules", "in", "2024");
    assertThat(ContextTerms.tokens(null)).isEmpty();
  }

  @Test
  void contextIsTheWindowAroundTheNameWithoutStopWordsOrNames() {
    String sentence = "Critics say a weak and confused Joe Biden failed again on the border, while Putin smiled in Moscow.";
    List<String> terms = ContextTerms.around(sentence, List.of("Joe Biden"), List.of("Joe Biden", "Putin"), 3);
    // Three tokens either side of "joe biden": "weak and confused" / "failed again on".
    assertThat(terms).containsExactly("weak", "confused", "failed");
    // The whole sentence with a wide window; neither actor's name is ever a term.
    assertThat(ContextTerms.around(sentence, List.of("Joe Biden"), List.of("Joe Biden", "Putin"), 50))
        .containsExactly("critics", "say", "weak", "confused", "failed", "border", "smiled", "moscow");
  }

  @Test
  void oneSentenceServesEveryActorItNames() {
    // FramingTerms tokenizes a sentence once and asks it for each actor in turn: each answer must be the one
    // that sentence gives that actor alone, whatever was asked before.
    String sentence = "Critics say a weak and confused Joe Biden failed again on the border, while Putin smiled in Moscow.";
    List<String> all = List.of("Joe Biden", "Putin", "Putin");
    ContextTerms.Sentence words = new ContextTerms.Sentence(sentence, all);
    assertThat(words.around(List.of("Putin", "Putin"), 2)).containsExactly("border", "smiled");
    assertThat(words.around(List.of("Joe Biden"), 3)).containsExactly("weak", "confused", "failed");
    assertThat(words.around(List.of("Putin"), 2)).containsExactly("border", "smiled");
  }

  @Test
  void overlappingWindowsCountEachWordOnce() {
    List<String> terms = ContextTerms.around("Biden praised Biden", List.of("Biden", "Biden"), List.of("Biden"), 5);
    assertThat(terms).containsExactly("praised");
  }

  @Test
  void hyphenatedNamesAndUnfoundSurfaces() {
    assertThat(ContextTerms.around("Several Biden-era rules were reversed quickly.", List.of("Biden"), List.of("Biden"), 2))
        .containsExactly("several", "rules");
    // Surface not found among the words (a tokenisation mismatch): the whole sentence is the context.
    assertThat(ContextTerms.around("A bold plan emerged.", List.of("Zelenskyy"), List.of("Zelenskyy"), 1))
        .containsExactly("bold", "plan", "emerged");
  }
}
