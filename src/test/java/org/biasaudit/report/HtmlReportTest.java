package org.biasaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
  static final String OUTLET = "<script>alert(1)</script>";
  static final String TITLE = "Headline </script><script>document.body.dataset.pwned='title'</script>";
  static final String SENTENCE = "He said <img src=x onerror=\"document.body.dataset.pwned='img'\"> & left \u2028 @@APP@@.";

  static ReportData hostile() {
    return new ReportData("report for " + OUTLET, "run-1",
        List.of(new ReportData.Summary(OUTLET, "biden", "Joe Biden", "all", 3, 7, -0.2, -0.3, -0.1, 0.5, 2, 0.25, false),
            new ReportData.Summary("Plain Outlet", "biden", "Joe Biden", "all", 3, 7, 0.1, 0.0, 0.2, 0.5, 1, 0.1, true)),
        List.of(new ReportData.Contrast(OUTLET, "biden", "all", -0.3, -0.4, -0.2, 0.001, 0.01, false, TITLE, SENTENCE)),
        List.of(new ReportData.Term(OUTLET, "biden", "context", "</script><b>weak", 1, 5, 2.5)));
  }

  @Test
  void inputTextNeverBecomesMarkup() {
    String html = HtmlReport.render(hostile());
    // Outside the inlined Chart.js, the only script elements are the page's own three.
    String page = html.replace(chartJsBlock(html), "");
    assertThat(count(page, "<script")).isEqualTo(3);
    assertThat(count(page, "</script>")).isEqualTo(3);
    assertThat(page).doesNotContain("<img").doesNotContain("<b>").doesNotContain("alert(1)</");
    assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=&quot;document.body.dataset.pwned=&#39;img&#39;&quot;&gt; &amp; left");
    // In the JSON block every markup character is a \\u escape, and the JavaScript line separator too.
    String json = between(page, "<script type=\"application/json\" id=\"report-data\">", "</script>");
    assertThat(json).doesNotContain("<").doesNotContain(">").doesNotContain("\u2028")
        .contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e");
    // A placeholder inside the data is text, not a place to insert the script.
    assertThat(page).contains("@@APP@@");
  }

  @Test
  void pageIsSelfContained() {
    String html = HtmlReport.render(hostile());
    assertThat(html).contains("Chart.js v4.4.9");
    Matcher external = Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//").matcher(html.replace(chartJsBlock(html), ""));
    assertThat(external.find()).as("a reference to another host").isFalse();
    assertThat(html).doesNotContain("@@TITLE@@").doesNotContain("@@DATA@@").doesNotContain("@@CHARTJS@@");
  }

  @Test
  void fillReplacesOnlyTheTemplatesPlaceholders() {
    assertThat(HtmlReport.fill("a @@X@@ b @@Y@@ c @@unknown@@", Map.of("X", "@@Y@@", "Y", "y")))
        .isEqualTo("a @@Y@@ b y c @@unknown@@");
  }

  @Test
  void escapeCoversTextAndAttributes() {
    assertThat(HtmlReport.escape("<a href='x'>\"&\"</a>")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
    assertThat(HtmlReport.escape(null)).isEmpty();
  }

  private static String chartJsBlock(String html) {
    int start = html.indexOf("/*!\n * Chart.js");
    int end = html.indexOf("</script>", start);
    assertThat(start).as("Chart.js is inlined").isPositive();
    return html.substring(start, end);
  }

  private static String between(String text, String open, String close) {
    int start = text.indexOf(open) + open.length();
    return text.substring(start, text.indexOf(close, start));
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      n++;
    }
    return n;
  }
}
