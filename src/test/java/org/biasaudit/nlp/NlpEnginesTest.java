package org.biasaudit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.nio.file.Path;
import java.util.Properties;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.actors.AliasMatcher;
import org.junit.jupiter.api.Test;

/**
 * The per-JVM cache: one set of engines shared by every caller, until a JVM that annotates nothing more
 * releases them. Checked on the engines that load in milliseconds (the alias automaton, the target-sentiment
 * weights, a tokenizer in CoreNLP's own cache), so that the test itself loads no parser. The release drops
 * whatever other tests of this JVM loaded before it too: the next test that annotates loads the models again.
 */
class NlpEnginesTest {
  @Test
  void sharesOneSetOfEnginesUntilReleasedThenBuildsThemAgain() {
    ActorRegistry registry = ActorRegistry.load(Path.of("conf/actors.yaml"));
    AliasMatcher matcher = NlpEngines.matcher(registry);
    TargetSentimentModel model = NlpEngines.targetModel();
    Properties tokenizeOnly = new Properties();
    tokenizeOnly.setProperty("annotators", "tokenize");
    new StanfordCoreNLP(tokenizeOnly);
    assertThat(NlpEngines.matcher(registry)).isSameAs(matcher);
    assertThat(NlpEngines.targetModel()).isSameAs(model);
    assertThat(StanfordCoreNLP.GLOBAL_ANNOTATOR_CACHE).isNotEmpty();

    NlpEngines.release();

    assertThat(StanfordCoreNLP.GLOBAL_ANNOTATOR_CACHE).isEmpty();
    assertThat(NlpEngines.matcher(registry)).isNotSameAs(matcher);
    assertThat(NlpEngines.targetModel()).isNotSameAs(model);
  }
}
