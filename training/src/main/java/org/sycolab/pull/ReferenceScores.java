package org.sycolab.pull;

import java.util.List;
import org.sycolab.stats.SampleMoments;

/**
 * The replicates a reference selector is swept with: one per head seed, each pairing that seed's
 * z_A with the reference's own score, standardised over the evaluated candidates, in the grounded
 * place. Swept and averaged as the heads' seeds are, so that at λ = 1 every reward selects exactly
 * what the heads select, and at λ = 0 the reference alone selects, whatever the number of seeds.
 *
 * <p>Binary references give exactly two z values, so tied candidates get bit-identical rewards and
 * best-of-n and the tilt treat them as ties. A reference that scores every candidate alike (no
 * candidate agrees, say) prefers nothing: its z is 0 everywhere.
 */
final class ReferenceScores {
  private ReferenceScores() {}

  /**
   * One replicate per head seed: its z_A beside {@code reward}'s standardised score.
   *
   * @param standardised the heads' replicates, each standardised
   */
  static List<RewardScores> of(Reward reward, PoolSet pools, List<RewardScores> standardised) {
    double[] raw = new double[pools.candidateCount()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = reward.score(pools, i);
    }
    double[] z = SampleMoments.zScores(raw);
    return standardised.stream()
        .map(seed -> new RewardScores(reward.id() + "/" + seed.name(), seed.agreeable(), z))
        .toList();
  }
}
