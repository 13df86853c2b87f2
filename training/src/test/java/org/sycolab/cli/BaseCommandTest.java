package org.sycolab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.engine.BuildInfo;
import org.sycolab.run.Execution;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class BaseCommandTest {

  @TempDir Path tmp;

  /** A command that starts a run in {@code out} and then fails as it is told. */
  @Command(name = "boom")
  static final class Boom extends BaseCommand {
    private final Path out;
    private final Throwable failure;
    private final boolean writes;

    Boom(Path out, Throwable failure, boolean writes) {
      this.out = out;
      this.failure = failure;
      this.writes = writes;
    }

    @Override
    protected int execute() throws Exception {
      Execution run = startRun(RunDirectory.at(out), Map.of(), Map.of(), "cpu");
      if (writes) {
        run.writeOutput("half.csv", o -> o.write('x'));
      }
      if (failure instanceof Exception e) {
        throw e;
      }
      throw (Error) failure;
    }
  }

  private record Outcome(int status, String err) {}

  private static Outcome run(Boom boom, String... args) {
    SycolabCommand root = new SycolabCommand(BuildInfo.load(), List.of(args));
    CommandLine commandLine = new CommandLine(root).addSubcommand("boom", boom);
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err, true));
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setExecutionExceptionHandler(new ErrorReporter(root));
    int status = commandLine.execute(args);
    return new Outcome(status, err.toString());
  }

  @Test
  void outOfMemoryIsOneLineWithTheHeapToAskForAndTheRunEndsFailed() throws Exception {
    Path out = tmp.resolve("out");
    Outcome o = run(new Boom(out, new OutOfMemoryError("Java heap space"), true), "boom");
    assertThat(o.status()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(o.err().strip())
        .startsWith("sycolab boom: error: out of memory in boom (heap ")
        .containsPattern("raise it with SYCOLAB_JAVA_OPTS=-Xmx\\d+g$")
        .doesNotContain("\n")
        .doesNotContain("at org.");
    RunManifest manifest = RunManifest.read(out.resolve("manifest.json"));
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.FAILED);
    assertThat(manifest.error()).startsWith("out of memory in boom");
  }

  @Test
  void anyOtherFailureLeavesTheRunFailedNotRunning() throws Exception {
    Path out = tmp.resolve("out");
    Outcome o = run(new Boom(out, new IllegalStateException("broken"), true), "boom");
    assertThat(o.status()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(RunManifest.read(out.resolve("manifest.json")).status())
        .isEqualTo(RunManifest.Status.FAILED);
    assertThat(out.resolve("half.csv")).as("evidence of a failure mid-run is kept").exists();
  }

  @Test
  void anInputErrorBeforeAnyOutputLeavesNoDirectoryBehind() throws Exception {
    Path out = tmp.resolve("out");
    Outcome o = run(new Boom(out, new IllegalArgumentException("--x: bad"), false), "boom");
    assertThat(o.status()).isEqualTo(ExitCode.USAGE);
    assertThat(o.err()).contains("sycolab boom: error: --x: bad");
    assertThat(out).doesNotExist();

    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine);
    run(new Boom(mine, new IllegalArgumentException("--x: bad"), false), "boom");
    assertThat(mine).as("a directory the user made stays").isDirectory();
    assertThat(RunManifest.read(mine.resolve("manifest.json")).status())
        .isEqualTo(RunManifest.Status.FAILED);
  }
}
