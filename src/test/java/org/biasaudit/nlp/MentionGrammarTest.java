package org.biasaudit.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.biasaudit.nlp.Parsing.grammar;

import org.junit.jupiter.api.Test;

/** Roles, governing verbs and descriptors of mentions in sentences parsed by the real models. */
class MentionGrammarTest {
  @Test
  void whatTheActorDoesAndWhatIsDoneToIt() {
    String text = "Biden praised Zelensky and condemned Putin.";
    assertThat(grammar(text, "Biden")).extracting(MentionGrammar::role, MentionGrammar::governingVerb)
        .containsExactly("agent", "praise");
    assertThat(grammar(text, "Zelensky")).extracting(MentionGrammar::role, MentionGrammar::governingVerb)
        .containsExactly("patient", "praise");
    assertThat(grammar(text, "Putin")).extracting(MentionGrammar::role, MentionGrammar::governingVerb)
        .containsExactly("patient", "condemn");
  }

  @Test
  void passivesTurnAroundSubjectAndAgent() {
    String text = "Trump was defeated by Biden in 2020.";
    assertThat(grammar(text, "Trump").role()).isEqualTo("patient");
    assertThat(grammar(text, "Biden")).extracting(MentionGrammar::role, MentionGrammar::governingVerb)
        .containsExactly("agent", "defeat");
  }

  @Test
  void possessorsAndConjuncts() {
    assertThat(grammar("Putin's brutal war has killed thousands.", "Putin"))
        .extracting(MentionGrammar::role, MentionGrammar::governingVerb).containsExactly("possessor", "kill");
    assertThat(grammar("The Biden administration announced new sanctions.", "Biden").role()).isEqualTo("possessor");
    assertThat(grammar("Macron and Scholz met in Paris on Monday.", "Scholz")).extracting(MentionGrammar::role,
        MentionGrammar::governingVerb).containsExactly("agent", "meet");
  }

  @Test
  void descriptorsComeFromModifiersAppositivesAndPredicates() {
    assertThat(grammar("A weak and confused Vladimir Putin failed again.", "Vladimir Putin").descriptors())
        .containsExactly("weak", "confused");
    assertThat(grammar("Putin, the autocrat, sent more troops.", "Putin").descriptors()).containsExactly("autocrat");
    MentionGrammar predicate = grammar("Putin is a ruthless autocrat.", "Putin");
    assertThat(predicate.descriptors()).containsExactly("ruthless", "autocrat");
    assertThat(predicate).extracting(MentionGrammar::role, MentionGrammar::governingVerb).containsExactly("other", "be");
    assertThat(grammar("Critics called Biden weak.", "Biden").descriptors()).containsExactly("weak");
    assertThat(grammar("Biden appeared confused during the debate.", "Biden").descriptors()).containsExactly("confused");
    assertThat(grammar("President Biden signed the bill.", "Biden").descriptors()).as("a title is not a descriptor").isEmpty();
  }
}
