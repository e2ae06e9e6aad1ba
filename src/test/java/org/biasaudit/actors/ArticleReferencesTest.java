package org.biasaudit.actors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whom names, surnames, titles and metonyms refer to, decided from the article and its date. */
class ArticleReferencesTest {
  private static final AliasMatcher MATCHER = new AliasMatcher(ActorRegistry.load(Path.of("conf/actors.yaml")));
  private static final LocalDate MARCH_2024 = LocalDate.of(2024, 3, 1);

  private static List<Reference> refs(String title, String text, LocalDate published) {
    return ArticleReferences.resolve(MATCHER, title, text, published).all();
  }

  /** "surface=actor" for each reference of the text, in order. */
  private static List<String> resolved(String text, LocalDate published) {
    return refs("", text, published).stream().map(r -> r.surface() + "=" + r.actorId()).toList();
  }

  @Test
  void aBareSurnameStaysWithWhomTheArticleFirstUsedItFor() {
    String text = "Hunter Biden was convicted on Tuesday.\n\nBiden, 54, showed little emotion.\n\n"
        + "President Joe Biden said he would not pardon his son.\n\nProsecutors said Biden bought a revolver in 2018.";
    assertThat(resolved(text, LocalDate.of(2024, 6, 11))).containsExactly("Joe Biden=biden");
    // Without the namesake, the bare surname is the tracked actor.
    assertThat(resolved("Biden signed the bill. Biden then left.", MARCH_2024)).containsExactly("Biden=biden", "Biden=biden");
  }

  @Test
  void aNamesakeNamedInTheTextClaimsTheHeadline() {
    List<Reference> found = refs("Biden convicted on gun charges", "Hunter Biden was found guilty on Tuesday.",
        LocalDate.of(2024, 6, 11));
    assertThat(found).isEmpty();
  }

  @Test
  void theTrackedActorKeepsTheBareSurnameWhenTheNamesakeGetsAnHonorific() {
    String text = "Melania Trump's memoir was released on Tuesday.\n\nDonald Trump has said abortion is for the states.\n\n"
        + "Asked about the book, Trump said he had not read it. Mrs. Trump writes that she disagreed.";
    assertThat(resolved(text, LocalDate.of(2024, 10, 8))).containsExactly("Donald Trump=trump", "Trump=trump");
  }

  @Test
  void twoTrackedActorsSharingASurnameAreToldApartByContext() {
    LocalDate date = LocalDate.of(2016, 10, 29);
    String text = "Hillary Clinton rallied in Tampa.\n\nShe was joined by former President Bill Clinton. Bill Clinton spoke "
        + "about the 1990s, and Mr. Clinton said his wife was ready.\n\nClinton addressed the emails directly.";
    assertThat(resolved(text, date)).containsExactly("Hillary Clinton=hillary_clinton", "Bill Clinton=bill_clinton",
        "Bill Clinton=bill_clinton", "Clinton=bill_clinton", "Clinton=hillary_clinton");
    // Honorifics and titles narrow the candidates even without a full name.
    assertThat(resolved("Mrs. Clinton and former President Clinton arrived.", date))
        .containsExactly("Clinton=hillary_clinton", "Clinton=bill_clinton");
    // No context at all: the registry's surname_default.
    assertThat(resolved("Clinton leads in Florida.", date)).containsExactly("Clinton=hillary_clinton");
    assertThat(refs("", "Clinton leads.", date).get(0).resolution()).isEqualTo(Reference.SURNAME_CONTEXT);
  }

  @Test
  void titlesResolveByThePublicationDate() {
    String text = "The Russian president spoke on Tuesday.";
    assertThat(resolved(text, MARCH_2024)).containsExactly("The Russian president=putin");
    assertThat(resolved(text, LocalDate.of(2010, 3, 1))).as("Medvedev was president; Putin was prime minister").isEmpty();
    assertThat(resolved("The Russian prime minister spoke.", LocalDate.of(2010, 3, 1)))
        .containsExactly("The Russian prime minister=putin");
    assertThat(resolved("The US president spoke.", LocalDate.of(2019, 3, 1))).containsExactly("The US president=trump");
    assertThat(resolved("The US president spoke.", LocalDate.of(2022, 3, 1))).containsExactly("The US president=biden");
    assertThat(resolved("The US president spoke.", LocalDate.of(2025, 1, 20))).as("handover day: the successor")
        .containsExactly("The US president=trump");
    assertThat(resolved("The Russian president spoke.", null)).as("no date, no dated title").isEmpty();
    Reference reference = refs("", text, MARCH_2024).get(0);
    assertThat(reference.type()).isEqualTo(Reference.NOMINAL);
    assertThat(reference.resolution()).isEqualTo(Reference.TITLE);
  }

  @Test
  void sharedAndGenericTitlesGoToTheHolderNamedLast() {
    LocalDate date = LocalDate.of(2023, 6, 1);
    assertThat(resolved("The former president spoke in Iowa.", date)).as("several holders, none named").isEmpty();
    assertThat(resolved("Barack Obama and Donald Trump spoke. The former president later left.", date))
        .containsExactly("Barack Obama=obama", "Donald Trump=trump", "The former president=trump");
    assertThat(resolved("Joe Biden met Zelensky. The president praised him.", date))
        .containsExactly("Joe Biden=biden", "Zelensky=zelensky", "The president=zelensky");
    assertThat(resolved("Joe Biden flew in. Brazilian President Lula met the president.", date))
        .as("an untracked president named in between").containsExactly("Joe Biden=biden");
    assertThat(refs("", "Joe Biden spoke. The president left.", date).get(1).resolution()).isEqualTo(Reference.TITLE_CONTEXT);
  }

