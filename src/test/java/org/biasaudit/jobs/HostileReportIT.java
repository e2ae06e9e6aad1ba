package org.biasaudit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.biasaudit.testing.DuckDb;
import org.biasaudit.testing.HeadlessChromium;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small corpus with markup in outlet names, titles and text, and one wire story run by both outlets
 * (twice by one of them): the audit marks the copies, the summaries count the story once per outlet or
 * leave it out, and the report shows the markup as text with no injected script running.
 */
class HostileReportIT {
  static final String OUTLET = "<script>alert(1)</script>";
  static final String PLAIN = "Plain & Co";
  // Ingest strips real tags from titles and text; entity-encoded markup survives cleaning as literal
  // markup (the entities are decoded), so it reaches the tables and the report must escape it.
  static final String TITLE = "Senate &lt;/script&gt;&lt;script&gt;console.log('INJECTED-TITLE')&lt;/script&gt; vote";
  static final String PAYLOAD = "&lt;img src=x onerror=\"console.log('INJECTED-IMG')\"&gt;";
  static final String WIRE = "The Senate voted on Tuesday to approve a package of military aid for Ukraine and Israel after "
      + "months of negotiations between the two parties, sending the bill to the House where its fate remains uncertain. "
      + "Joe Biden said he would sign the bill as soon as it reached his desk. Members return from recess next week and "
      + "leaders are weighing their options on the border provisions that stalled an earlier version of the package.";

  @TempDir static Path work;
  private static String output;

  @BeforeAll
  static void runTheAudit() throws Exception {
    List<Map<String, Object>> records = new ArrayList<>();
    String[] hostile = {
        "A weak and confused Biden failed again " + PAYLOAD + " at the border.",
        "Critics called Biden's plan a reckless mistake &lt;/script&gt; on Tuesday.",
        "The feeble Biden stumbled through another disastrous speech " + PAYLOAD + ".",
        "Biden's humiliating defeat in the Senate surprised nobody in the capital &lt;/script&gt;."};
    String[] plain = {
        "Biden met governors at the White House on Monday.",
        "Biden spoke about the budget with reporters in Delaware.",
        "Biden visited a factory in Ohio that makes electric buses.",
        "Biden signed an order on drug prices after a cabinet meeting."};
    for (int i = 0; i < 4; i++) {
      records.add(article("h-" + (i + 1), OUTLET, "2024-01-0" + (i + 1), TITLE, hostile[i]));
      records.add(article("p-" + (i + 1), PLAIN, "2024-01-0" + (i + 1), "Plain report " + (i + 1), plain[i]));
    }
    records.add(article("wire-1", OUTLET, "2024-01-10", "Senate passes aid", WIRE));
    records.add(article("wire-2", PLAIN, "2024-01-10", "Aid bill passes the Senate", WIRE.replace("next week", "on Monday")));
    records.add(article("wire-3", PLAIN, "2024-01-11", "Aid bill: what comes next", WIRE + " Local lawmakers welcomed the vote."));
    Path input = Files.createDirectories(work.resolve("in"));
    ObjectMapper json = new ObjectMapper();
    StringBuilder lines = new StringBuilder();
    for (Map<String, Object> r : records) {
      lines.append(json.writeValueAsString(r)).append('\n');
    }
    Files.writeString(input.resolve("hostile.jsonl"), lines.toString());
    output = work.resolve("out").toString();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = AuditJob.run(new String[] {"--input", input.toString(), "--output", output, "--master", "local[2]"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).as("stderr:\n" + err.toString(StandardCharsets.UTF_8)).isZero();
  }

  private static Map<String, Object> article(String id, String outlet, String date, String title, String text) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", id);
    r.put("outlet", outlet);
    r.put("published", date);
    r.put("title", title);
    r.put("text", text);
    return r;
  }

  @Test
  void wireCopiesAreMarkedAndCountOncePerOutlet() {
    try (DuckDb duck = new DuckDb()) {
      List<Object> groups = duck.query("SELECT article_id || '=' || coalesce(duplicate_group, '-') AS g FROM "
          + DuckDb.table(output, "articles") + " ORDER BY article_id").stream().map(r -> r.get("g")).toList();
      assertThat(groups).containsExactly("h-1=-", "h-2=-", "h-3=-", "h-4=-", "p-1=-", "p-2=-", "p-3=-", "p-4=-",
          "wire-1=wire-1", "wire-2=wire-1", "wire-3=wire-1");
      // Plain & Co ran the wire story twice: its Biden articles are p-1..p-4 and one copy.
      Map<String, Object> plain = duck.query("SELECT articles, syndicated_articles FROM " + DuckDb.table(output, "actor_outlet_summary")
          + " WHERE period = 'all' AND actor_id = 'biden' AND outlet = '" + PLAIN + "'").get(0);
      assertThat(plain).containsEntry("articles", 5L).containsEntry("syndicated_articles", 1L);
    }
  }

  @Test
  void excludingSyndicatedCopiesDropsTheWireStory() throws Exception {
    Path config = work.resolve("exclude.yaml");
    Files.writeString(config, "aggregation:\n  exclude_syndicated: true\n");
    Path copy = work.resolve("excluded");
    try (var paths = Files.walk(Path.of(output))) {
      for (Path p : paths.toList()) {
        Path target = copy.resolve(Path.of(output).relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThat(AggregateJob.run(new String[] {"--from", copy.toString(), "--config", config.toString(), "--master", "local[2]"},
        quiet, quiet)).isZero();
    try (DuckDb duck = new DuckDb()) {
      assertThat(duck.query("SELECT outlet, articles, syndicated_articles FROM " + DuckDb.table(copy.toString(), "actor_outlet_summary")
          + " WHERE period = 'all' AND actor_id = 'biden' ORDER BY outlet"))
          .extracting(r -> r.get("outlet") + ":" + r.get("articles") + ":" + r.get("syndicated_articles"))
          .containsExactly(OUTLET + ":4:0", PLAIN + ":4:0");
    }
  }

  @Test
  void reportShowsMarkupAsTextAndRunsNoInjectedScript() throws Exception {
    Path report = Path.of(output, "report.html");
    String html = Files.readString(report);
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("Plain &amp; Co")
        .contains("&lt;img src=x onerror=").contains("&lt;/script&gt;&lt;script&gt;console.log(&#39;INJECTED-TITLE&#39;)");
    HeadlessChromium.Page page = HeadlessChromium.open(report, Files.createDirectories(work.resolve("browser")));
    // Any injected handler would log INJECTED-*; the page itself logs nothing.
    assertThat(page.console()).as("console messages").isEmpty();
    assertThat(page.dom()).doesNotContain("<img").doesNotContain("INJECTED-TITLE')</script>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(page.dom()).containsPattern("data-charts=\"[1-9]\\d*\"");
  }
}
