package org.sycolab.pull;

/**
 * Exact best-of-n selection: draw n candidates from the reference π₀, keep the one of highest
 * reward. With F(y) = π₀(r ≤ r(y)) and F⁻(y) = π₀(r &lt; r(y)), the chosen reward level has
 * probability F(y)ⁿ − F⁻(y)ⁿ; a level shared by several candidates (a tie) is split among them in
 * proportion to π₀, which is what breaking ties uniformly among the drawn samples gives (and an
 * even split when π₀ is uniform). No sampling.
 */
public final class BestOfN {
  private BestOfN() {}

  /**
   * Selection probabilities of every candidate.
   *
   * @param reward one reward per candidate
   * @param reference π₀, non-negative, summing to one (a candidate of π₀ 0 is never drawn)
   * @param n how many draws, at least 1
   */
  public static double[] probabilities(double[] reward, double[] reference, int n) {
    checkSameLength(reward, reference);
    Ranking ranking = new Ranking(reward.length);
    ranking.rank(reward, reward.length);
    double[] out = new double[reward.length];
    probabilities(ranking, reference, 0, n, out);
    return out;
  }

  /**
   * Fills {@code out[0..size)} for a ranked pool whose reference probabilities start at {@code
   * reference[offset]}.
   */
  static void probabilities(Ranking ranking, double[] reference, int offset, int n, double[] out) {
    if (n < 1) {
      throw new IllegalArgumentException("best-of-n needs n >= 1, got " + n);
    }
    double total = 0;
    for (int i = 0; i < ranking.size(); i++) {
      total += reference[offset + i];
    }
    if (n == 1) {
      // One draw is π₀ itself; exact, without the rounding of F − F⁻.
      for (int i = 0; i < ranking.size(); i++) {
        out[i] = reference[offset + i] / total;
      }
      return;
    }
    double below = 0;
    double belowPower = 0;
    for (int g = 0; g < ranking.groups(); g++) {
      double mass = 0;
      for (int i = ranking.groupStart(g); i < ranking.groupEnd(g); i++) {
        mass += reference[offset + ranking.candidate(i)];
      }
      double upTo = g == ranking.groups() - 1 ? 1.0 : Math.min(1.0, (below + mass) / total);
      double upToPower = Math.pow(upTo, n);
      double level = upToPower - belowPower;
      for (int i = ranking.groupStart(g); i < ranking.groupEnd(g); i++) {
        int c = ranking.candidate(i);
        // A level π₀ never draws (log-probs far below the pool's best underflow to 0) is never
        // selected; its level is 0 but for rounding, and 0/0 would make the pool NaN.
        out[c] = mass > 0 ? level * reference[offset + c] / mass : 0;
      }
      below += mass;
      belowPower = upToPower;
    }
  }

  /**
   * KL(best-of-n ‖ π₀) when rewards have no ties (the continuous case): log n − (n − 1)/n. Ties and
   * small pools make the exact value smaller.
   */
  public static double continuousKl(int n) {
    return Math.log(n) - (n - 1.0) / n;
  }

  static void checkSameLength(double[] reward, double[] reference) {
    if (reward.length != reference.length || reward.length == 0) {
      throw new IllegalArgumentException(
          "need one reference probability per reward, got "
              + reward.length
              + " rewards and "
              + reference.length
              + " probabilities");
    }
  }
}
