package org.sycolab.stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sycolab.data.Datasets;
import org.sycolab.pull.InvalidScoresException;
import org.sycolab.pull.PoolSet;
import org.sycolab.pull.RewardScores;
import org.sycolab.pull.ScoresFile;

/** The replicates of a pull given as scores tables ({@code --scores}), one per seed. */
final class PullScoreFiles {

  private PullScoreFiles() {}

  /**
   * Reads every table against the evaluated pools, each a replicate named after its file; a
   * constant column, a missing row or two identical tables are refused here, before any work.
   *
   * @param sizes every pool's candidate count, evaluated or not (see {@link ScoresFile#sizes})
   */
  static List<RewardScores> read(List<Path> files, PoolSet poolSet, Map<String, Integer> sizes)
      throws IOException, InvalidScoresException {
    for (Path file : files) {
      Datasets.requireFile(file);
    }
    List<RewardScores> replicates = new ArrayList<>();
    List<String> names = replicateNames(files);
    for (int i = 0; i < files.size(); i++) {
      replicates.add(ScoresFile.read(files.get(i), names.get(i), poolSet, sizes));
    }
    ScoresFile.requireDistinct(
        "--scores",
        files,
        replicates.stream().map(r -> new double[][] {r.agreeable(), r.grounded()}).toList());
    replicates.forEach(RewardScores::standardised);
    return replicates;
  }

  /** File names without {@code .csv}; file1, file2, ... when two files share a name. */
  static List<String> replicateNames(List<Path> files) {
    Set<String> seen = new HashSet<>();
    List<String> names = new ArrayList<>();
    for (Path file : files) {
      names.add(file.getFileName().toString().replaceFirst("\\.csv$", ""));
    }
    boolean clash = names.stream().anyMatch(name -> !seen.add(name));
    if (clash) {
      names.clear();
      for (int i = 0; i < files.size(); i++) {
        names.add("file" + (i + 1));
      }
    }
    return names;
  }
}
