package org.biasaudit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionScoresTest {
  private static LabeledMention m(String field, int begin, int end, String actor, String type) {
    return new LabeledMention("a1", field, begin, end, "x", actor, type);
  }

  @Test
  void markupBecomesCleanTextAndOffsets() {
    LabeledArticles.Article article = LabeledArticles.parse("""
        id: a1
        outlet: Test Wire
        published: 2024-03-01
        title: [[Putin|putin]] speaks

        [[The Russian president|putin|nom]] said [[he|putin|pro]] would win.
        """, "test.txt");
    assertThat(article.id()).isEqualTo("a1");
    assertThat(article.published()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(article.title()).isEqualTo("Putin speaks");
    assertThat(article.text()).isEqualTo("The Russian president said he would win.");
    assertThat(article.mentions()).containsExactly(
        new LabeledMention("a1", "title", 0, 5, "Putin", "putin", "NAME"),
        new LabeledMention("a1", "text", 0, 21, "The Russian president", "putin", "NOMINAL"),
        new LabeledMention("a1", "text", 27, 29, "he", "putin", "PRONOUN"));
  }

  @Test
  void malformedFilesNameTheProblem() {
    assertThatThrownBy(() -> LabeledArticles.parse("id: a\noutlet: o\n\n[[Putin|putin has a broken mark", "bad.txt"))
        .hasMessageContaining("bad.txt").hasMessageContaining("malformed mark");
    assertThatThrownBy(() -> LabeledArticles.parse("id: a\noutlet: o\nauthor: x\n\ntext", "bad.txt"))
        .hasMessageContaining("author");
    assertThatThrownBy(() -> LabeledArticles.parse("id: a\noutlet: o\npublished: May 2024\n\ntext", "bad.txt"))
        .hasMessageContaining("published");
  }

  @Test
  void overlappingSpansOfTheSameActorMatchOneToOne() {
    List<LabeledMention> gold = List.of(m("text", 0, 21, "putin", "NOMINAL"), m("text", 27, 29, "putin", "PRONOUN"),
        m("text", 40, 45, "biden", "NAME"));
    List<LabeledMention> found = List.of(m("text", 4, 21, "putin", "NOMINAL"), m("text", 27, 29, "biden", "PRONOUN"),
        m("text", 40, 45, "biden", "NAME"), m("text", 41, 45, "biden", "NAME"));
    MentionScores scores = MentionScores.score(gold, found);
    assertThat(scores.overall()).isEqualTo(new MentionScores.Counts(2, 2, 1));
    assertThat(scores.byType().get("NOMINAL")).isEqualTo(new MentionScores.Counts(1, 0, 0));
    assertThat(scores.byType().get("PRONOUN")).isEqualTo(new MentionScores.Counts(0, 1, 1));
    assertThat(scores.byType().get("NAME")).isEqualTo(new MentionScores.Counts(1, 1, 0));
    assertThat(scores.byActor().get("putin")).isEqualTo(new MentionScores.Counts(1, 0, 1));
    assertThat(scores.byActor().get("biden")).isEqualTo(new MentionScores.Counts(1, 2, 0));
    assertThat(scores.errors()).hasSize(3);
    assertThat(scores.overall().precision()).isEqualTo(0.5);
    assertThat(scores.overall().recall()).isEqualTo(2.0 / 3);
    assertThat(scores.overall().f1()).isEqualTo(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3));
  }

  @Test
  void aMentionFoundWithTheWrongTypeCountsAgainstBothTypes() {
    MentionScores scores = MentionScores.score(List.of(m("text", 0, 9, "trump", "NOMINAL")),
        List.of(m("text", 0, 9, "trump", "NAME")));
    assertThat(scores.overall()).isEqualTo(new MentionScores.Counts(1, 0, 0));
    assertThat(scores.byType().get("NOMINAL")).isEqualTo(new MentionScores.Counts(0, 0, 1));
    assertThat(scores.byType().get("NAME")).isEqualTo(new MentionScores.Counts(0, 1, 0));
    assertThat(scores.byType().get("PRONOUN").f1()).isNaN();
    assertThat(scores.byType().get("NAME").f1()).isZero();
  }

  @Test
  void fieldsAndArticlesAreKeptApart() {
    MentionScores scores = MentionScores.score(List.of(m("title", 0, 5, "putin", "NAME")),
        List.of(m("text", 0, 5, "putin", "NAME"), new LabeledMention("a2", "title", 0, 5, "x", "putin", "NAME")));
    assertThat(scores.overall()).isEqualTo(new MentionScores.Counts(0, 2, 1));
  }
}
