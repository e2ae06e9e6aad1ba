package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.ingest.ArticleRecord;
import org.biasaudit.nlp.AnnotatedArticle;
import org.biasaudit.nlp.ArticleAnnotator;
import org.biasaudit.testing.LocalSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Boots Spark 4 and CoreNLP in one JVM and runs the annotator inside Spark tasks. Guards the dependency
 * pins (commons-lang3, servlet API, slf4j) that CoreNLP's own choices would break.
 */
class SparkWithCoreNlpTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = LocalSpark.session("test");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void annotatesInsideSparkTasks() {
    ActorRegistry registry = ActorRegistry.load(Path.of("conf/actors.yaml"));
    AuditConfig config = AuditConfig.defaults();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    var broadcast = jsc.broadcast(registry);
    List<String> actors = jsc.parallelize(List.of("Biden met Putin.", "Nothing here.", "Zelensky spoke."), 3)
        .map(text -> {
          ArticleRecord a = new ArticleRecord("x", false, "o", null, null, null, null, null, text, "f", 1);
          AnnotatedArticle result = new ArticleAnnotator(config, broadcast.value()).annotate(a);
          return String.join("+", result.actorIds());
        })
        .collect();
    assertThat(actors).containsExactly("biden+putin", "", "zelensky");
  }
}
