package org.biasaudit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.actors.AliasMatcher;
import org.junit.jupiter.api.Test;

class QuoteFinderTest {
  private static final ActorRegistry REGISTRY = ActorRegistry.load(Path.of("conf/actors.yaml"));
  private static final AliasMatcher MATCHER = new AliasMatcher(REGISTRY);
  private static final QuoteFinder FINDER = new QuoteFinder(REGISTRY);

  private static List<Quotation> find(String text) {
    return FINDER.find(text, MATCHER.find(text));
  }

  @Test
  void namedSpeakerAfterTheQuote() {
    Quotation q = find("\"We will stand with Ukraine,\" Biden said on Tuesday.").get(0);
    assertThat(q.text()).isEqualTo("We will stand with Ukraine,");
    assertThat(q.begin()).isZero();
    assertThat(q.end()).isEqualTo(29);
    assertThat(q.speakerActorId()).isEqualTo("biden");
    assertThat(q.speakerName()).isEqualTo("Joe Biden");
    assertThat(q.speakerMethod()).isEqualTo("named");
    assertThat(q.attributionVerb()).isEqualTo("say");
    assertThat(q.mentionedActorIds()).isEmpty();
  }

  @Test
  void verbBeforeSpeakerAndCurlyQuotes() {
    Quotation q = find("“The deal is dead,” said Trump, who spoke to reporters.").get(0);
    assertThat(q.speakerActorId()).isEqualTo("trump");
    assertThat(q.text()).isEqualTo("The deal is dead,");
  }

  @Test
  void speakerBeforeTheQuoteWithColon() {
    Quotation q = find("Zelensky told parliament: “We will not retreat.”").get(0);
    assertThat(q.speakerActorId()).isEqualTo("zelensky");
    assertThat(q.attributionVerb()).isEqualTo("tell");
  }

  @Test
  void quoteSplitByItsAttributionGivesTwoSpansOneSpeaker() {
    List<Quotation> quotes = find("\"We will not retreat,\" Zelensky said, \"and we will not forget.\"");
    assertThat(quotes).hasSize(2);
    assertThat(quotes).extracting(Quotation::speakerActorId).containsExactly("zelensky", "zelensky");
  }

  @Test
  void pronounAndNominalSpeakersResolveToTheLastSpeaker() {
    List<Quotation> quotes = find("Senator Mitch McConnell spoke on Monday. \"The bill is fair,\" McConnell said.\n\n"
        + "\"It will pass,\" he added.\n\n\"We have the votes,\" the senator told reporters.");
    assertThat(quotes).extracting(Quotation::speakerMethod).containsExactly("named", "pronoun", "nominal");
    assertThat(quotes).extracting(Quotation::speakerActorId).containsOnly("mcconnell");
    assertThat(quotes.get(1).speakerSurface()).isEqualTo("he");
  }

  @Test
  void untrackedSpeakerKeepsTheFullName() {
    List<Quotation> quotes = find("Maria Delgado teaches economics. \"Prices will rise,\" said Delgado, a professor.");
    assertThat(quotes.get(0).speakerActorId()).isNull();
    assertThat(quotes.get(0).speakerSurface()).isEqualTo("Delgado");
    assertThat(quotes.get(0).speakerName()).isEqualTo("Maria Delgado");
  }

  @Test
  void partialQuoteInsideASentence() {
    Quotation q = find("Macron called the deal \"a turning point\" for Europe.").get(0);
    assertThat(q.text()).isEqualTo("a turning point");
    assertThat(q.speakerActorId()).isEqualTo("macron");
    assertThat(q.attributionVerb()).isEqualTo("call");
  }

  @Test
  void quoteContinuingIntoTheNextParagraphIsOneSpan() {
    String text = "Biden said: \"We will rebuild.\n\n\"And we will do it together.\"\n\nThen he left.";
    List<Quotation> quotes = find(text);
    assertThat(quotes).hasSize(1);
    assertThat(quotes.get(0).text()).contains("We will rebuild.").contains("together.");
  }

  @Test
  void carriedOverFromThePreviousParagraph() {
    List<Quotation> quotes = find("\"We are ready,\" Netanyahu said.\n\n\"The army is prepared for every outcome.\"");
    assertThat(quotes).extracting(Quotation::speakerMethod).containsExactly("named", "carried_over");
    assertThat(quotes.get(1).speakerActorId()).isEqualTo("netanyahu");
  }

  @Test
  void actorsNamedInsideTheQuote() {
    Quotation q = find("\"Putin has lost,\" Zelensky said.").get(0);
    assertThat(q.mentionedActorIds()).containsExactly("putin");
  }

  @Test
  void doubledApostrophesAndMixedMarks() {
    assertThat(find("''We are ready,'' Biden said.").get(0).speakerActorId()).isEqualTo("biden");
    assertThat(find("“We are ready,\" Biden said.").get(0).text()).isEqualTo("We are ready,");
  }

  @Test
  void badInputGivesDefinedResults() {
    assertThat(find("He is 6'2\" tall and uses a 12\" pipe.")).isEmpty();
    assertThat(find("\"This quote never closes.\n\nNext paragraph, Biden said.")).isEmpty();
    assertThat(find("Back in ‘08 Biden ran. Nothing quoted here at all.")).isEmpty();
    assertThat(find("Putin’s aides and Biden’s team.")).isEmpty();
    String runaway = "\"" + "word ".repeat(5000) + "\" Biden said.";
    assertThat(find(runaway)).isEmpty();
    assertThat(find("Biden said \"\" and left.")).isEmpty();
    assertThat(find("")).isEmpty();
  }
}
