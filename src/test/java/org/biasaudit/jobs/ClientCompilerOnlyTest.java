package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The directive is in force between start and close, and gone after (the test JVM is HotSpot). */
class ClientCompilerOnlyTest {
  @Test
  void excludesTheOptimisingCompilerUntilClosed() throws Exception {
    String before = ClientCompilerOnly.directives();
    assertThat(before).doesNotContain("Exclude:true");
    try (ClientCompilerOnly c1 = ClientCompilerOnly.start()) {
      assertThat(c1.active()).as(c1.outcome()).isTrue();
      // Ours is printed first, above the default one: its C2 block excludes, its C1 block does not.
      String ours = ClientCompilerOnly.directives().split("Directive: \\(default\\)")[0];
      assertThat(ours.split("c2 directives:")[0]).contains("Exclude:false").doesNotContain("Exclude:true");
      assertThat(ours.split("c2 directives:")[1]).contains("Exclude:true");
    }
    assertThat(ClientCompilerOnly.directives()).isEqualTo(before);
  }
}
