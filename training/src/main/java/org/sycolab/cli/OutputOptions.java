package org.sycolab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.sycolab.run.RunDirectory;
import picocli.CommandLine.Option;

/** {@code --out DIR}, accepted by every command that writes files. */
final class OutputOptions {

  /** Environment variable that moves the default {@code runs/} directory. */
  static final String RUNS_ENV = "SYCOLAB_RUNS";

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Write into DIR (created if needed; an existing one is reused). Default: a new"
              + " runs/<command>-<timestamp>/ under the current directory, or under $"
              + RUNS_ENV
              + ".")
  Path out;

  /** Opens the directory given with {@code --out}, or a fresh one named after the command. */
  RunDirectory open(String name) throws IOException {
    if (out != null) {
      return RunDirectory.at(out);
    }
    return RunDirectory.create(runsRoot(), name, Clock.systemDefaultZone());
  }

  /** Where new run directories go: {@code $SYCOLAB_RUNS}, or {@code runs/} here. */
  static Path runsRoot() {
    String runs = System.getenv(RUNS_ENV);
    return (runs == null || runs.isBlank() ? Path.of("runs") : Path.of(runs)).toAbsolutePath();
  }

  /** True when the user gave {@code --out}. */
  boolean given() {
    return out != null;
  }
}
