package org.sycolab.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Pearson and Spearman correlation, as used to compare two reward heads' scores on the same items.
 */
public final class Correlation {

  private Correlation() {}

  /**
   * The Pearson correlation of paired values, computed in two passes (means, then centred sums).
   * Returns {@link Double#NaN} when either side has zero variance (all its values equal).
   *
   * @throws IllegalArgumentException when the lengths differ, there are fewer than two pairs, or a
   *     value is not finite
   */
  public static double pearson(double[] x, double[] y) {
    checkPairs(x, y);
    if (isConstant(x) || isConstant(y)) {
      return Double.NaN;
    }
    double meanX = Arrays.stream(x).average().orElseThrow();
    double meanY = Arrays.stream(y).average().orElseThrow();
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      double dx = x[i] - meanX;
      double dy = y[i] - meanY;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
    }
    double r = sxy / (Math.sqrt(sxx) * Math.sqrt(syy));
    // Rounding can carry a perfect correlation a hair past ±1.
    return Math.max(-1, Math.min(1, r));
  }

  /**
   * The Spearman rank correlation: the Pearson correlation of the values' average ranks, so tied
   * values share the mean of their ranks. Returns {@link Double#NaN} when either side has all
   * values equal.
   *
   * @throws IllegalArgumentException as {@link #pearson}
   */
  public static double spearman(double[] x, double[] y) {
    checkPairs(x, y);
    return pearson(averageRanks(x), averageRanks(y));
  }

  /**
   * The 1-based rank of each value in ascending order, tied values getting the mean of the ranks
   * they span (for {@code [1, 2, 2, 3]}: {@code [1, 2.5, 2.5, 4]}).
   *
   * @throws IllegalArgumentException when a value is not finite
   */
  public static double[] averageRanks(double[] values) {
    checkFinite("values", values);
    Integer[] order =
        IntStream.range(0, values.length)
            .boxed()
            .sorted(Comparator.comparingDouble(i -> values[i]))
            .toArray(Integer[]::new);
    double[] ranks = new double[values.length];
    int start = 0;
    while (start < order.length) {
      int end = start + 1;
      while (end < order.length && values[order[end]] == values[order[start]]) {
        end++;
      }
      // Sorted positions start..end-1 hold ranks start+1..end, whose mean is (start+1+end)/2.
      double rank = (start + 1 + end) / 2.0;
      for (int i = start; i < end; i++) {
        ranks[order[i]] = rank;
      }
      start = end;
    }
    return ranks;
  }

  private static void checkPairs(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
    }
    if (x.length < 2) {
      throw new IllegalArgumentException(
          "need at least 2 pairs for a correlation, got " + x.length);
    }
    checkFinite("x", x);
    checkFinite("y", y);
  }

  private static void checkFinite(String name, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(name + "[" + i + "] is " + values[i]);
      }
    }
  }

  private static boolean isConstant(double[] values) {
    return Arrays.stream(values).allMatch(value -> value == values[0]);
  }
}
