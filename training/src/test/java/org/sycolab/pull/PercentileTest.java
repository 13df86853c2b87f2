package org.sycolab.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentileTest {

  @Test
  void interpolatesBetweenOrderStatisticsAndLeavesNaNOut() {
    // Finite values 1..5 (m = 5): q = 0.1 sits at position 0.4 between 1 and 2 → 1.4; q = 0.25
    // at position 1 → 2; q = 1 → 5.
    double[] values = {5, Double.NaN, 3, 1, 4, 2, Double.NaN};
    assertThat(Percentile.of(values, values.length, 0.1, 0.25, 1))
        .containsExactly(new double[] {1.4, 2, 5}, within(1e-12));
  }

  @Test
  void orderStatisticsAreAlwaysOneOfTheValues() {
    // Type 1 over 1..5: q = 0.2 → the 1st value, q = 0.21 → the 2nd, q = 0.975 → the 5th.
    double[] values = {0.5, 0.1, Double.POSITIVE_INFINITY, 0.3, 0.2};
    assertThat(Percentile.orderStatistics(values, values.length, 0.2, 0.21, 0.975))
        .containsExactly(0.1, 0.2, Double.POSITIVE_INFINITY);
  }

  @Test
  void onlyNaNGivesNaN() {
    double[] values = {Double.NaN, Double.NaN};
    assertThat(Percentile.of(values, 2, 0.5)[0]).isNaN();
    assertThat(Percentile.orderStatistics(values, 2, 0.5)[0]).isNaN();
  }
}
