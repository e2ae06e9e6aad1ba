package org.biasaudit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import edu.stanford.nlp.pipeline.Annotation;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.biasaudit.actors.Actor;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.actors.AliasMatcher;
import org.biasaudit.config.AuditConfig;
import org.junit.jupiter.api.Test;

/** The coreference tiers {@code none} and {@code fast} on real CoreNLP tokens (tokenizer loaded once per JVM). */
class MentionResolverTest {
  private static final ActorRegistry REGISTRY = ActorRegistry.load(Path.of("conf/actors.yaml"));
  private static final AuditConfig FAST = AuditConfig.defaults().withCoref("fast");
  private static final LocalDate DATE = LocalDate.of(2024, 3, 1);

  private static List<ResolvedMention> mentions(AuditConfig config, ActorRegistry registry, String text) {
    MentionResolver resolver = new MentionResolver(new AliasMatcher(registry), config.nlp());
    Annotation document = new Annotation(text);
    NlpEngines.pipelines(config.nlp()).splitter().annotate(document);
    return resolver.start("", text, DATE).resolve("text", text, document);
  }

  /** "surface=actor" for each pronoun, in order. */
  private static List<String> pronouns(String text) {
    return mentions(FAST, REGISTRY, text).stream().filter(m -> m.type().equals("PRONOUN"))
        .map(m -> m.surface() + "=" + m.actorId()).toList();
  }

  @Test
  void tierNoneFindsNamesOnlyAndFastAddsTitlesAndPronouns() {
    String text = "Vladimir Putin spoke on Tuesday. The Russian president said he was ready.";
    assertThat(mentions(AuditConfig.defaults().withCoref("none"), REGISTRY, text)).extracting(ResolvedMention::type)
        .containsExactly("NAME");
    List<ResolvedMention> fast = mentions(FAST, REGISTRY, text);
    assertThat(fast).extracting(ResolvedMention::surface, ResolvedMention::type, ResolvedMention::resolution).containsExactly(
        org.assertj.core.groups.Tuple.tuple("Vladimir Putin", "NAME", "alias"),
        org.assertj.core.groups.Tuple.tuple("The Russian president", "NOMINAL", "title"),
        org.assertj.core.groups.Tuple.tuple("he", "PRONOUN", MentionResolver.PRONOUN_RULE));
    assertThat(fast).extracting(ResolvedMention::sentenceIndex).containsExactly(0, 1, 1);
    assertThat(fast).extracting(ResolvedMention::chainId).containsOnly(1);
  }

  @Test
  void chainsAreNumberedPerActorAcrossTheArticle() {
    MentionResolver resolver = new MentionResolver(new AliasMatcher(REGISTRY), FAST.nlp());
    MentionResolver.ArticleMentions article = resolver.start("Biden and Putin", "Putin spoke. Biden listened.", DATE);
    Annotation title = new Annotation("Biden and Putin");
    NlpEngines.pipelines(FAST.nlp()).splitter().annotate(title);
    Annotation text = new Annotation("Putin spoke. Biden listened.");
    NlpEngines.pipelines(FAST.nlp()).splitter().annotate(text);
    assertThat(article.resolve("title", "Biden and Putin", title)).extracting(ResolvedMention::chainId).containsExactly(1, 2);
    assertThat(article.resolve("text", "Putin spoke. Biden listened.", text)).extracting(ResolvedMention::actorId,
        ResolvedMention::chainId).containsExactly(org.assertj.core.groups.Tuple.tuple("putin", 2),
        org.assertj.core.groups.Tuple.tuple("biden", 1));
  }

  @Test
  void pronounsGoToTheSalientCompatibleReferent() {
    assertThat(pronouns("Biden said he would veto the bill.")).containsExactly("he=biden");
    assertThat(pronouns("Putin met Biden in Geneva. He said the talks were useful.")).as("the subject")
        .containsExactly("He=putin");
    assertThat(pronouns("Kamala Harris met Joe Biden. She said the talks went well.")).as("gender")
        .containsExactly("She=harris");
    assertThat(pronouns("Zelensky met Macron, and NATO Secretary General Jens Stoltenberg said he was pleased."))
        .as("an untracked speaker").isEmpty();
    assertThat(pronouns("Former adviser Fiona Hill said Putin admired strength. She called it a weakness.")).isEmpty();
    assertThat(pronouns("Joe Biden pardoned his son Hunter, sparing him a prison sentence.")).containsExactly("his=biden");
    assertThat(pronouns("Trump praised Putin, calling him a genius.")).containsExactly("him=putin");
  }

  @Test
  void newsPatternsOverrideRecency() {
    assertThat(pronouns("In his first speech, Biden praised NATO.")).as("an opening phrase refers forward")
        .containsExactly("his=biden");
    assertThat(pronouns("Biden hosted Zelensky. Standing beside him, Biden warned Congress.")).as("not the subject")
        .containsExactly("him=zelensky");
    assertThat(pronouns("Trump spoke in Iowa. Kevin Ross said he would not vote for him again.")).as("object binding")
        .containsExactly("him=trump");
    assertThat(pronouns("Joe Biden left office in January. Trump, asked about his predecessor, called him weak."))
        .as("object binding across a parenthetical").containsExactly("his=trump", "him=biden");
    assertThat(pronouns("Biden spoke to Putin. \"Putin will not win,\" he said.")).as("not someone in his own quote")
        .containsExactly("he=biden");
    assertThat(pronouns("Biden spoke. \"He is a killer,\" Biden said of Putin.")).containsExactly("He=putin");
    assertThat(pronouns("Xi arrived. Barack Obama and his wife were there.")).containsExactly("his=obama");
    assertThat(pronouns("NATO said its members agreed.")).containsExactly("its=nato");
    assertThat(pronouns("NATO warned Russia about its troops.")).isEmpty();
    assertThat(pronouns("Biden said we must act, and they agreed. I think so.")).isEmpty();
  }

  @Test
  void anActorWithoutAGenderGetsNoPronouns() {
    ActorRegistry registry = new ActorRegistry("(test)", List.of(
        new Actor("vance", "JD Vance", Actor.PERSON, List.of("JD Vance", "Vance"), List.of(), List.of(), Map.of())));
    assertThat(mentions(FAST, registry, "Vance said he would run.")).extracting(ResolvedMention::type).containsExactly("NAME");
  }
}
