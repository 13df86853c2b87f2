package org.sycolab.stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.DataSplit;
import org.sycolab.data.PreferencePair;

/**
 * Which records a stage evaluates ({@code --split}): those of one split, or {@value #ALL}. Records
 * without meta.split are split by prompt, as the train stage does.
 *
 * @param name {@code train}, {@code dev}, {@code test} or {@value #ALL}
 */
public record EvaluationSplit(String name) {

  /** Every record, whatever its split. */
  public static final String ALL = "all";

  /** The split evaluated by default ({@code --split}): the test split. */
  public static final String DEFAULT = "test";

  /** Checks the name. */
  public EvaluationSplit {
    Objects.requireNonNull(name, "name");
    if (!name.equals(ALL) && DataSplit.parse(name).isEmpty()) {
      throw new IllegalArgumentException(
          "--split must be train, dev, test or all, got '" + name + "'");
    }
  }

  /**
   * The pairs of this split.
   *
   * @throws IllegalArgumentException when there are none, naming {@code file}
   */
  public List<PreferencePair> pairs(List<PreferencePair> all, Path file) {
    return nonEmpty(
        all.stream().filter(pair -> includes(DataSplit.of(pair))).toList(), "pairs", file);
  }

  /**
   * The pools of this split.
   *
   * @throws IllegalArgumentException when there are none, naming {@code file}
   */
  public List<CandidatePool> pools(List<CandidatePool> all, Path file) {
    return nonEmpty(
        all.stream().filter(pool -> includes(DataSplit.of(pool))).toList(), "pools", file);
  }

  private boolean includes(DataSplit split) {
    Optional<DataSplit> wanted = DataSplit.parse(name);
    return wanted.map(one -> one == split).orElse(true);
  }

  private <T> List<T> nonEmpty(List<T> records, String what, Path file) {
    if (records.isEmpty()) {
      throw new IllegalArgumentException(
          "no " + what + " in " + file + " belong to split " + name + "; choose another --split");
    }
    return records;
  }
}
