package org.biasaudit.actors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.biasaudit.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActorRegistryTest {
  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("actors.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void shippedRegistryTracksTheActorsInTheNews() {
    ActorRegistry registry = ActorRegistry.load(Path.of("conf/actors.yaml"));
    assertThat(registry.actors()).hasSizeGreaterThanOrEqualTo(15);
    assertThat(registry.actors()).extracting(Actor::id)
        .contains("putin", "trump", "biden", "zelensky", "harris", "xi", "macron", "netanyahu", "mcconnell", "nato");
  }

  @Test
  void extraFieldsAreKept() throws IOException {
    ActorRegistry registry = ActorRegistry.load(write("""
        actors:
          - {id: putin, name: Vladimir Putin, kind: person, aliases: [Putin], country: RU, wikidata: Q7747}
        """));
    assertThat(registry.byId("putin").attributes()).containsEntry("country", "RU").containsEntry("wikidata", "Q7747");
  }

  @Test
  void duplicateIdIsRejectedNamingTheEntry() throws IOException {
    Path file = write("""
        actors:
          - {id: putin, name: Vladimir Putin, aliases: [Putin]}
          - {id: putin, name: Somebody Else, aliases: [Else]}
        """);
    assertThatThrownBy(() -> ActorRegistry.load(file)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("id putin").hasMessageContaining("duplicate id");
  }

  @Test
  void emptyAliasIsRejected() throws IOException {
    Path file = write("actors:\n  - {id: putin, name: Vladimir Putin, aliases: [Putin, '']}\n");
    assertThatThrownBy(() -> ActorRegistry.load(file)).hasMessageContaining("aliases[1]").hasMessageContaining("empty");
  }

  @Test
  void aliasClaimedByTwoActorsIsRejected() throws IOException {
    Path file = write("""
        actors:
          - {id: hillary, name: Hillary Clinton, aliases: [Clinton]}
          - {id: bill, name: Bill Clinton, aliases: [Clinton]}
        """);
    assertThatThrownBy(() -> ActorRegistry.load(file)).hasMessageContaining("'Clinton'")
        .hasMessageContaining("hillary").hasMessageContaining("fix:");
  }

  @Test
  void yamlGlobalTagsAreRefusedNotInstantiated() throws IOException {
    Path file = write("actors:\n  - !!java.io.File [\"/etc/passwd\"]\n");
    assertThatThrownBy(() -> ActorRegistry.load(file)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("global tags");
  }

  @Test
  void malformedEntriesFailBeforeAnythingRuns() throws IOException {
    assertThatThrownBy(() -> ActorRegistry.load(write("actors:\n  - {name: No Id}\n"))).hasMessageContaining("actors[0].id");
    assertThatThrownBy(() -> ActorRegistry.load(write("actors:\n  - {id: x, name: X, kind: planet}\n")))
        .hasMessageContaining("kind");
    assertThatThrownBy(() -> ActorRegistry.load(write("people: []\n"))).hasMessageContaining("actors");
  }

  @Test
  void shippedRegistryGivesPeopleGendersAndDatedTitles() {
    ActorRegistry registry = ActorRegistry.load(Path.of("conf/actors.yaml"));
    for (Actor actor : registry.actors()) {
      if (actor.isPerson()) {
        assertThat(actor.gender()).as(actor.id()).isIn("male", "female");
        assertThat(actor.titles()).as(actor.id()).isNotEmpty();
      }
    }
    Actor biden = registry.byId("biden");
    assertThat(biden.titles()).filteredOn(t -> t.text().equals("US president"))
        .allMatch(t -> t.validOn(LocalDate.of(2023, 6, 1)) && !t.validOn(LocalDate.of(2025, 1, 20)));
    assertThat(registry.byId("russian_government").metonyms()).extracting(DatedPhrase::text).contains("Kremlin");
    assertThat(registry.byId("hillary_clinton").ambiguousSurname()).isTrue();
    assertThat(registry.byId("bill_clinton").ambiguousSurname()).isTrue();
  }

  @Test
  void titlesAndMetonymsAreReadWithTheirDates() throws IOException {
    ActorRegistry registry = ActorRegistry.load(write("""
        actors:
          - id: putin
            name: Vladimir Putin
            gender: male
            aliases: [Putin]
            titles:
              - {title: Russian president, from: 2012-05-07, to: null}
              - {title: Russian prime minister, from: "2008-05-08", to: 2012-05-07}
              - Kremlin leader
            metonyms: [{metonym: Kremlin, from: 2000-05-07}]
        """));
    Actor putin = registry.byId("putin");
    assertThat(putin.gender()).isEqualTo("male");
    assertThat(putin.titles()).containsExactly(
        new DatedPhrase("Russian president", LocalDate.of(2012, 5, 7), null),
        new DatedPhrase("Russian prime minister", LocalDate.of(2008, 5, 8), LocalDate.of(2012, 5, 7)),
        new DatedPhrase("Kremlin leader", null, null));
    assertThat(putin.titles().get(1).validOn(LocalDate.of(2012, 5, 6))).isTrue();
    assertThat(putin.titles().get(1).validOn(LocalDate.of(2012, 5, 7))).as("'to' is exclusive").isFalse();
    assertThat(putin.titles().get(0).validOn(null)).as("a dated title without a publication date").isFalse();
    assertThat(putin.titles().get(2).validOn(null)).isTrue();
    assertThat(putin.metonyms()).containsExactly(new DatedPhrase("Kremlin", LocalDate.of(2000, 5, 7), null));
    assertThat(putin.attributes()).doesNotContainKeys("titles", "metonyms", "gender");
  }

  @Test
  void malformedDateRangesAreRejectedNamingTheEntry() throws IOException {
    Path backwards = write("""
        actors:
          - id: biden
            name: Joe Biden
            titles: [{title: US president, from: 2025-01-20, to: 2021-01-20}]
        """);
    assertThatThrownBy(() -> ActorRegistry.load(backwards)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("id biden").hasMessageContaining("titles[0]").hasMessageContaining("malformed date range")
        .hasMessageContaining("fix:");
    Path notADate = write("""
        actors:
          - id: biden
            name: Joe Biden
            titles: [{title: US president, from: January 2021}]
        """);
    assertThatThrownBy(() -> ActorRegistry.load(notADate)).hasMessageContaining("titles[0].from")
        .hasMessageContaining("not a date").hasMessageContaining("2021-01-20");
    Path noPhrase = write("actors:\n  - {id: biden, name: Joe Biden, titles: [{from: 2021-01-20}]}\n");
    assertThatThrownBy(() -> ActorRegistry.load(noPhrase)).hasMessageContaining("titles[0]").hasMessageContaining("no title");
    Path unknownKey = write("actors:\n  - {id: biden, name: Joe Biden, titles: [{title: x, since: 2021-01-20}]}\n");
    assertThatThrownBy(() -> ActorRegistry.load(unknownKey)).hasMessageContaining("titles[0].since");
  }

  @Test
  void aSharedSurnameIsAllowedOnlyWithADisambiguationRule() throws IOException {
    Path oneMarked = write("""
        actors:
          - {id: hillary, name: Hillary Clinton, aliases: [Hillary Clinton, Clinton], ambiguous_surname: true}
          - {id: bill, name: Bill Clinton, aliases: [Bill Clinton, Clinton]}
        """);
    assertThatThrownBy(() -> ActorRegistry.load(oneMarked)).hasMessageContaining("'Clinton'")
        .hasMessageContaining("without a disambiguation rule").hasMessageContaining("ambiguous_surname: true on 'bill'");
    ActorRegistry both = ActorRegistry.load(write("""
        actors:
          - {id: hillary, name: Hillary Clinton, aliases: [Hillary Clinton, Clinton], ambiguous_surname: true, surname_default: true}
          - {id: bill, name: Bill Clinton, aliases: [Bill Clinton, Clinton], ambiguous_surname: true}
        """));
    assertThat(both.actors()).hasSize(2);
    Path twoDefaults = write("""
        actors:
          - {id: hillary, name: Hillary Clinton, aliases: [Clinton], ambiguous_surname: true, surname_default: true}
          - {id: bill, name: Bill Clinton, aliases: [Clinton], ambiguous_surname: true, surname_default: true}
        """);
    assertThatThrownBy(() -> ActorRegistry.load(twoDefaults)).hasMessageContaining("several defaults");
    // A shared alias that is not both actors' surname has no rule that could tell them apart.
    Path notASurname = write("""
        actors:
          - {id: hillary, name: Hillary Clinton, aliases: [HRC], ambiguous_surname: false}
          - {id: other, name: Someone Else, aliases: [HRC]}
        """);
    assertThatThrownBy(() -> ActorRegistry.load(notASurname)).hasMessageContaining("'HRC'").hasMessageContaining("hillary");
    Path defaultWithoutRule = write("actors:\n  - {id: bill, name: Bill Clinton, aliases: [Clinton], surname_default: true}\n");
    assertThatThrownBy(() -> ActorRegistry.load(defaultWithoutRule)).hasMessageContaining("surname_default")
        .hasMessageContaining("ambiguous_surname");
  }

  @Test
  void metonymsMustNotCollideWithAliasesOrEachOther() throws IOException {
    Path alias = write("""
        actors:
          - {id: putin, name: Vladimir Putin, aliases: [Putin, Kremlin]}
          - {id: russian_government, name: Russian government, kind: organization, metonyms: [Kremlin]}
        """);
    assertThatThrownBy(() -> ActorRegistry.load(alias)).hasMessageContaining("metonym 'Kremlin'")
        .hasMessageContaining("alias of actor 'putin'");
    Path overlapping = write("""
        actors:
          - {id: a, name: Government A, kind: organization, metonyms: [{metonym: Palace, from: 2000-01-01}]}
          - {id: b, name: Government B, kind: organization, metonyms: [{metonym: Palace, to: 2001-01-01}]}
        """);
    assertThatThrownBy(() -> ActorRegistry.load(overlapping)).hasMessageContaining("overlapping dates");
    ActorRegistry handedOver = ActorRegistry.load(write("""
        actors:
          - {id: a, name: Government A, kind: organization, metonyms: [{metonym: Palace, to: 2001-01-01}]}
          - {id: b, name: Government B, kind: organization, metonyms: [{metonym: Palace, from: 2001-01-01}]}
        """));
    assertThat(handedOver.actors()).hasSize(2);
  }

  @Test
  void genderIsMaleOrFemaleOnPeopleOnly() throws IOException {
    assertThatThrownBy(() -> ActorRegistry.load(write("actors:\n  - {id: x, name: X Y, gender: m}\n")))
        .hasMessageContaining("gender").hasMessageContaining("male or female");
    assertThatThrownBy(() -> ActorRegistry.load(write("actors:\n  - {id: nato, name: NATO, kind: organization, gender: male}\n")))
        .hasMessageContaining("gender");
  }
}
