package org.sycolab.pull;

import java.util.Arrays;

/**
 * Percentiles of bootstrap replicates. NaN values (resamples without the statistic) are left out.
 */
final class Percentile {
  private Percentile() {}

  /** How a quantile is read off the sorted values. */
  private interface Rule {
    double quantile(double[] sorted, int m, double q);
  }

  /**
   * The q-quantiles (0 ≤ q ≤ 1) of {@code values[0..count)}, each the order statistic at position
   * q·(m − 1) linearly interpolated (Hyndman and Fan's type 7); every quantile is NaN when no value
   * remains. Sorts the values in place, once for all quantiles.
   */
  static double[] of(double[] values, int count, double... qs) {
    return quantiles(values, count, qs, Percentile::interpolated);
  }

  /**
   * The q-quantiles without interpolation: the smallest value whose empirical distribution function
   * reaches q (type 1), so a quantile is always one of the values, e.g. a grid point.
   */
  static double[] orderStatistics(double[] values, int count, double... qs) {
    return quantiles(values, count, qs, Percentile::inverseDistribution);
  }

  private static double[] quantiles(double[] values, int count, double[] qs, Rule rule) {
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (!Double.isNaN(values[i])) {
        values[kept++] = values[i];
      }
    }
    double[] quantiles = new double[qs.length];
    Arrays.sort(values, 0, kept);
    for (int k = 0; k < qs.length; k++) {
      quantiles[k] = kept == 0 ? Double.NaN : rule.quantile(values, kept, qs[k]);
    }
    return quantiles;
  }

  private static double interpolated(double[] sorted, int m, double q) {
    double position = q * (m - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(m - 1, below + 1);
    double fraction = position - below;
    return fraction == 0
        ? sorted[below]
        : sorted[below] + fraction * (sorted[above] - sorted[below]);
  }

  private static double inverseDistribution(double[] sorted, int m, double q) {
    int rank = (int) Math.ceil(q * m);
    return sorted[Math.max(0, Math.min(m - 1, rank - 1))];
  }
}
