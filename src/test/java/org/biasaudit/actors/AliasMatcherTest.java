package org.biasaudit.actors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AliasMatcherTest {
  private static final AliasMatcher MATCHER = new AliasMatcher(ActorRegistry.load(Path.of("conf/actors.yaml")));

  private static List<String> actors(String text) {
    return MATCHER.find(text).stream().map(AliasMatch::actorId).toList();
  }

  @Test
  void findsNamesAliasesAndHonorifics() {
    assertThat(actors("President Joe Biden met Mr. Trump and Vladimir Putin.")).containsExactly("biden", "trump", "putin");
    List<AliasMatch> matches = MATCHER.find("President Joe Biden met Mr. Trump.");
    assertThat(matches.get(0).surface()).isEqualTo("Joe Biden");
    assertThat(matches.get(0).begin()).isEqualTo(10);
    assertThat(matches.get(0).end()).isEqualTo(19);
  }

  @Test
  void possessivesWithStraightAndCurlyApostrophes() {
    List<AliasMatch> matches = MATCHER.find("Putin's war and Putin’s army");
    assertThat(matches).extracting(AliasMatch::surface).containsExactly("Putin", "Putin");
    assertThat(matches.get(1).begin()).isEqualTo(16);
  }

  @Test
  void otherPeopleSharingASurnameAreNotTheActor() {
    assertThat(actors("Hunter Biden and Jill Biden arrived.")).isEmpty();
    assertThat(actors("Melania Trump and Donald Trump Jr. spoke.")).isEmpty();
    assertThat(actors("Bill Clinton campaigned for Hillary Clinton.")).containsExactly("bill_clinton", "hillary_clinton");
    // A given name the registry does not list still means somebody else.
    assertThat(actors("Tiffany Trump was there.")).isEmpty();
    // Honorifics, sentence-initial words and days are not given names.
    assertThat(actors("But Biden said on Monday Trump was wrong.")).containsExactly("biden", "trump");
    assertThat(actors("Russian President Putin spoke.")).containsExactly("putin");
  }

  @Test
  void hyphenatedModifiersAndCommonWordsAreNotMentions() {
    assertThat(actors("Trump-era tariffs and anti-Putin protests")).isEmpty();
    assertThat(actors("She played her trump card.")).isEmpty();
    assertThat(actors("The Biden-Harris plan")).isEmpty();
  }

  @Test
  void shoutedHeadlinesStillMatch() {
    assertThat(actors("PUTIN WARNS WEST OVER NATO EXPANSION")).containsExactly("putin", "nato");
  }

  @Test
  void diacriticsAndTransliterationsMatch() {
    assertThat(actors("Erdoğan met Zelenskyy, then Zelenskiy met Erdogan.")).containsExactly("erdogan", "zelensky", "zelensky", "erdogan");
    List<AliasMatch> matches = MATCHER.find("Erdoğan spoke");
    assertThat(matches.get(0).surface()).isEqualTo("Erdoğan");
  }

  @Test
  void wordBoundariesAreRespected() {
    assertThat(actors("Xinhua reported on Xi Jinping and Obamacare.")).containsExactly("xi");
    assertThat(actors("the EU and NATO")).containsExactly("european_union", "nato");
  }
}
