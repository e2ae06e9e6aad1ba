package org.biasaudit.actors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
