package org.sycolab.cli;

import picocli.CommandLine.Option;

/** {@code --batch-size}: texts per backbone forward pass, for the commands that may embed. */
final class BatchSizeOption {

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "32",
      description =
          "Texts per backbone forward pass when features are missing (default: ${DEFAULT-VALUE}).")
  int value;

  /** Refuses a batch size below one. */
  void check() {
    if (value < 1) {
      throw new IllegalArgumentException("--batch-size must be positive, got " + value);
    }
  }
}
