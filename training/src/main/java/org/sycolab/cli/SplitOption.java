package org.sycolab.cli;

import java.util.Optional;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.PreferencePair;
import org.sycolab.heads.DataSplit;
import picocli.CommandLine.Option;

/** {@code --split}: which records a command evaluates (held-out test by default). */
final class SplitOption {

  @Option(
      names = "--split",
      paramLabel = "S",
      defaultValue = "test",
      description =
          "Records to evaluate: train, dev, test or all (default: ${DEFAULT-VALUE}). Records"
              + " without meta.split are split by prompt, as train does.")
  String name;

  /** Refuses an unknown split name. */
  void check() {
    selected();
  }

  /** The split asked for; empty for {@code all}. */
  Optional<DataSplit> selected() {
    if (name.equals("all")) {
      return Optional.empty();
    }
    return Optional.of(
        DataSplit.parse(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "--split must be train, dev, test or all, got '" + name + "'")));
  }

  /** Whether a pair belongs to the split asked for. */
  boolean includes(PreferencePair pair) {
    return selected().map(split -> DataSplit.of(pair) == split).orElse(true);
  }

  /** Whether a pool belongs to the split asked for. */
  boolean includes(CandidatePool pool) {
    return selected().map(split -> DataSplit.of(pool) == split).orElse(true);
  }
}