  @Test
  void titlesWithOneHolderAreHandedToQuoteAttributionAndGenericOnesAreNot() {
    ArticleReferences article = ArticleReferences.resolve(MATCHER, "",
        "Vladimir Putin met Joe Biden. The Kremlin leader left first, and the president stayed.", MARCH_2024);
    assertThat(article.titles("text")).extracting(AliasMatch::surface, AliasMatch::actorId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("The Kremlin leader", "putin"));
    assertThat(article.names("text")).extracting(AliasMatch::surface).containsExactly("Vladimir Putin", "Joe Biden");
  }

  @Test
  void titlesAttachedToNamesRolesAndPredicatesAreNotSeparateMentions() {
    assertThat(resolved("Russian President Vladimir Putin spoke.", MARCH_2024)).containsExactly("Vladimir Putin=putin");
    assertThat(resolved("The Russian president, Vladimir Putin, spoke.", MARCH_2024)).containsExactly("Vladimir Putin=putin");
    assertThat(resolved("Putin was sworn in as Russia's president on Tuesday.", MARCH_2024)).containsExactly("Putin=putin");
    assertThat(resolved("Xi Jinping left Moscow as the Chinese leader wrapped up his visit.", MARCH_2024))
        .as("'as' opening a clause").containsExactly("Xi Jinping=xi", "the Chinese leader=xi");
    assertThat(resolved("\"I am the president,\" Biden wrote.", MARCH_2024)).containsExactly("Biden=biden");
    assertThat(resolved("Chuck Schumer, the majority leader, spoke.", MARCH_2024)).containsExactly("Chuck Schumer=schumer");
    assertThat(resolved("Biden met the president of Mexico.", MARCH_2024)).containsExactly("Biden=biden");
    assertThat(resolved("Biden met a Russian president once.", MARCH_2024)).containsExactly("Biden=biden");
    assertThat(resolved("Biden thanked the president-elect.", MARCH_2024)).containsExactly("Biden=biden");
  }

  @Test
  void headlinesNeedNoArticleBeforeATitle() {
    List<Reference> found = refs("Russian president warns the West", "", MARCH_2024);
    assertThat(found).extracting(Reference::field, Reference::surface, Reference::actorId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("title", "Russian president", "putin"));
    assertThat(refs("Report finds Saudi crown prince approved operation", "", MARCH_2024)).extracting(Reference::actorId)
        .containsExactly("mbs");
  }

  @Test
  void metonymsStandForTheirActorExceptAsPlaces() {
    assertThat(resolved("The Kremlin denied the report.", MARCH_2024)).containsExactly("Kremlin=russian_government");
    assertThat(refs("", "The Kremlin denied it.", MARCH_2024).get(0).resolution()).isEqualTo(Reference.METONYM);
    assertThat(resolved("Xi met Putin at the Kremlin.", MARCH_2024)).containsExactly("Xi=xi", "Putin=putin");
    assertThat(resolved("Kremlin-backed media agreed.", MARCH_2024)).isEmpty();
    assertThat(resolved("The Kremlin leader spoke.", MARCH_2024)).as("a title, not the metonym").containsExactly(
        "The Kremlin leader=putin");
  }

  @Test
  void nominalsOfOrganisationsNeedTheOrganisationNamedFirst() {
    assertThat(resolved("The alliance met in Vilnius.", MARCH_2024)).isEmpty();
    assertThat(resolved("NATO met in Vilnius. The alliance agreed.", MARCH_2024))
        .containsExactly("NATO=nato", "The alliance=nato");
  }

  @Test
  void offsetsPointIntoTheirOwnField() {
    ArticleReferences article = ArticleReferences.resolve(MATCHER, "Putin’s gamble", "It was Putin’s idea.", MARCH_2024);
    Reference title = article.references("title").get(0);
    Reference text = article.references("text").get(0);
    assertThat("Putin’s gamble".substring(title.begin(), title.end())).isEqualTo("Putin");
    assertThat("It was Putin’s idea.".substring(text.begin(), text.end())).isEqualTo("Putin");
    assertThat(article.names("text")).extracting(AliasMatch::actorId).containsExactly("putin");
  }

  @Test
  void hostileTextNeverThrows() {
    String[] pieces = {"the", "The", "Russian", "president", "Clinton", "Mr.", "Mrs.", ",", "\"", "“", "”", "'s", "’", "-",
        "\n\n", " ", "of", "as", "Biden", "Hunter", "Jr.", "Kremlin", "at", "in", "former", "US", "President", "[[", "é", "\u0000",
        "\uD83D\uDE00", "PUTIN", "NATO", "alliance", "Trump", "Tower", "bloc", "27-nation"};
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(30);
      for (int j = 0; j < length; j++) {
        text.append(pieces[random.nextInt(pieces.length)]);
        if (random.nextBoolean()) {
          text.append(' ');
        }
      }
      String sample = text.toString();
      LocalDate date = random.nextBoolean() ? null : MARCH_2024;
      assertThatCode(() -> {
        ArticleReferences refs = ArticleReferences.resolve(MATCHER, sample, sample, date);
        for (Reference r : refs.all()) {
          assertThat(r.begin()).isBetween(0, r.end());
          assertThat(r.end()).isLessThanOrEqualTo(sample.length());
        }
      }).as(sample).doesNotThrowAnyException();
    }
    assertThat(refs(null, null, null)).isEmpty();
  }
}
