package org.biasaudit.jobs;

import java.io.IOException;
import java.io.PrintStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.biasaudit.config.AuditConfig;
import org.biasaudit.output.OutputDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jobs/report}: writes {@code DIR/report.html} from the tables of an audit output: one
 * self-contained page that opens offline in any browser.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Write DIR/report.html from an audit output.")
public final class ReportJob extends JobCommand {
  @Option(names = "--from", required = true, paramLabel = "DIR", description = "An output of jobs/audit.")
  String from;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master. Default: local[*].")
  String master;


  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return JobCommand.run(new ReportJob(), "report", args, out, err);
  }

  @Override
  public Integer call() {
    Configuration hadoop = new Configuration();
    Path dir;
    try {
      dir = new Path(from);
      if (!dir.getFileSystem(hadoop).exists(new Path(dir, OutputDirectory.SUCCESS_MARKER))) {
        err.println("report: --from " + from + " is not a complete bias-audit output (no _SUCCESS); run jobs/audit first");
        return 2;
      }
      if (!dir.getFileSystem(hadoop).exists(new Path(dir, "outlet_contrasts"))) {
        err.println("report: --from " + from + " has no outlet_contrasts (written by an older version); run jobs/aggregate --from "
            + from + " first");
        return 2;
      }
    } catch (IOException | IllegalArgumentException e) {
      err.println("report: --from " + from + ": " + e.getMessage());
      return 2;
    }
    AuditConfig config = AuditConfig.defaults();
    if (master != null) {
      config = config.withSparkMaster(master);
    }
    SparkSession spark = SparkSessions.create(config);
    try {
      String html = ReportStep.render(spark, t -> new Path(dir, t).toString(), "bias-audit report: " + dir.getName(), runId(dir, hadoop));
      OutputDirectory.writePublished(from, ReportStep.FILE, html, hadoop);
      out.println("Wrote " + new Path(dir, ReportStep.FILE));
      return 0;
    } catch (Exception e) {
      err.println("report: failed: " + e);
      e.printStackTrace(err);
      return 1;
    } finally {
      spark.stop();
    }
  }

  private static String runId(Path dir, Configuration hadoop) {
    try (java.io.InputStream in = dir.getFileSystem(hadoop).open(new Path(dir, OutputDirectory.MANIFEST))) {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("run_id").asText(null);
    } catch (IOException e) {
      return null;
    }
  }
}
