package org.biasaudit.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.biasaudit.actors.ActorRegistry;
import org.biasaudit.actors.ArticleReferences;
import org.biasaudit.actors.AliasMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class QuoteFinderTest {
  private static final ActorRegistry REGISTRY = ActorRegistry.load(Path.of("conf/actors.yaml"));
  private static final AliasMatcher MATCHER = new AliasMatcher(REGISTRY);
  private static final QuoteFinder FINDER = new QuoteFinder(REGISTRY);

  private static List<Quotation> find(String text) {
    return FINDER.find(text, MATCHER.find(text));
  }

  private static List<Quotation> direct(String text) {
    return find(text).stream().filter(q -> q.kind().equals(Quotation.DIRECT)).toList();
  }

  private static List<Quotation> indirect(String text) {
    return find(text).stream().filter(q -> q.kind().equals(Quotation.INDIRECT)).toList();
  }

  // ---------------------------------------------------------------- direct quotations and speakers

  @Test
  void namedSpeakerAfterTheQuote() {
    Quotation q = direct("\"We will stand with Ukraine,\" Biden said on Tuesday.").get(0);
    assertThat(q.text()).isEqualTo("We will stand with Ukraine,");
    assertThat(q.begin()).isZero();
    assertThat(q.end()).isEqualTo(29);
    assertThat(q.speakerActorId()).isEqualTo("biden");
    assertThat(q.speakerName()).isEqualTo("Joe Biden");
    assertThat(q.speakerMethod()).isEqualTo("named");
    assertThat(q.attributionVerb()).isEqualTo("say");
    assertThat(q.attributionClass()).isEqualTo("neutral");
    assertThat(q.mentionedActorIds()).isEmpty();
  }

  @Test
  void verbBeforeSpeakerAndCurlyQuotes() {
    Quotation q = direct("“The deal is dead,” said Trump, who spoke to reporters.").get(0);
    assertThat(q.speakerActorId()).isEqualTo("trump");
    assertThat(q.text()).isEqualTo("The deal is dead,");
  }

  @Test
  void speakerBeforeTheQuoteWithColon() {
    Quotation q = direct("Zelensky told parliament: “We will not retreat.”").get(0);
    assertThat(q.speakerActorId()).isEqualTo("zelensky");
    assertThat(q.attributionVerb()).isEqualTo("tell");
  }

  @Test
  void quoteSplitByItsAttributionGivesTwoSpansOneSpeaker() {
    List<Quotation> quotes = direct("\"We will not retreat,\" Zelensky said, \"and we will not forget.\"");
    assertThat(quotes).hasSize(2);
    assertThat(quotes).extracting(Quotation::speakerActorId).containsExactly("zelensky", "zelensky");
  }

  @Test
  void titlesBeforeNamesAreStrippedAndAppositivesIgnored() {
    List<Quotation> quotes = direct("“We are done,” said Senate Democratic leader Chuck Schumer. "
        + "“It is over,” U.S. Treasury Secretary Janet Yellen said. “Prices will rise,” said Maria Delgado, a professor.");
    assertThat(quotes).extracting(Quotation::speakerActorId).containsExactly("schumer", null, null);
    assertThat(quotes).extracting(Quotation::speakerName).containsExactly("Chuck Schumer", "Janet Yellen", "Maria Delgado");
  }

  @Test
  void pronounsAndDescriptionsResolveToTheSubjectTheyFit() {
    List<Quotation> quotes = direct("Senator Mitch McConnell spoke on Monday. \"The bill is fair,\" McConnell said.\n\n"
        + "\"It will pass,\" he added.\n\n\"We have the votes,\" the senator told reporters.");
    assertThat(quotes).extracting(Quotation::speakerMethod).containsExactly("named", "pronoun", "nominal");
    assertThat(quotes).extracting(Quotation::speakerActorId).containsOnly("mcconnell");
    assertThat(quotes.get(1).speakerSurface()).isEqualTo("he");
  }

  @Test
  void aPronounSkipsTheLastSpeakerWhenItDoesNotFit() {
    // Biden spoke last, but "she" is the economist introduced after him ("said she", "Ms.").
    List<Quotation> quotes = direct("“We will win,” Biden said.\n\nMaria Delgado, an economist, said she doubted it. "
        + "“Prices are too high,” she said.");
    assertThat(quotes.get(1).speakerName()).isEqualTo("Maria Delgado");
    assertThat(quotes.get(1).speakerActorId()).isNull();
  }

  @Test
  void theRegistryPronounDecidesBetweenTwoTrackedActors() {
    List<Quotation> quotes = direct("Harris met Biden at the White House. Biden left early. “It was a good meeting,” she said.");
    assertThat(quotes.get(0).speakerActorId()).isEqualTo("harris");
  }

  @Test
  void descriptionsMustFitTheRoleTheArticleGives() {
    List<Quotation> quotes = direct("Russian President Vladimir Putin and Ukrainian President Volodymyr Zelensky spoke "
        + "by phone. Putin said little. “We will not give up an inch,” the Ukrainian president said.");
    assertThat(quotes.get(0).speakerActorId()).isEqualTo("zelensky");
    assertThat(quotes.get(0).speakerMethod()).isEqualTo("nominal");
  }

  @Test
  void aReplyIsNotTheLastSpeaker() {
    List<Quotation> quotes = direct("President Donald Trump met Ukrainian President Volodymyr Zelensky. "
        + "“You will feel it,” Zelensky said.\n\n“Don't tell us what we're going to feel,” the president shot back.");
    assertThat(quotes.get(1).speakerActorId()).isEqualTo("trump");
    assertThat(quotes.get(1).attributionVerb()).isEqualTo("shoot back");
    assertThat(quotes.get(1).attributionClass()).isEqualTo("emotive");
  }

  @Test
  void untrackedSpeakerKeepsTheFullName() {
    List<Quotation> quotes = direct("Maria Delgado teaches economics. \"Prices will rise,\" said Delgado, a professor.");
    assertThat(quotes.get(0).speakerActorId()).isNull();
    assertThat(quotes.get(0).speakerSurface()).isEqualTo("Delgado");
    assertThat(quotes.get(0).speakerName()).isEqualTo("Maria Delgado");
  }

  @Test
  void namesWrittenSurnameFirstAndWithParticles() {
    List<Quotation> quotes = direct("Chen Wei is an economist in Shanghai. “Both sides got meetings,” Chen said. "
        + "Ursula von der Leyen spoke next. “Europe must act,” von der Leyen said.");
    assertThat(quotes).extracting(Quotation::speakerName).containsExactly("Chen Wei", "Ursula von der Leyen");
  }

  @Test
  void partialQuoteInsideASentence() {
    Quotation q = direct("Macron called the deal \"a turning point\" for Europe.").get(0);
    assertThat(q.text()).isEqualTo("a turning point");
    assertThat(q.speakerActorId()).isEqualTo("macron");
    assertThat(q.attributionVerb()).isEqualTo("call");
  }

  @Test
  void aQuotedTermWithoutASpeechVerbHasNoSpeaker() {
    Quotation q = direct("Xi and Putin signed a pledge to deepen their “no limits” partnership.").get(0);
    assertThat(q.speakerName()).isNull();
    assertThat(q.speakerMethod()).isEqualTo("none");
  }

  @Test
  void quoteContinuingIntoTheNextParagraphIsOneSpan() {
    String text = "Biden said: \"We will rebuild.\n\n\"And we will do it together.\"\n\nThen he left.";
    List<Quotation> quotes = direct(text);
    assertThat(quotes).hasSize(1);
    assertThat(quotes.get(0).text()).contains("We will rebuild.").contains("together.");
  }

  @Test
  void continuedInTheParagraphAndCarriedOverToTheNext() {
    List<Quotation> quotes = direct("\"We are ready,\" Netanyahu said. \"Nobody should doubt it.\"\n\n"
        + "\"The army is prepared for every outcome.\"");
    assertThat(quotes).extracting(Quotation::speakerMethod).containsExactly("named", "continued", "carried_over");
    assertThat(quotes).extracting(Quotation::speakerActorId).containsOnly("netanyahu");
  }

  @Test
  void anonymousSourcesHaveNoSpeakerEvenWhenTheyNameAnActor() {
    List<Quotation> quotes = direct("“We had no warning,” a senior Biden administration official told reporters. "
        + "“We learned about it from television.”");
    assertThat(quotes).extracting(Quotation::speakerMethod).containsExactly("anonymous", "continued");
    assertThat(quotes).extracting(Quotation::speakerName).containsOnlyNulls();
    assertThat(quotes).extracting(Quotation::speakerActorId).containsOnlyNulls();
  }

  @Test
  void anOrganisationOwnedByAnActorIsNotTheActor() {
    List<Quotation> quotes = direct("Netanyahu’s Likud party responded within hours. “Israel is no banana republic,” it said. "
        + "Biden's campaign said the verdict showed that \"no one is above the law.\"");
    assertThat(quotes).extracting(Quotation::speakerActorId).containsOnlyNulls();
    assertThat(quotes).extracting(Quotation::speakerName).containsExactly("Netanyahu’s Likud party", "Biden's campaign");
  }

  @Test
  void datelinesAreNotSpeakers() {
    Quotation q = direct("MOSCOW (Harbor Wire) — Putin praised the deal as “historic” on Friday.").get(0);
    assertThat(q.speakerActorId()).isEqualTo("putin");
  }

  @Test
  void wireDatelinesWithADateAreNotSpeakers() {
    Quotation q = direct("MOSCOW, March 4 (Reuters) - Russian President Vladimir Putin said on Tuesday that Moscow was"
        + " ready for talks but rejected the terms, calling them “a trap dressed up as peace.”").get(0);
    assertThat(q.speakerActorId()).isEqualTo("putin");
    assertThat(q.speakerSurface()).isEqualTo("Russian President Vladimir Putin");
    assertThat(direct("BEIJING, Jan. 5 (Reuters) - Xi, meeting officials, called relations “at a crossroads.”").get(0)
        .speakerActorId()).isEqualTo("xi");
  }

  @Test
  void aRegistryTitleWithOneHolderIsThatSpeaker() {
    String text = "Russian President Vladimir Putin met Xi Jinping on Monday. The Kremlin leader called the talks"
        + " “frank and useful.”";
    ArticleReferences references = ArticleReferences.resolve(MATCHER, "", text, LocalDate.of(2025, 3, 4));
    Quotation q = FINDER.find(text, references.names("text"), references.titles("text")).get(0);
    assertThat(q.speakerActorId()).isEqualTo("putin");
    assertThat(q.speakerMethod()).isEqualTo("nominal");
    assertThat(q.speakerSurface()).isEqualTo("The Kremlin leader");
    // Without the registry's titles the description fits no one the article gave that role.
    assertThat(FINDER.find(text, references.names("text")).get(0).speakerActorId()).isNull();
  }

  @Test
  void aQuoteOpeningTheParagraphAfterAColonIsTheColonsSpeaker() {
    List<Quotation> quotes = direct("Biden said in a speech at the Pentagon:\n\n“We will not walk away from Ukraine.”\n\n"
        + "Trump disagreed.");
    assertThat(quotes).extracting(Quotation::speakerActorId, Quotation::attributionVerb).containsExactly(
        org.assertj.core.groups.Tuple.tuple("biden", "say"));
    assertThat(direct("The talks ended on this agenda:\n\n“Security first.”").get(0).speakerActorId())
        .as("a colon with no speech verb").isNull();
  }

  @Test
  void aDocumentAfterAccordingToSpeaksForItsIssuer() {
    assertThat(direct("“We are ready to talk,” according to a statement from Zelensky’s office.").get(0).speakerName())
        .isEqualTo("Zelensky’s office");
    assertThat(direct("“The talks were frank,” according to a readout issued by Putin.").get(0).speakerActorId())
        .isEqualTo("putin");
  }

  @Test
  void anAgeAsANounIsTheLatestSubject() {
    Quotation q = direct("Trump spoke in Michigan on Saturday. “He is doing a terrible job,” the 78-year-old said of Biden.")
        .get(0);
    assertThat(q.speakerActorId()).isEqualTo("trump");
    assertThat(q.speakerMethod()).isEqualTo("nominal");
  }

  @Test
  void reportedClausesEndWhereTheSentenceReturnsToItsSubject() {
    assertThat(indirect("Macron, who said last year that Europe was \"brain dead,\" has changed his tone."))
        .extracting(Quotation::text).as("a relative clause ends at its comma").containsExactly("Europe was \"brain dead,\"");
    assertThat(indirect("Scholz said Germany would send more air defense systems, but gave no timeline."))
        .extracting(Quotation::text).containsExactly("Germany would send more air defense systems");
    assertThat(indirect("Xi's remarks, which Biden said were \"constructive,\" were welcomed in Beijing."))
        .as("a relative pronoun is the clause's subject: no reported clause").isEmpty();
    assertThat(indirect("Putin said the talks had stalled, and he blamed Kyiv.")).extracting(Quotation::text)
        .containsExactly("the talks had stalled");
  }

  @Test
  void aPluralPossessiveInsideASingleQuotedQuoteDoesNotCloseIt() {
    List<Quotation> quotes = direct("‘We will protect the workers’ rights,’ said Zelensky. ‘That is our promise.’");
    assertThat(quotes).extracting(Quotation::text).containsExactly("We will protect the workers’ rights,", "That is our promise.");
    assertThat(quotes).extracting(Quotation::speakerActorId).containsExactly("zelensky", "zelensky");
    assertThat(direct("‘I want to see my sons’ he said. ‘They are all I have.’")).extracting(Quotation::text)
        .as("no later closer before the next opening mark: the apostrophe closes").containsExactly("I want to see my sons",
            "They are all I have.");
    assertThat(direct("‘He called it “madness”,’ said Starmer.")).extracting(Quotation::text, Quotation::speakerName)
        .as("double quotes nested in single ones, British style").containsExactly(
            org.assertj.core.groups.Tuple.tuple("He called it “madness”,", "Starmer"));
  }

  @Test
  void straightSingleQuotesAsAsciiBritishCopyWritesThem() {
    List<Quotation> quotes = direct("'We will protect the workers' rights,' said Zelensky. 'That is our promise.'");
    assertThat(quotes).extracting(Quotation::text).containsExactly("We will protect the workers' rights,", "That is our promise.");
    assertThat(quotes).extracting(Quotation::speakerActorId).containsExactly("zelensky", "zelensky");
    assertThat(direct("It's Biden's plan, and Trump's allies say it won't work in the '90s way. Rock 'n' roll.")).as("apostrophes")
        .isEmpty();
    assertThat(direct("'He called it \"madness\",' said Starmer.")).extracting(Quotation::text)
        .containsExactly("He called it \"madness\",");
  }

  @Test
  void aTrackedNameAndAColonBeforeAQuoteIsItsSpeaker() {
    Quotation q = direct("Zelensky: “We need more air defense”\n\nUkraine's president made the appeal in Brussels.").get(0);
    assertThat(q.speakerActorId()).isEqualTo("zelensky");
    assertThat(q.attributionVerb()).isNull();
    assertThat(direct("Update: “The talks are over.”").get(0).speakerName()).as("not a name of a tracked actor").isNull();
  }

  @Test
  void questionQuoteFollowedByItsAttribution() {
    Quotation q = direct("“Have you noticed how much he whines?” Obama asked the crowd.").get(0);
    assertThat(q.speakerActorId()).isEqualTo("obama");
    assertThat(q.attributionVerb()).isEqualTo("ask");
  }

  @Test
  void actorsNamedInsideTheQuote() {
    Quotation q = direct("\"Putin has lost,\" Zelensky said.").get(0);
    assertThat(q.mentionedActorIds()).containsExactly("putin");
    assertThat(q.mentionedActorSentiment()).isEmpty(); // filled in by the annotator from scored mentions
  }

  @Test
  void doubledApostrophesMixedMarksAndANestedQuoteClosingWithThreeApostrophes() {
    assertThat(direct("''We are ready,'' Biden said.").get(0).speakerActorId()).isEqualTo("biden");
    assertThat(direct("“We are ready,\" Biden said.").get(0).text()).isEqualTo("We are ready,");
    String text = "''The voters said, 'We do not want Modi,''' Mr. Gandhi told reporters.";
    Quotation q = direct(text).get(0);
    assertThat(q.end()).isEqualTo(text.indexOf(" Mr."));
    assertThat(q.speakerName()).isEqualTo("Gandhi");
  }

  @Test
  void titlesAndLabelsInQuoteMarksAreNotQuotations() {
    assertThat(direct("In the book, ''Freedom,'' Merkel recounts the meeting.")).isEmpty();
    assertThat(direct("A student held a sign reading \"Guilty.\" Biden said nothing.")).isEmpty();
  }

  // ---------------------------------------------------------------- reported speech

  @Test
  void reportedSpeechOfATrackedActor() {
    String text = "Putin said the West had ignored Russia's warnings. Trump told reporters the plan was dead, "
        + "according to a transcript. Biden warned that the coming weeks would be dangerous.";
    List<Quotation> rows = indirect(text);
    assertThat(rows).extracting(Quotation::speakerActorId).containsExactly("putin", "trump", "biden");
    assertThat(rows).extracting(Quotation::text).containsExactly("the West had ignored Russia's warnings", "the plan was dead",
        "the coming weeks would be dangerous");
    assertThat(rows).extracting(Quotation::attributionVerb).containsExactly("say", "tell", "warn");
    assertThat(rows.get(2).attributionClass()).isEqualTo("predictive");
    for (Quotation q : rows) {
      assertThat(text.substring(q.begin(), q.end())).isEqualTo(q.text());
    }
  }

  @Test
  void accordingToBeforeAfterAndInside() {
    List<Quotation> rows = indirect("According to Erdogan, Turkey had talked to all sides. "
        + "Assad had been granted asylum, according to Putin. The collapse, according to Netanyahu, was a direct result of the strikes.");
    assertThat(rows).extracting(Quotation::speakerActorId).containsExactly("erdogan", "putin", "netanyahu");
    assertThat(rows).extracting(Quotation::text).containsExactly("Turkey had talked to all sides", "Assad had been granted asylum",
        "The collapse, according to Netanyahu, was a direct result of the strikes");
    assertThat(rows).extracting(Quotation::attributionVerb).containsOnly("according to");
  }

  @Test
  void reportedSpeechThroughAPronounOrADescription() {
    List<Quotation> rows = indirect("Chancellor Olaf Scholz spoke in Berlin. He said Germany would sign the pact. "
        + "The chancellor added that other capitals had to do more.");
    assertThat(rows).extracting(Quotation::speakerActorId).containsExactly("scholz", "scholz");
    assertThat(rows).extracting(Quotation::speakerMethod).containsExactly("pronoun", "nominal");
  }

  @Test
  void noReportedSpeechWithoutATrackedSpeakerOrWithoutAClause() {
    assertThat(indirect("Maria Delgado said prices would rise.")).isEmpty(); // untracked
    assertThat(indirect("Biden urged the Senate to pass the bill quickly.")).isEmpty(); // an infinitive
    assertThat(indirect("Modi claimed victory in the election on Tuesday, but his party lost seats.")).isEmpty(); // an object
    assertThat(indirect("Biden said in a statement. Putin said little on Thursday.")).isEmpty();
    assertThat(indirect("“We are ready,” Biden told leaders in the Mellon Auditorium, where the treaty was signed.")).isEmpty();
    assertThat(indirect("Obama wrote that \"there is no place for political violence.\"")).isEmpty(); // only the direct row
    assertThat(indirect("Xi left Moscow after a three-day state visit in which the leaders signed a pledge.")).isEmpty();
  }

  // ---------------------------------------------------------------- bad input

  @Test
  void unbalancedMarksYieldNoQuoteAndScanningResumes() {
    assertThat(direct("\"This quote never closes.\n\nNext paragraph, Biden said.")).isEmpty();
    List<Quotation> quotes = direct("He shouted \"stop and left. Then “We will return,” Putin said.");
    assertThat(quotes).extracting(Quotation::text).containsExactly("We will return,");
    assertThat(quotes.get(0).speakerActorId()).isEqualTo("putin");
    // By the continuation convention, a quote left open at a paragraph's end goes on when the next opens with a mark.
    assertThat(direct("He said \"we leave.\n\n\"Tomorrow.\" Putin nodded.")).extracting(Quotation::text)
        .containsExactly("we leave.\n\n\"Tomorrow.");
  }

  @Test
  void inchMarksAndApostrophesAreNotQuotes() {
    assertThat(direct("He is 6'2\" tall and uses a 12\" pipe.")).isEmpty();
    assertThat(direct("Back in ‘08 Biden ran. The ’90s were different. Rock 'n' roll.")).isEmpty();
    assertThat(direct("Putin’s aides and Biden’s team met the allies’ envoys.")).isEmpty();
    List<Quotation> quotes = direct("Pruitt, who stands 6'4\" and was hard to miss, said he sat still. \"I sat on my hands,\" he said.");
    assertThat(quotes).extracting(Quotation::text).containsExactly("I sat on my hands,");
  }

  @Test
  void nestedQuotesStayInsideTheOuterQuote() {
    String text = "“He told me, ‘We are not leaving,’ and I believed him,” Zelensky said.";
    List<Quotation> quotes = direct(text);
    assertThat(quotes).hasSize(1);
    assertThat(quotes.get(0).text()).isEqualTo("He told me, ‘We are not leaving,’ and I believed him,");
    assertThat(quotes.get(0).speakerActorId()).isEqualTo("zelensky");
  }

  @Test
  void aQuoteThousandsOfWordsLongIsDroppedNotCutAndTheRestIsRead() {
    String runaway = "\"" + "word ".repeat(5000) + "\" Biden said. “We are ready,” Putin said.";
    List<Quotation> quotes = direct(runaway);
    assertThat(quotes).extracting(Quotation::text).containsExactly("We are ready,");
    assertThat(direct("Biden said \"\" and left.")).isEmpty();
    assertThat(find("")).isEmpty();
  }

  /**
   * A 2 MB input of each shape that could make a scanner look back or ahead repeatedly: every quotation
   * stays within the limit and every call returns. The timeout only guards the build against a hang; it is
   * far above the time a linear pass takes.
   */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void twoMegabyteInputsFinishWithBoundedQuotes() {
    String paragraph = "“We will not retreat,” Zelensky said, “and we will not forget.” He said Putin had lost. "
        + "The 6'2\" senator, who said he was ‘ready’, told reporters the plan was dead.\n\n";
    List<String> inputs = List.of(
        paragraph.repeat(2_000_000 / paragraph.length()),
        "“".repeat(2_000_000),
        "‘a ".repeat(700_000),
        "’ ‘word".repeat(300_000),
        "\"open " + "Biden said that the West would pay. ".repeat(55_000),
        "''".repeat(1_000_000),
        "Biden, ".repeat(300_000) + "said: “yes.”");
    for (String input : inputs) {
      assertThat(input.length()).isGreaterThan(1_900_000);
      List<Quotation> quotes = find(input);
      for (Quotation q : quotes) {
        assertThat(q.end() - q.begin()).isLessThanOrEqualTo(QuoteFinder.MAX_QUOTE_CHARS + 2);
        assertThat(q.begin()).isGreaterThanOrEqualTo(0);
        assertThat(q.end()).isLessThanOrEqualTo(input.length());
      }
    }
    String news = inputs.get(0);
    assertThat(direct(news)).hasSize(3 * (2_000_000 / paragraph.length())); // two halves of a split quote and ‘ready’
  }
}
