package org.sycolab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.DataSplit;
import org.sycolab.data.PreferencePair;
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

  private Optional<DataSplit> selected;

  /** Refuses an unknown split name. */
  void check() {
    selected();
  }

  /** The split asked for; empty for {@code all}. Parsed once. */
  private Optional<DataSplit> selected() {
    if (selected == null) {
      selected =
          name.equals("all")
              ? Optional.empty()
              : Optional.of(
                  DataSplit.parse(name)
                      .orElseThrow(
                          () ->
                              new IllegalArgumentException(
                                  "--split must be train, dev, test or all, got '" + name + "'")));
    }
    return selected;
  }

  /**
   * The pairs of the split asked for.
   *
   * @throws IllegalArgumentException when there are none, naming {@code file}
   */
  List<PreferencePair> pairs(List<PreferencePair> all, Path file) {
    return nonEmpty(
        all.stream().filter(pair -> includes(DataSplit.of(pair))).toList(), "pairs", file);
  }

  /**
   * The pools of the split asked for.
   *
   * @throws IllegalArgumentException when there are none, naming {@code file}
   */
  List<CandidatePool> pools(List<CandidatePool> all, Path file) {
    return nonEmpty(
        all.stream().filter(pool -> includes(DataSplit.of(pool))).toList(), "pools", file);
  }

  private boolean includes(DataSplit split) {
    return selected().map(wanted -> wanted == split).orElse(true);
  }

  private <T> List<T> nonEmpty(List<T> records, String what, Path file) {
    if (records.isEmpty()) {
      throw new IllegalArgumentException(
          "no " + what + " in " + file + " belong to split " + name + "; choose another --split");
    }
    return records;
  }
}
