package org.sycolab.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class CorrelationTest {

  private static final Offset<Double> TIGHT = within(1e-12);

  @Test
  void pearsonOfASmallCase() {
    // x̄ = ȳ = 2.5; dx = -1.5, -0.5, 0.5, 1.5; dy = -0.5, -1.5, 1.5, 0.5.
    // Sxy = 0.75 + 0.75 + 0.75 + 0.75 = 3; Sxx = Syy = 2.25 + 0.25 + 0.25 + 2.25 = 5; r = 3/5.
    assertThat(Correlation.pearson(new double[] {1, 2, 3, 4}, new double[] {2, 1, 4, 3}))
        .isCloseTo(0.6, TIGHT);
  }

  @Test
  void pearsonOfAnExactLineIsPlusOrMinusOne() {
    double[] x = {0.1, 0.7, 1.3, 2.9};
    double[] down = {0.8, -0.4, -1.6, -4.8}; // 1 - 2x
    assertThat(Correlation.pearson(x, down)).isCloseTo(-1, TIGHT);
    assertThat(Correlation.pearson(x, x)).isCloseTo(1, TIGHT);
  }

  @Test
  void averageRanksGiveTiesTheMeanOfTheirRanks() {
    // Sorted 1, 2, 2, 3 take ranks 1, 2, 3, 4; the two 2s share (2 + 3)/2 = 2.5.
    assertThat(Correlation.averageRanks(new double[] {1, 2, 2, 3})).containsExactly(1, 2.5, 2.5, 4);
    // Sorted 10, 10, 10, 20, 30: the 10s share (1 + 2 + 3)/3 = 2, then 20 → 4, 30 → 5.
    assertThat(Correlation.averageRanks(new double[] {30, 10, 20, 10, 10}))
        .containsExactly(5, 2, 4, 2, 2);
    assertThat(Correlation.averageRanks(new double[0])).isEmpty();
  }

  @Test
  void spearmanWithTies() {
    // Ranks of x = [1, 2, 2, 3] are [1, 2.5, 2.5, 4]; of y = [1, 3, 2, 4] are [1, 3, 2, 4].
    // Both rank means are 2.5; deviations dx = -1.5, 0, 0, 1.5 and dy = -1.5, 0.5, -0.5, 1.5.
    // Sxy = 2.25 + 2.25 = 4.5; Sxx = 4.5; Syy = 2.25 + 0.25 + 0.25 + 2.25 = 5.
    // rho = 4.5 / sqrt(4.5 · 5) = sqrt(0.9).
    assertThat(Correlation.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4}))
        .isCloseTo(Math.sqrt(0.9), TIGHT);
  }

  @Test
  void monotoneButNonlinearIsPerfectForSpearmanOnly() {
    double[] x = {1, 2, 3, 4, 5};
    double[] cubes = {1, 8, 27, 64, 125};
    assertThat(Correlation.spearman(x, cubes)).isCloseTo(1, TIGHT);
    // x̄ = 3, ȳ = 225/5 = 45; dx = -2..2; dy = -44, -37, -18, 19, 80.
    // Sxy = 88 + 37 + 0 + 19 + 160 = 304; Sxx = 10;
    // Syy = 1936 + 1369 + 324 + 361 + 6400 = 10390; r = 304 / sqrt(103900) ≈ 0.943.
    assertThat(Correlation.pearson(x, cubes))
        .isCloseTo(304 / Math.sqrt(103900), TIGHT)
        .isLessThan(1);
  }

  @Test
  void zeroVarianceGivesNaN() {
    // 0.1 is not exact in binary, so the computed mean differs from it by a rounding error;
    // the result must still be NaN rather than a correlation of rounding noise.
    double[] constant = {0.1, 0.1, 0.1};
    double[] varying = {1, 2, 3};
    assertThat(Correlation.pearson(constant, varying)).isNaN();
    assertThat(Correlation.pearson(varying, constant)).isNaN();
    assertThat(Correlation.spearman(constant, varying)).isNaN();
  }

  @Test
  void rejectsMismatchedShortOrNonFiniteInput() {
    assertThatThrownBy(() -> Correlation.pearson(new double[] {1, 2, 3}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x has 3 values but y has 2");
    assertThatThrownBy(() -> Correlation.spearman(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x has 2 values but y has 1");
    assertThatThrownBy(() -> Correlation.pearson(new double[] {1}, new double[] {2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("need at least 2 pairs for a correlation, got 1");
    assertThatThrownBy(
            () -> Correlation.spearman(new double[] {1, 2}, new double[] {Double.NaN, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("y[0] is NaN");
  }
}
