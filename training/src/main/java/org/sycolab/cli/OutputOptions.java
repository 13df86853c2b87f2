package org.sycolab.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.sycolab.run.RunDirectory;
import picocli.CommandLine.Option;

/** {@code --out DIR}, accepted by every command that writes files. */
final class OutputOptions {

  static final String RUNS_ENV = RunDirectory.RUNS_ENV;

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
    return RunDirectory.atOrFresh(out, name);
  }

  /** True when the user gave {@code --out}. */
  boolean given() {
    return out != null;
  }
}
