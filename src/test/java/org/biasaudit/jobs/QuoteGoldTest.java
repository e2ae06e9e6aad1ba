package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.biasaudit.metrics.QuoteEvaluation;
import org.biasaudit.metrics.QuoteGold;
import org.junit.jupiter.api.Test;

/**
 * The quote gold set is consistent with its articles as the audit reads them, covers every attribution
 * style of the issue, and the quote finder (alone, no Spark) meets the goals on it. {@code QuoteGoldIT}
 * checks the same goals through the real job.
 */
class QuoteGoldTest {
  static final Path GOLD = Path.of("src/test/resources/quotes-gold");
  private static final List<QuoteGold> ROWS = QuoteGold.read(GOLD.resolve("gold.jsonl"));
  private static final Map<String, String> TEXTS = new HashMap<>();

  static {
    for (QuoteEngines.Article a : QuoteEngines.articles(GOLD.resolve("articles"))) {
      TEXTS.put(a.file(), a.record().text());
    }
  }

  @Test
  void everyRowPointsAtItsSpanInTheTextTheAuditReads() {
    for (QuoteGold g : ROWS) {
      String text = TEXTS.get(g.file());
      assertThat(text).as(g.file()).isNotNull();
      assertThat(text.substring(g.begin(), g.end())).as(g.file() + " @" + g.begin()).isEqualTo(g.span());
      if (g.kind().equals("direct")) {
        assertThat("“\"'«").as(g.span()).contains(g.span().substring(0, 1));
        assertThat("”\"'»").as(g.span()).contains(g.span().substring(g.span().length() - 1));
      } else {
        assertThat(g.span()).isEqualTo(g.span().strip()).doesNotEndWith(".");
        assertThat(g.speakerActorId()).as("indirect rows have tracked speakers").isNotNull();
      }
    }
    assertThat(ROWS.stream().map(QuoteGold::file).distinct().count()).isEqualTo(TEXTS.size());
  }

  @Test
  void theSetIsLargeEnoughAndCoversEveryStyle() {
    List<QuoteGold> direct = ROWS.stream().filter(g -> g.kind().equals("direct")).toList();
    assertThat(direct).hasSizeGreaterThanOrEqualTo(150);
    assertThat(TEXTS).hasSizeGreaterThanOrEqualTo(40);
    Set<String> styles = direct.stream().map(QuoteGold::style).collect(Collectors.toSet());
    assertThat(styles).contains("named_after", "named_before", "said_named", "split", "nominal", "pronoun", "continued",
        "carried_over", "anonymous");
    assertThat(direct.stream().map(QuoteGold::form).collect(Collectors.toSet()))
        .contains("sentence", "partial", "multi_sentence", "multi_paragraph");
    assertThat(direct.stream().map(QuoteGold::marks).collect(Collectors.toSet()))
        .contains("curly", "straight", "doubled", "curly+straight");
    assertThat(direct.stream().filter(g -> g.speakerType().equals("untracked") && g.speakerNames().get(0).contains(" ")))
        .as("untracked speakers with full names").hasSizeGreaterThan(50);
    assertThat(ROWS.stream().filter(g -> g.kind().equals("indirect")).map(QuoteGold::style).collect(Collectors.toSet()))
        .contains("said_clause", "said_that", "told", "according_to", "pronoun", "nominal");
    assertThat(ROWS.stream().map(QuoteGold::split).collect(Collectors.toSet())).containsExactlyInAnyOrder("dev", "heldout");
  }

  @Test
  void theQuoteFinderMeetsTheGoals() {
    QuoteEvaluation evaluation = QuoteEvaluation.score(ROWS,
        QuoteEngines.finder(GOLD.resolve("articles"), Path.of("conf/actors.yaml")));
    assertThat(evaluation.goals()).as(evaluation.format()).allMatch(QuoteEvaluation.Goal::met);
    // Reported speech is not part of the issue's goals, but it must stay useful.
    assertThat(evaluation.spans().get("indirect").f1(false)).as(evaluation.format()).isGreaterThan(0.9);
  }
}
