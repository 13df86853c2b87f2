package org.sycolab.stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sycolab.data.DataSplit;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import org.sycolab.heads.TrainingTarget;
import org.sycolab.run.RunLayout;

/**
 * The pairs each head of a train stage learns from, by split, checked before any work: the excluded
 * domains left out, every pair in its split (meta.split, or by prompt), each target's selection per
 * seed, and the test split's grounded pairs every head is judged on against the truth.
 *
 * @param heads head name ({@code <label>-seed<s>}) → its pairs by split, in the order of training
 * @param truthPairs the test split's grounded pairs
 * @param used the pairs some head or the truth needs, in file order: those to embed
 * @param splitSource {@code meta} when every pair declares its split, {@code prompt-hash} when none
 *     does, {@code meta+prompt-hash} otherwise
 */
record TrainingSelection(
    Map<String, Map<DataSplit, List<PreferencePair>>> heads,
    List<PreferencePair> truthPairs,
    List<PreferencePair> used,
    String splitSource) {

  /**
   * Selects from {@code all}, the pairs of {@code config.pairs()}.
   *
   * @throws IllegalArgumentException naming the file and option, for an excluded domain no pair
   *     has, a pair whose split is not one, or a head without training or dev pairs
   */
  static TrainingSelection of(TrainConfig config, List<PreferencePair> all) {
    Path file = config.pairs();
    List<PreferencePair> pairs = withoutDomains(all, config.excludedDomains(), file);
    Map<PreferencePair, DataSplit> splits = new IdentityHashMap<>();
    int declared = 0;
    for (PreferencePair pair : pairs) {
      try {
        declared += DataSplit.declared(pair).isPresent() ? 1 : 0;
        splits.put(pair, DataSplit.of(pair));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
      }
    }
    String splitSource =
        declared == pairs.size() ? "meta" : declared == 0 ? "prompt-hash" : "meta+prompt-hash";

    Map<String, Map<DataSplit, List<PreferencePair>>> heads = new LinkedHashMap<>();
    Set<PreferencePair> used = Collections.newSetFromMap(new IdentityHashMap<>());
    for (TrainingTarget target : config.targets()) {
      for (long seed : config.seeds()) {
        List<PreferencePair> selected = target.select(pairs, seed);
        heads.put(
            RunLayout.headDirectory(target.fileName(), seed),
            requireSplits(target, seed, selected, splits, file));
        used.addAll(selected);
      }
    }
    List<PreferencePair> truthPairs =
        pairs.stream()
            .filter(pair -> pair.label() == Label.GROUNDED && splits.get(pair) == DataSplit.TEST)
            .toList();
    used.addAll(truthPairs);
    return new TrainingSelection(
        heads, truthPairs, pairs.stream().filter(used::contains).toList(), splitSource);
  }

  /**
   * A head's pairs by split. Every head needs training and dev pairs; say which label lacks them,
   * before any work.
   */
  private static Map<DataSplit, List<PreferencePair>> requireSplits(
      TrainingTarget target,
      long seed,
      List<PreferencePair> selected,
      Map<PreferencePair, DataSplit> splits,
      Path file) {
    if (selected.isEmpty()) {
      throw new IllegalArgumentException(
          file
              + " has no pairs for --label "
              + target
              + (target.isMixture()
                  ? " (a mixture needs prompts with meta.premise false and both labels)"
                  : ""));
    }
    Map<DataSplit, List<PreferencePair>> bySplit = new EnumMap<>(DataSplit.class);
    for (DataSplit split : DataSplit.values()) {
      bySplit.put(split, new ArrayList<>());
    }
    selected.forEach(pair -> bySplit.get(splits.get(pair)).add(pair));
    for (DataSplit needed : List.of(DataSplit.TRAIN, DataSplit.DEV)) {
      if (bySplit.get(needed).isEmpty()) {
        throw new IllegalArgumentException(
            file
                + ": no "
                + needed.id()
                + " pairs for --label "
                + target
                + " (seed "
                + seed
                + "); a head needs train pairs to learn from and dev pairs for early stopping");
      }
    }
    return bySplit;
  }

  /** The pairs outside {@code domains}; each domain must occur, so a typo does not pass. */
  private static List<PreferencePair> withoutDomains(
      List<PreferencePair> pairs, List<String> domains, Path file) {
    if (domains.isEmpty()) {
      return pairs;
    }
    Set<String> present = new TreeSet<>();
    pairs.forEach(pair -> pair.metaString("domain").ifPresent(present::add));
    for (String domain : domains) {
      if (!present.contains(domain)) {
        throw new IllegalArgumentException(
            "--exclude-domains: no pair of "
                + file
                + " has meta.domain '"
                + domain
                + "'; domains there: "
                + (present.isEmpty() ? "none" : String.join(", ", present)));
      }
    }
    return pairs.stream()
        .filter(pair -> pair.metaString("domain").map(d -> !domains.contains(d)).orElse(true))
        .toList();
  }
}
