package org.biasaudit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** The context terms of a task's sentences, counted in the task (no Spark session: plain rows). */
class FramingTermsTest {
  private static final StructType NAMED = new StructType()
      .add("actor_id", DataTypes.StringType)
      .add("surface", DataTypes.StringType);
  private static final StructType SENTENCE = new StructType()
      .add("outlet", DataTypes.StringType)
      .add("sentence", DataTypes.StringType)
      .add("named", DataTypes.createArrayType(NAMED));

  /**
   * Planted: outlet A names Biden near "weak" in two sentences and near "failed" in one, and Putin with Biden
   * in one of them; outlet B names Biden near "weak" once. Putin's words are counted apart from Biden's.
   */
  private static List<Row> sentences() {
    return List.of(
        sentence("A", "The weak Biden failed again.", "biden", "Biden"),
        sentence("A", "A weak Biden met Putin.", "biden", "Biden", "putin", "Putin"),
        sentence("B", "Biden looked weak.", "biden", "Biden"));
  }

  @Test
  void countsEachOutletActorAndTermAcrossTheTasksSentences() {
    Map<String, Long> counts = counts(sentences().iterator(), FramingTerms.MAX_HELD_COUNTS);
    assertThat(counts).containsEntry("A|biden|weak", 2L).containsEntry("A|biden|failed", 1L)
        .containsEntry("A|biden|met", 1L).containsEntry("A|putin|weak", 1L).containsEntry("A|putin|met", 1L)
        .containsEntry("B|biden|weak", 1L).containsEntry("B|biden|looked", 1L);
    // Names are never terms: Putin is not a context word of Biden's, nor Biden of Putin's.
    assertThat(counts).doesNotContainKeys("A|biden|putin", "A|putin|biden");
    assertThat(counts).hasSize(7);
  }

  @Test
  void countsHandedOnEarlyAddUpToTheSameTotals() {
    List<Row> rows = new ArrayList<>();
    FramingTerms.contextTermCounts(sentences().iterator(), 8, 1).forEachRemaining(rows::add);
    // With room for one count at a time, keys come out once per sentence that holds them.
    assertThat(rows.stream().filter(r -> r.getString(1).equals("biden") && r.getString(3).equals("weak")).count())
        .isGreaterThan(1);
    assertThat(counts(sentences().iterator(), 1))
        .isEqualTo(counts(sentences().iterator(), FramingTerms.MAX_HELD_COUNTS));
  }

  @Test
  void noSentencesGiveNoRows() {
    assertThat(FramingTerms.contextTermCounts(List.<Row>of().iterator(), 8).hasNext()).isFalse();
  }

  /** "outlet|actor|term" to the sum of its counts, from rows of (outlet, actor_id, source, term, n). */
  private static Map<String, Long> counts(Iterator<Row> sentences, int maxHeld) {
    Map<String, Long> out = new TreeMap<>();
    FramingTerms.contextTermCounts(sentences, 8, maxHeld).forEachRemaining(r -> {
      assertThat(r.getString(2)).isEqualTo(FramingTerms.CONTEXT);
      out.merge(r.getString(0) + "|" + r.getString(1) + "|" + r.getString(3), r.getLong(4), Long::sum);
    });
    return out;
  }

  private static Row sentence(String outlet, String text, String... actorsAndSurfaces) {
    List<Row> named = new ArrayList<>();
    for (int i = 0; i < actorsAndSurfaces.length; i += 2) {
      named.add(new GenericRowWithSchema(new Object[] {actorsAndSurfaces[i], actorsAndSurfaces[i + 1]}, NAMED));
    }
    Object[] values = {outlet, text, CollectionConverters.asScala(named).toList()};
    return new GenericRowWithSchema(values, SENTENCE);
  }
}
