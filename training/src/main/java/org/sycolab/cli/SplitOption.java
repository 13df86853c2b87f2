package org.sycolab.cli;

import org.sycolab.stage.EvaluationSplit;
import picocli.CommandLine.Option;

/** {@code --split}: which records a command evaluates (held-out test by default). */
final class SplitOption {

  @Option(
      names = "--split",
      paramLabel = "S",
      defaultValue = EvaluationSplit.DEFAULT,
      description =
          "Records to evaluate: train, dev, test or all (default: ${DEFAULT-VALUE}). Records"
              + " without meta.split are split by prompt, as train does.")
  String name;

  /**
   * The split asked for.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  EvaluationSplit selected() {
    return new EvaluationSplit(name);
  }
}
