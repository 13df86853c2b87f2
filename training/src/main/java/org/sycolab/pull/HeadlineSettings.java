package org.sycolab.pull;

import java.util.List;

/**
 * The settings a sweep's headline is read at: best-of-16 and λ = 0, ½ and 1, or the grid's nearest
 * values when the sweep lacks them. The terminal summary of {@code pull} and the report both read
 * their headline here, so they always quote the same settings.
 *
 * @param n the best-of-n size nearest 16
 * @param low the smallest λ (0: the pull is measured from it)
 * @param middle the λ nearest ½
 * @param high the largest λ
 */
public record HeadlineSettings(int n, double low, double middle, double high) {

  /** The best-of-n size a headline is wanted at. */
  public static final int WANTED_N = 16;

  /** The λ the pull is wanted at. */
  public static final double WANTED_MIDDLE = 0.5;

  /** The settings nearest the wanted ones on a grid of ascending best-of-n sizes and λ. */
  public static HeadlineSettings on(List<Integer> ns, List<Double> lambdas) {
    return new HeadlineSettings(
        (int) nearest(ns.stream().map(Integer::doubleValue).toList(), WANTED_N),
        lambdas.get(0),
        nearest(lambdas, WANTED_MIDDLE),
        lambdas.get(lambdas.size() - 1));
  }

  /** The grid value nearest {@code target}; the smaller one on a tie. */
  public static double nearest(List<Double> grid, double target) {
    double best = grid.get(0);
    for (double value : grid) {
      if (Math.abs(value - target) < Math.abs(best - target)) {
        best = value;
      }
    }
    return best;
  }
}
