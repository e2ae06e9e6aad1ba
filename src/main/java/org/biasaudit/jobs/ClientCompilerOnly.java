package org.biasaudit.jobs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimising compiler (C2) from compiling anything more in this JVM until closed, with a
 * compiler directive added through the {@code DiagnosticCommand} MBean (what {@code jcmd PID
 * Compiler.directives_add} does).
 *
 * <p>Why: once a local run has annotated, what is left is short Spark queries (the tables, the report), each
 * with code that Spark generates for it and that runs for a second or two. C2 compiling that code cost more
 * than it saved: on 2 cores, C2 took 0.6 to 0.9 of a core through those steps, and with this the steps took
 * 4 s less at 2,000 articles (docs/benchmarks.md). Methods already compiled keep their code (CoreNLP's are
 * compiled by then), and new ones run as client-compiled code, as {@code jobs/aggregate} runs throughout.
 *
 * <p>The directive is for the whole JVM, so it is for local mode only (in a cluster the queries run in the
 * executors' JVMs) and is removed on {@link #close()}. HotSpot remembers that a method was excluded, so a
 * method first made hot while the directive stood stays client-compiled for the JVM's life: harmless for a
 * command that runs once, a few methods of Spark's in a JVM that runs several audits. Where the JVM has no
 * such command (not HotSpot, or management disabled) this does nothing: only the time changes, never a result.
 */
final class ClientCompilerOnly implements AutoCloseable {
  private static final String DIRECTIVE = "[ { match: \"*.*\", c2: { Exclude: true } } ]";
  private static final String[] SIGNATURE = {String[].class.getName()};

  private final boolean added;
  private final String outcome;

  private ClientCompilerOnly(boolean added, String outcome) {
    this.added = added;
    this.outcome = outcome;
  }

  /** Adds the directive; whether it could is {@link #active()}. */
  static ClientCompilerOnly start() {
    Path file = null;
    try {
      file = Files.createTempFile("bias-audit-c1-", ".json");
      Files.writeString(file, DIRECTIVE);
      String result = command("compilerDirectivesAdd", file.toString()).strip();
      return new ClientCompilerOnly(result.contains("1 compiler directives added"), result);
    } catch (IOException | JMException | RuntimeException e) {
      return new ClientCompilerOnly(false, e.toString());
    } finally {
      deleteQuietly(file);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }

  boolean active() {
    return added;
  }

  /** What the JVM answered, or why there was no answer. */
  String outcome() {
    return outcome;
  }

  /** The directives in force, as {@code jcmd PID Compiler.directives_print} prints them. */
  static String directives() throws JMException {
    return command("compilerDirectivesPrint");
  }

  @Override
  public void close() {
    if (!added) {
      return;
    }
    try {
      command("compilerDirectivesRemove");
    } catch (JMException | RuntimeException e) {
      // The directive stays: later work in this JVM runs client-compiled code, slower but the same results.
    }
  }

  private static String command(String operation, String... arguments) throws JMException {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    Object result = server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
        new Object[] {arguments}, SIGNATURE);
    return String.valueOf(result);
  }
}
