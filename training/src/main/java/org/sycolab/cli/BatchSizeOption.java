package org.sycolab.cli;

import org.sycolab.backbone.BackboneOptions;
import picocli.CommandLine.Option;

/** {@code --batch-size}: texts per backbone forward pass, for the commands that may embed. */
final class BatchSizeOption {

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "" + BackboneOptions.BATCH_SIZE,
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
