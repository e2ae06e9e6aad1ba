package org.biasaudit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuoteEvaluationTest {
  private static QuoteGold gold(String file, String kind, int begin, int end, String actor, List<String> names, String style) {
    return new QuoteGold(file, "dev", kind, begin, end, "x", actor, names, style, "sentence", kind.equals("direct") ? "curly" : null);
  }

  private static QuoteEvaluation.Predicted predicted(String file, String kind, int begin, int end, String actor, String name) {
    return new QuoteEvaluation.Predicted(file, kind, begin, end, "x", actor, name, actor != null || name != null ? "named" : "none");
  }

  @Test
  void exactAndOverlapSpansAreCountedOneToOne() {
    List<QuoteGold> gold = List.of(
        gold("a", "direct", 0, 10, "biden", List.of(), "named_after"),
        gold("a", "direct", 20, 30, "biden", List.of(), "continued"),
        gold("a", "direct", 40, 50, null, List.of("Maria Delgado"), "pronoun"),
        gold("b", "indirect", 0, 10, "putin", List.of(), "said_clause"));
    List<QuoteEvaluation.Predicted> predicted = List.of(
        predicted("a", "direct", 0, 10, "biden", "Joe Biden"),       // exact, right
        predicted("a", "direct", 18, 28, "trump", "Donald Trump"),   // overlap, wrong speaker
        predicted("a", "direct", 21, 29, "biden", "Joe Biden"),      // overlaps the same gold row: counted once
        predicted("b", "direct", 0, 10, "putin", "Vladimir Putin"),  // wrong kind: no match
        predicted("c", "direct", 0, 5, null, null));                 // no gold at all
    QuoteEvaluation e = QuoteEvaluation.score(gold, predicted);

    QuoteEvaluation.SpanScore direct = e.spans().get("direct");
    assertThat(direct.gold()).isEqualTo(3);
    assertThat(direct.predicted()).isEqualTo(5);
    assertThat(direct.exact()).isEqualTo(1);
    assertThat(direct.overlap()).isEqualTo(2);
    assertThat(direct.precision(true)).isCloseTo(0.2, within(1e-9));
    assertThat(direct.recall(false)).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(direct.f1(false)).isCloseTo(2 * 0.4 * (2 / 3.0) / (0.4 + 2 / 3.0), within(1e-9));
    assertThat(e.spans().get("indirect").overlap()).isZero();
    assertThat(e.unmatched()).hasSize(3);

    Map<String, QuoteEvaluation.SpeakerScore> speakers = e.speakers();
    assertThat(speakers.get("all").gold()).isEqualTo(4);
    assertThat(speakers.get("all").found()).isEqualTo(2);
    assertThat(speakers.get("all").correct()).isEqualTo(1);
    assertThat(speakers.get("all").accuracy()).isEqualTo(0.5);
    assertThat(speakers.get("all").endToEnd()).isEqualTo(0.25);
    assertThat(speakers.get("direct style=named_after").accuracy()).isEqualTo(1.0);
    assertThat(speakers.get("direct style=continued").correct()).isZero();
  }

  @Test
  void speakersMatchByActorByNameOrByHavingNone() {
    QuoteGold tracked = gold("a", "direct", 0, 5, "biden", List.of(), "pronoun");
    QuoteGold untracked = gold("a", "direct", 0, 5, null, List.of("Netanyahu’s Likud party", "Likud"), "pronoun");
    QuoteGold none = gold("a", "direct", 0, 5, null, List.of(), "anonymous");
    assertThat(QuoteEvaluation.speakerCorrect(tracked, predicted("a", "direct", 0, 5, "biden", "Joe Biden"))).isTrue();
    assertThat(QuoteEvaluation.speakerCorrect(tracked, predicted("a", "direct", 0, 5, null, "Joe Biden"))).isFalse();
    assertThat(QuoteEvaluation.speakerCorrect(untracked, predicted("a", "direct", 0, 5, null, "Netanyahu's Likud Party"))).isTrue();
    assertThat(QuoteEvaluation.speakerCorrect(untracked, predicted("a", "direct", 0, 5, null, "the Likud"))).isTrue();
    assertThat(QuoteEvaluation.speakerCorrect(untracked, predicted("a", "direct", 0, 5, "netanyahu", "Benjamin Netanyahu"))).isFalse();
    assertThat(QuoteEvaluation.speakerCorrect(untracked, predicted("a", "direct", 0, 5, null, null))).isFalse();
    assertThat(QuoteEvaluation.speakerCorrect(none, predicted("a", "direct", 0, 5, null, null))).isTrue();
    assertThat(QuoteEvaluation.speakerCorrect(none, predicted("a", "direct", 0, 5, null, "Maria Delgado"))).isFalse();
  }

  @Test
  void goalsAreTheIssuesThresholds() {
    List<QuoteGold> gold = List.of(gold("a", "direct", 0, 10, "biden", List.of(), "pronoun"),
        gold("a", "direct", 20, 30, "biden", List.of(), "nominal"));
    QuoteEvaluation perfect = QuoteEvaluation.score(gold,
        List.of(predicted("a", "direct", 0, 10, "biden", "Joe Biden"), predicted("a", "direct", 20, 30, "biden", "Joe Biden")));
    assertThat(perfect.goals()).allMatch(QuoteEvaluation.Goal::met);
    QuoteEvaluation wrong = QuoteEvaluation.score(gold,
        List.of(predicted("a", "direct", 0, 10, "biden", "Joe Biden"), predicted("a", "direct", 20, 30, "trump", "Donald Trump")));
    assertThat(wrong.goals()).filteredOn(g -> !g.met()).extracting(QuoteEvaluation.Goal::name)
        .containsExactlyInAnyOrder("speaker accuracy, all quotes found", "speaker accuracy, nominal speakers");
    assertThat(wrong.format()).contains("NOT MET").contains("direct").contains("style=nominal");
    assertThat(wrong.formatErrors()).contains("SPEAKER got trump");
  }

  @Test
  void heldOutArticlesAreScoredSeparately() {
    QuoteGold dev = gold("a", "direct", 0, 10, "biden", List.of(), "pronoun");
    QuoteGold held = new QuoteGold("b", "heldout", "direct", 0, 10, "x", "putin", List.of(), "pronoun", "sentence", "curly");
    QuoteEvaluation e = QuoteEvaluation.score(List.of(dev, held),
        List.of(predicted("a", "direct", 0, 10, "biden", null), predicted("b", "direct", 0, 10, "xi", null),
            predicted("b", "direct", 20, 30, null, null)));
    assertThat(e.spans().get("direct heldout").predicted()).isEqualTo(2);
    assertThat(e.spans().get("direct dev").f1(true)).isEqualTo(1.0);
    assertThat(e.speakers().get("split=heldout").accuracy()).isZero();
    assertThat(e.speakers().get("split=dev style=pronoun").accuracy()).isEqualTo(1.0);
  }
}
