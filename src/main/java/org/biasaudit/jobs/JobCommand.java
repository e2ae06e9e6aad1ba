package org.biasaudit.jobs;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * What every {@code jobs/} command shares: where it prints, and how its command line is run so that tests
 * can run it in-process with the exit code returned instead of the JVM exiting. A bad argument prints
 * one line naming the command and exits with 2.
 */
abstract class JobCommand implements Callable<Integer> {
  protected PrintStream out = System.out;
  protected PrintStream err = System.err;

  static int run(JobCommand job, String name, String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(job);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler((e, a) -> {
      err.println(name + ": " + e.getMessage() + " (see --help)");
      return 2;
    });
    job.out = out;
    job.err = err;
    return cli.execute(args);
  }
}
