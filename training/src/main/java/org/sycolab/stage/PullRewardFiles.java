package org.sycolab.stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.sycolab.data.Datasets;
import org.sycolab.pull.InvalidScoresException;
import org.sycolab.pull.PoolSet;
import org.sycolab.pull.RewardScores;
import org.sycolab.pull.ScoresFile;
import org.sycolab.stats.SampleMoments;

/** The audited reward's tables ({@code --reward}), as {@code sycolab score} writes them. */
final class PullRewardFiles {

  private PullRewardFiles() {}

  /**
   * Reads every table against the evaluated pools. A missing row, a reward that is the same for
   * every candidate, or one table given twice is refused here, before any work.
   *
   * @param sizes every pool's candidate count, evaluated or not (see {@link ScoresFile#sizes})
   * @return each file's reward of every candidate, in the order given
   */
  static List<double[]> read(List<Path> files, PoolSet poolSet, Map<String, Integer> sizes)
      throws IOException, InvalidScoresException {
    for (Path file : files) {
      Datasets.requireFile(file);
    }
    List<double[]> rewards = new ArrayList<>();
    for (Path file : files) {
      double[] reward = ScoresFile.readReward(file, poolSet, sizes);
      requireSpread(file, reward);
      rewards.add(reward);
    }
    ScoresFile.requireDistinct(
        "--reward", files, rewards.stream().map(r -> new double[][] {r}).toList());
    return rewards;
  }

  /** The audited reward alone: one replicate per file, named after it. */
  static List<RewardScores> alone(List<Path> files, List<double[]> rewards) {
    List<String> names = PullScoreFiles.replicateNames(files);
    List<RewardScores> replicates = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      replicates.add(RewardScores.audited(names.get(i), rewards.get(i)));
    }
    return replicates;
  }

  /**
   * The audited reward of each of {@code seeds} grounded heads: the one file's for every seed, or
   * the file given in the same place as the head.
   */
  static List<double[]> perSeed(List<double[]> rewards, int seeds) {
    return rewards.size() == 1 ? Collections.nCopies(seeds, rewards.get(0)) : rewards;
  }

  /** z-scores need the reward to tell candidates apart; say which file does not. */
  private static void requireSpread(Path file, double[] reward) {
    SampleMoments moments = reward.length < 2 ? null : SampleMoments.of(reward);
    if (moments != null && !(Double.isFinite(moments.mean()) && Double.isFinite(moments.sd()))) {
      throw new IllegalArgumentException(
          file
              + ": the rewards are too large to standardise (their mean or standard deviation"
              + " overflows); rescale them");
    }
    if (moments == null || !(moments.sd() > 0)) {
      throw new IllegalArgumentException(
          file
              + ": the reward is the same for all "
              + reward.length
              + " evaluated candidates; z-scores are undefined and it prefers nothing");
    }
  }
}
