package org.sycolab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystemException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sycolab.engine.BuildInfo;
import picocli.CommandLine;

class ErrorReporterTest {

  @Test
  void anUnexpectedFailureNamesTheFlagThatReadmeAndHelpGiveForStackTraces() {
    String err = report(new IllegalStateException("boom"));
    assertThat(err).contains("error: boom", "(run again with -vv for the stack trace)");
    assertThat(err).doesNotContain("\tat ");
    String help = CliRun.of("--help").out().replaceAll("\\s+", " ");
    assertThat(help).contains("-vv debug logs and stack traces");
  }

  @Test
  void aFileProblemIsOneLineWithTheFileAndExitsWithProblems() {
    FileSystemException e =
        new FileSystemException("data", null, "expected a file, got a directory");
    assertThat(report(e).lines())
        .singleElement()
        .asString()
        .endsWith("error: data: expected a file, got a directory");
    assertThat(ErrorReporter.exitCode(e)).isEqualTo(ExitCode.PROBLEMS);
  }

  private static String report(Exception e) {
    SycolabCommand root = new SycolabCommand(BuildInfo.load(), List.of());
    CommandLine commandLine = new CommandLine(root);
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err, true));
    new ErrorReporter(root).handleExecutionException(e, commandLine, null);
    return err.toString();
  }
}
