package org.sycolab.pull;

import java.util.Arrays;

/** Percentiles of bootstrap replicates. */
final class Percentile {
  private Percentile() {}

  /**
   * The q-quantiles (0 ≤ q ≤ 1) of {@code values[0..count)}, each the order statistic at position
   * q·(m − 1) linearly interpolated (Hyndman and Fan's type 7); NaN values are left out, and every
   * quantile is NaN when none remain. Sorts the values in place, once for all quantiles.
   */
  static double[] of(double[] values, int count, double... qs) {
    int finite = dropNaN(values, count);
    double[] quantiles = new double[qs.length];
    if (finite == 0) {
      Arrays.fill(quantiles, Double.NaN);
      return quantiles;
    }
    Arrays.sort(values, 0, finite);
    for (int k = 0; k < qs.length; k++) {
      double position = qs[k] * (finite - 1);
      int below = (int) Math.floor(position);
      int above = Math.min(finite - 1, below + 1);
      double fraction = position - below;
      quantiles[k] =
          fraction == 0
              ? values[below]
              : values[below] + fraction * (values[above] - values[below]);
    }
    return quantiles;
  }

  /**
   * The q-quantiles of {@code values[0..count)} without interpolation: the smallest value whose
   * empirical distribution function reaches q (Hyndman and Fan's type 1), so a quantile is always
   * one of the values, e.g. a grid point. NaN values are left out. Sorts in place.
   */
  static double[] orderStatistics(double[] values, int count, double... qs) {
    int finite = dropNaN(values, count);
    double[] quantiles = new double[qs.length];
    if (finite == 0) {
      Arrays.fill(quantiles, Double.NaN);
      return quantiles;
    }
    Arrays.sort(values, 0, finite);
    for (int k = 0; k < qs.length; k++) {
      int rank = (int) Math.ceil(qs[k] * finite);
      quantiles[k] = values[Math.max(0, Math.min(finite - 1, rank - 1))];
    }
    return quantiles;
  }

  /** Moves the values that are not NaN to the front; returns how many there are. */
  private static int dropNaN(double[] values, int count) {
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (!Double.isNaN(values[i])) {
        values[kept++] = values[i];
      }
    }
    return kept;
  }
}
