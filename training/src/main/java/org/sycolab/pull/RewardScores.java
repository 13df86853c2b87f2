package org.sycolab.pull;

import org.sycolab.stats.SampleMoments;

/**
 * Both heads' scores of every candidate of a {@link PoolSet}, in its flat order: one replicate (a
 * head seed, or one scores file).
 *
 * @param name what the replicate is called in tables, e.g. {@code seed1}
 * @param agreeable the agreeable head's score of each candidate
 * @param grounded the grounded head's score of each candidate
 */
public record RewardScores(String name, double[] agreeable, double[] grounded) {

  /** Checks both heads score the same candidates with finite numbers. */
  public RewardScores {
    if (agreeable.length != grounded.length) {
      throw new IllegalArgumentException(
          name
              + ": "
              + agreeable.length
              + " agreeable scores but "
              + grounded.length
              + " grounded scores");
    }
    for (int i = 0; i < agreeable.length; i++) {
      if (!Double.isFinite(agreeable[i]) || !Double.isFinite(grounded[i])) {
        throw new IllegalArgumentException(name + ": candidate " + i + " has a non-finite score");
      }
    }
  }

  /**
   * An audited reward alone as a replicate: its scores in both places, so that at λ = 0 (the only λ
   * of an audit) r is the audited reward, each reference selector alone stands in for it, and the
   * approval of a selection is the audited reward's z-score of it.
   */
  public static RewardScores audited(String name, double[] reward) {
    return new RewardScores(name, reward, reward);
  }

  /**
   * Each head standardised over every candidate: z = (s − mean) / sd, with the sample standard
   * deviation.
   *
   * @throws IllegalArgumentException when a head gives every candidate the same score, or scores so
   *     large that their mean or spread overflows
   */
  public RewardScores standardised() {
    return new RewardScores(
        name, standardise(agreeable, "agreeable"), standardise(grounded, "grounded"));
  }

  private double[] standardise(double[] scores, String head) {
    if (scores.length < 2) {
      throw new IllegalArgumentException(
          name + ": z-scores need at least two candidates, got " + scores.length);
    }
    SampleMoments moments = SampleMoments.of(scores);
    if (!Double.isFinite(moments.mean()) || !Double.isFinite(moments.sd())) {
      throw new IllegalArgumentException(
          name
              + ": the "
              + head
              + " scores are too large to standardise (their mean or standard deviation"
              + " overflows); rescale them");
    }
    if (!(moments.sd() > 0)) {
      throw new IllegalArgumentException(
          name
              + ": the "
              + head
              + " scores are the same for all "
              + scores.length
              + " candidates; z-scores are undefined");
    }
    double[] z = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      z[i] = moments.z(scores[i]);
    }
    return z;
  }
}
