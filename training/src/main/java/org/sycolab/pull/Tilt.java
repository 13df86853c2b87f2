package org.sycolab.pull;

/**
 * The KL-regularised optimum over a finite pool: π_β(y) ∝ π₀(y)·exp(r(y)/β). Large β keeps π₀,
 * small β approaches the argmax (ties split in proportion to π₀).
 */
public final class Tilt {
  private Tilt() {}

  /**
   * Tilted probabilities of every candidate.
   *
   * @param reward one reward per candidate
   * @param reference π₀, positive, summing to one
   * @param beta temperature, positive
   */
  public static double[] probabilities(double[] reward, double[] reference, double beta) {
    BestOfN.checkSameLength(reward, reference);
    double[] logReference = new double[reference.length];
    for (int i = 0; i < reference.length; i++) {
      logReference[i] = Math.log(reference[i]);
    }
    double[] out = new double[reward.length];
    probabilities(reward, logReference, 0, reward.length, beta, out);
    return out;
  }

  /**
   * Fills {@code out[0..size)} from {@code reward[0..size)} and log π₀ starting at {@code
   * logReference[offset]}, in log space so that small β does not overflow.
   */
  static void probabilities(
      double[] reward, double[] logReference, int offset, int size, double beta, double[] out) {
    if (!(beta > 0)) {
      throw new IllegalArgumentException("the tilt needs beta > 0, got " + beta);
    }
    // Rewards relative to the best, so that for small β the largest terms are exactly 0 and
    // log π₀ keeps its precision beside them.
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < size; i++) {
      best = Math.max(best, reward[i]);
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < size; i++) {
      out[i] = logReference[offset + i] + (reward[i] - best) / beta;
      max = Math.max(max, out[i]);
    }
    double sum = 0;
    for (int i = 0; i < size; i++) {
      out[i] = Math.exp(out[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < size; i++) {
      out[i] /= sum;
    }
  }
}
