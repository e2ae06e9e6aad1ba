package org.biasaudit.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {
  @Test
  void cleanTextPassesThroughUnchanged() {
    String text = "Putin’s aides met “Biden” on Tuesday.\n\nA second paragraph & more <3 love.";
    TextCleaner.Cleaned cleaned = TextCleaner.clean(text);
    assertThat(cleaned.text()).isSameAs(text);
    assertThat(cleaned.changed()).isFalse();
  }

  @Test
  void htmlMarkupBecomesParagraphsAndScriptsVanish() {
    TextCleaner.Cleaned cleaned = TextCleaner.clean("<div><p>President Biden&rsquo;s plan.</p><script>var s = \"</p>\";</script>"
        + "<p>It&nbsp;passed <b>easily</b>.<br>Really.</p><img src=x onerror=alert(1)></div>");
    assertThat(cleaned.changed()).isTrue();
    assertThat(cleaned.text()).isEqualTo("President Biden’s plan.\n\nIt passed easily.\nReally.");
  }

  @Test
  void invisibleCharactersThatSplitNamesAreRemoved() {
    assertThat(TextCleaner.clean("Pu\u200Btin met \u202EBiden\u202C.\u00AD").text()).isEqualTo("Putin met Biden.");
    assertThat(TextCleaner.clean("\uFEFFText").text()).isEqualTo("Text");
  }

  @Test
  void noBreakAndFixedWidthSpacesBecomePlainSpacesOneForOne() {
    String raw = "“We will act,”\u00A0said\u00A0Vladimir\u2009Putin\u202Fon\u3000Friday.";
    TextCleaner.Cleaned cleaned = TextCleaner.clean(raw);
    assertThat(cleaned.text()).isEqualTo("“We will act,” said Vladimir Putin on Friday.");
    assertThat(cleaned.text()).hasSameSizeAs(raw);
    assertThat(cleaned.changed()).isTrue();
    assertThat(TextCleaner.clean("a&nbsp;b").text()).isEqualTo("a b");
  }

  @Test
  void entitiesAloneAreDecoded() {
    assertThat(TextCleaner.clean("AT&amp;T and Macron&#8217;s &quot;plan&quot;").text()).isEqualTo("AT&T and Macron’s \"plan\"");
  }

  @Test
  void lineEndsAreNormalised() {
    assertThat(TextCleaner.clean("a\r\nb\rc").text()).isEqualTo("a\nb\nc");
  }

  @Test
  void latinShareTellsScripts() {
    assertThat(TextCleaner.latinLetterShare("Putin met Biden")).isEqualTo(1.0);
    assertThat(TextCleaner.latinLetterShare("Путин встретился с Байденом в Женеве")).isLessThan(0.1);
    assertThat(TextCleaner.latinLetterShare("普京会见了拜登")).isZero();
    assertThat(TextCleaner.latinLetterShare("التقى بوتين بايدن")).isZero();
    assertThat(TextCleaner.latinLetterShare("12345 !!!")).isEqualTo(1.0);
  }
}
