package org.sycolab.pull;

import java.util.List;
import org.sycolab.stats.SampleMoments;

/**
 * The one replicate a reference selector is swept with: the agreeable side is the heads' z_A (with
 * several head seeds, the mean of their z_A, standardised again, so there is one copy of each
 * reference whatever the number of seeds), the grounded side the reference's own score,
 * standardised over the evaluated candidates.
 *
 * <p>Binary references give exactly two z values, so tied candidates get bit-identical rewards and
 * best-of-n and the tilt treat them as ties. A reference that scores every candidate alike (no
 * candidate agrees, say) prefers nothing: its z is 0 everywhere.
 */
final class ReferenceScores {
  private ReferenceScores() {}

  /**
   * Already standardised scores of {@code reward} over {@code pools}.
   *
   * @param standardised the heads' replicates, each standardised
   */
  static RewardScores of(Reward reward, PoolSet pools, List<RewardScores> standardised) {
    double[] raw = new double[pools.candidateCount()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = reward.score(pools, i);
    }
    return new RewardScores(reward.id(), agreeable(standardised), standardise(raw));
  }

  /** One seed's z_A as it is; several seeds' mean z_A, standardised again. */
  private static double[] agreeable(List<RewardScores> standardised) {
    if (standardised.size() == 1) {
      return standardised.get(0).agreeable();
    }
    double[] mean = new double[standardised.get(0).agreeable().length];
    for (RewardScores replicate : standardised) {
      for (int i = 0; i < mean.length; i++) {
        mean[i] += replicate.agreeable()[i];
      }
    }
    for (int i = 0; i < mean.length; i++) {
      mean[i] /= standardised.size();
    }
    return standardise(mean);
  }

  /** (s − mean) / sd with the sample sd; 0 everywhere when every score is the same. */
  static double[] standardise(double[] scores) {
    SampleMoments moments = SampleMoments.of(scores);
    double[] z = new double[scores.length];
    if (moments.sd() > 0) {
      for (int i = 0; i < scores.length; i++) {
        z[i] = moments.z(scores[i]);
      }
    }
    return z;
  }
}
