package org.biasaudit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders {@code report.html}: one self-contained page (Chart.js and the data inlined, nothing fetched)
 * with per-actor sentiment by outlet with intervals, share of voice over time, framing terms per outlet,
 * quote share, and the strongest outlet contrasts with an example sentence each.
 *
 * <p>Input text reaches the page two ways, both inert: as HTML-escaped text in the tables, and as JSON in a
 * {@code <script type="application/json">} block with {@code <}, {@code >}, {@code &} and the JavaScript
 * line separators written as {@code \\u} escapes, so no input can close the block; the charts draw strings
 * on a canvas, never as markup.
 */
public final class HtmlReport {
  /** Where the Chart.js WebJar keeps its self-contained UMD build. */
  static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.4.9/dist/chart.umd.js";

  private HtmlReport() {}

  public static String render(ReportData data) {
    String chartJs = resource(CHART_JS);
    if (chartJs.toLowerCase(Locale.ROOT).contains("</script")) {
      throw new IllegalStateException(CHART_JS + " contains '</script' and cannot be inlined");
    }
    String page = resource("org/biasaudit/report/report-template.html");
    StringBuilder tables = new StringBuilder();
    contrastTable(data.contrasts(), tables);
    termTable(data.terms(), tables);
    Map<String, String> values = Map.of(
        "TITLE", escape(data.title()),
        "RUN", escape(data.runId() == null ? "" : data.runId()),
        "TABLES", tables.toString(),
        "DATA", json(data),
        "CHARTJS", chartJs,
        "APP", resource("org/biasaudit/report/report.js"));
    return fill(page, values);
  }

  /** Replaces each {@code @@NAME@@} of the template in one pass, so no inserted value is ever scanned again. */
  static String fill(String template, Map<String, String> values) {
    StringBuilder out = new StringBuilder(template.length() + values.values().stream().mapToInt(String::length).sum());
    int at = 0;
    while (true) {
      int open = template.indexOf("@@", at);
      int close = open < 0 ? -1 : template.indexOf("@@", open + 2);
      if (close < 0) {
        out.append(template, at, template.length());
        return out.toString();
      }
      String name = template.substring(open + 2, close);
      String value = values.get(name);
      if (value == null) {
        out.append(template, at, close);
        at = close;
        continue;
      }
      out.append(template, at, open).append(value);
      at = close + 2;
    }
  }

  /** HTML-escapes text for element content and quoted attribute values. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** JSON that is safe inside a script element: nothing in it can end the element or start markup. */
  static String json(Object value) {
    try {
      String json = new ObjectMapper().writeValueAsString(value);
      return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
          .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void contrastTable(List<ReportData.Contrast> contrasts, StringBuilder out) {
    out.append("<h2>Strongest outlet contrasts</h2>\n");
    out.append("<p class=\"note\">Each outlet against the rest of the corpus, per actor, all time; q is the "
        + "Benjamini-Hochberg adjusted p-value over every outlet contrast of the run. The example is the outlet's "
        + "mention of the actor that leans furthest in the contrast's direction.</p>\n");
    if (contrasts.isEmpty()) {
      out.append("<p>No outlet contrast could be computed (an actor needs scored mentions in two outlets).</p>\n");
      return;
    }
    out.append("<table id=\"contrasts\"><thead><tr><th>actor</th><th>outlet</th><th>difference</th><th>95% interval</th>"
        + "<th>p</th><th>q</th><th>example</th></tr></thead><tbody>\n");
    for (ReportData.Contrast c : contrasts) {
      boolean significant = c.qValue() != null && c.qValue() < 0.05;
      out.append("<tr").append(significant ? " class=\"significant\"" : "").append("><td>").append(escape(c.actorId()))
          .append("</td><td>").append(escape(c.outlet())).append("</td><td>").append(number(c.difference(), "%+.3f"))
          .append("</td><td>").append(c.ciLow() == null ? "" : "[" + number(c.ciLow(), "%+.3f") + ", " + number(c.ciHigh(), "%+.3f") + "]")
          .append("</td><td>").append(number(c.pValue(), "%.2g")).append("</td><td>").append(number(c.qValue(), "%.2g"))
          .append(c.lowSupport() ? " <span class=\"low\">low support</span>" : "")
          .append("</td><td><span class=\"title\">").append(escape(c.exampleTitle())).append("</span> ")
          .append(escape(c.exampleSentence())).append("</td></tr>\n");
    }
    out.append("</tbody></table>\n");
  }

  private static void termTable(List<ReportData.Term> terms, StringBuilder out) {
    out.append("<h2>Framing terms</h2>\n<p class=\"note\">Per outlet and actor, the words near the actor's name that "
        + "the outlet uses more than the other outlets do (log-odds ratio with an informative Dirichlet prior, "
        + "Monroe et al. 2008); z above 1.96 is a difference unlikely to be chance for that word alone.</p>\n");
    if (terms.isEmpty()) {
      out.append("<p>No framing term passed aggregation.framing_min_count.</p>\n");
      return;
    }
    Map<String, List<ReportData.Term>> byKey = new LinkedHashMap<>();
    for (ReportData.Term t : terms) {
      byKey.computeIfAbsent(t.outlet() + "\u0000" + t.actorId(), k -> new ArrayList<>()).add(t);
    }
    out.append("<table id=\"terms\"><thead><tr><th>outlet</th><th>actor</th><th>terms (count, z)</th></tr></thead><tbody>\n");
    for (List<ReportData.Term> group : byKey.values()) {
      out.append("<tr><td>").append(escape(group.get(0).outlet())).append("</td><td>").append(escape(group.get(0).actorId()))
          .append("</td><td>");
      for (int i = 0; i < group.size(); i++) {
        ReportData.Term t = group.get(i);
        out.append(i == 0 ? "" : ", ").append(escape(t.term())).append(" (").append(t.count()).append(", ")
            .append(number(t.z(), "%.1f")).append(')');
      }
      out.append("</td></tr>\n");
    }
    out.append("</tbody></table>\n");
  }

  private static String number(Double value, String format) {
    return value == null ? "" : String.format(Locale.ROOT, format, value);
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
