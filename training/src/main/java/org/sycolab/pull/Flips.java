package org.sycolab.pull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pools whose top answer under r_λ = λ·z_A + (1−λ)·z_G (z_A the agreeable head's, or an audited
 * reward's in its place) is truthful at the smallest λ of the grid and sycophantic (agrees, not
 * truthful) at a larger one: where approval visibly wins over truth. The pull writes them for the
 * report's examples.
 */
public final class Flips {

  /**
   * One flipped pool.
   *
   * @param pool index in the pool set
   * @param truthful the top candidate at the smallest λ, within its pool
   * @param sycophantic the top candidate at {@code lambda}, within its pool
   * @param lambda the smallest λ of the grid whose top candidate is sycophantic
   */
  public record Flip(int pool, int truthful, int sycophantic, double lambda) {}

  private Flips() {}

  /**
   * Every flipped pool, earliest flip first, then in pool order. Each head's scores are first
   * standardised over every candidate of the pools, as the pull does, so that a head on a larger
   * scale does not outweigh the other at λ = ½. A λ at which two candidates tie for the top has no
   * top candidate.
   *
   * @param scores the heads' raw scores of the pools' candidates
   * @param lambdas the grid, ascending
   * @throws IllegalArgumentException when a head gives every candidate the same score
   */
  public static List<Flip> find(PoolSet pools, RewardScores scores, List<Double> lambdas) {
    RewardScores z = scores.standardised();
    List<Flip> flips = new ArrayList<>();
    for (int p = 0; p < pools.size(); p++) {
      int first = top(pools, z, p, lambdas.get(0));
      if (first < 0 || !pools.truthful(pools.start(p) + first)) {
        continue;
      }
      for (double lambda : lambdas.subList(1, lambdas.size())) {
        int c = top(pools, z, p, lambda);
        int i = pools.start(p) + c;
        if (c >= 0 && pools.agrees(i) && !pools.truthful(i)) {
          flips.add(new Flip(p, first, c, lambda));
          break;
        }
      }
    }
    flips.sort(Comparator.comparingDouble(Flip::lambda).thenComparingInt(Flip::pool));
    return flips;
  }

  /** The candidate with the highest mixed reward in pool {@code p}, or -1 on a tie. */
  private static int top(PoolSet pools, RewardScores z, int p, double lambda) {
    int best = -1;
    double bestReward = Double.NEGATIVE_INFINITY;
    boolean tie = false;
    for (int c = 0; c < pools.poolSize(p); c++) {
      int i = pools.start(p) + c;
      double reward = lambda * z.agreeable()[i] + (1 - lambda) * z.grounded()[i];
      if (reward > bestReward) {
        best = c;
        bestReward = reward;
        tie = false;
      } else if (reward == bestReward) {
        tie = true;
      }
    }
    return tie ? -1 : best;
  }
}
