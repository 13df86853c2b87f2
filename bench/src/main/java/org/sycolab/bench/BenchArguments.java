package org.sycolab.bench;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Checks of benchmark arguments beyond their types. */
final class BenchArguments {

  private BenchArguments() {}

  /** Refuses a count below 1 as a usage error (exit 2). */
  static void positive(CommandSpec spec, String option, long value) {
    if (value < 1) {
      throw new ParameterException(
          spec.commandLine(), option + ": expected a positive number, got " + value);
    }
  }
}
