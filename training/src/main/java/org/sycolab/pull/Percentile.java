package org.sycolab.pull;

import java.util.Arrays;

/** Percentiles of bootstrap replicates, linearly interpolated between order statistics. */
final class Percentile {
  private Percentile() {}

  /**
   * The q-quantile (0 ≤ q ≤ 1) of the values, with the order statistic at position q·(m − 1)
   * interpolated (Hyndman and Fan's type 7); NaN values are left out, and NaN is returned when none
   * remain. Sorts {@code values} in place.
   */
  static double of(double[] values, int count, double q) {
    int finite = 0;
    for (int i = 0; i < count; i++) {
      if (!Double.isNaN(values[i])) {
        values[finite++] = values[i];
      }
    }
    if (finite == 0) {
      return Double.NaN;
    }
    Arrays.sort(values, 0, finite);
    double position = q * (finite - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(finite - 1, below + 1);
    double fraction = position - below;
    if (fraction == 0) {
      return values[below];
    }
    return values[below] + fraction * (values[above] - values[below]);
  }
}
