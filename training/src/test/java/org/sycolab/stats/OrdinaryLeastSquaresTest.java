package org.sycolab.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class OrdinaryLeastSquaresTest {

  private static final Offset<Double> TIGHT = within(1e-12);
  private static final List<String> TWO_BY_TWO =
      List.of("(intercept)", "agrees", "truthful", "agrees:truthful");

  /**
   * Rows of the saturated 2×2 design (1, agrees, truthful, agrees·truthful) for the given cells,
   * each cell given as {agrees, truthful, y...}.
   */
  private static Data twoByTwo(double[]... cells) {
    List<double[]> rows = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (double[] cell : cells) {
      double agrees = cell[0];
      double truthful = cell[1];
      for (int i = 2; i < cell.length; i++) {
        rows.add(new double[] {1, agrees, truthful, agrees * truthful});
        ys.add(cell[i]);
      }
    }
    return new Data(
        rows.toArray(double[][]::new), ys.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private record Data(double[][] design, double[] y) {}

  @Test
  void saturatedTwoByTwoRecoversTheCellMeanContrasts() {
    // Cell (agrees, truthful): values          n   mean  within-cell sum of squares
    // (0,0): 1, 3                              2   2     1 + 1         = 2
    // (1,0): 4, 5, 6                           3   5     1 + 0 + 1     = 2
    // (0,1): 6, 8                              2   7     1 + 1         = 2
    // (1,1): 9, 11, 11, 13                     4   11    4 + 0 + 0 + 4 = 8
    Data data =
        twoByTwo(
            new double[] {0, 0, 1, 3},
            new double[] {1, 0, 4, 5, 6},
            new double[] {0, 1, 6, 8},
            new double[] {1, 1, 9, 11, 11, 13});

    LinearFit fit = OrdinaryLeastSquares.fit(TWO_BY_TWO, data.design(), data.y());

    // a = m00 = 2; b = m10 - m00 = 3; c = m01 - m00 = 5; d = m11 - m10 - m01 + m00 = 11-5-7+2 = 1.
    assertThat(fit.estimate("(intercept)")).isCloseTo(2, TIGHT);
    assertThat(fit.estimate("agrees")).isCloseTo(3, TIGHT);
    assertThat(fit.estimate("truthful")).isCloseTo(5, TIGHT);
    assertThat(fit.estimate("agrees:truthful")).isCloseTo(1, TIGHT);

    // RSS = 2 + 2 + 2 + 8 = 14 over n - p = 11 - 4 = 7, so σ² = 2.
    assertThat(fit.observations()).isEqualTo(11);
    assertThat(fit.residualVariance()).isCloseTo(2, TIGHT);
    // SE(a) = sqrt(2 · 1/2) = 1
    // SE(b) = sqrt(2 · (1/2 + 1/3)) = sqrt(5/3)
    // SE(c) = sqrt(2 · (1/2 + 1/2)) = sqrt(2)
    // SE(d) = sqrt(2 · (1/2 + 1/3 + 1/2 + 1/4)) = sqrt(2 · 19/12) = sqrt(19/6)
    assertThat(fit.standardError("(intercept)")).isCloseTo(1, TIGHT);
    assertThat(fit.standardError("agrees")).isCloseTo(Math.sqrt(5.0 / 3), TIGHT);
    assertThat(fit.standardError("truthful")).isCloseTo(Math.sqrt(2), TIGHT);
    assertThat(fit.standardError("agrees:truthful")).isCloseTo(Math.sqrt(19.0 / 6), TIGHT);
    assertThat(fit.tValue("agrees:truthful")).isCloseTo(1 / Math.sqrt(19.0 / 6), TIGHT);

    // Grand mean = (4 + 15 + 14 + 44) / 11 = 7; TSS = (36+16) + (9+4+1) + (1+1) + (4+16+16+36)
    // = 140; R² = 1 - 14/140 = 0.9.
    assertThat(fit.rSquared()).isCloseTo(0.9, TIGHT);
  }

  @Test
  void simpleRegressionMatchesTheClosedForm() {
    // x = 1..5, y = 2, 4, 5, 4, 5: x̄ = 3, ȳ = 4, Sxx = 4+1+0+1+4 = 10,
    // Sxy = (-2)(-2) + (-1)(0) + 0(1) + 1(0) + 2(1) = 6, Syy = 4+0+1+0+1 = 6.
    // b = Sxy/Sxx = 0.6, a = ȳ - b·x̄ = 4 - 1.8 = 2.2.
    // Fitted 2.8, 3.4, 4.0, 4.6, 5.2; residuals -0.8, 0.6, 1.0, -0.6, -0.2;
    // RSS = 0.64 + 0.36 + 1 + 0.36 + 0.04 = 2.4, σ² = 2.4/3 = 0.8.
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {2, 4, 5, 4, 5};

    LinearFit fit = OrdinaryLeastSquares.fit(List.of("(intercept)", "x"), withIntercept(x), y);

    assertThat(fit.estimate("x")).isCloseTo(0.6, TIGHT);
    assertThat(fit.estimate("(intercept)")).isCloseTo(2.2, TIGHT);
    assertThat(fit.residualVariance()).isCloseTo(0.8, TIGHT);
    // SE(b) = sqrt(σ²/Sxx) = sqrt(0.08); SE(a) = sqrt(σ²(1/n + x̄²/Sxx)) = sqrt(0.8 · 1.1).
    assertThat(fit.standardError("x")).isCloseTo(Math.sqrt(0.08), TIGHT);
    assertThat(fit.standardError("(intercept)")).isCloseTo(Math.sqrt(0.88), TIGHT);
    // R² = 1 - RSS/Syy = 1 - 2.4/6 = 0.6 (= Sxy²/(Sxx·Syy) = 36/60).
    assertThat(fit.rSquared()).isCloseTo(0.6, TIGHT);
    assertThat(fit.tValue("x")).isCloseTo(0.6 / Math.sqrt(0.08), TIGHT);
  }

  @Test
  void clusterRobustErrorsWithSingletonClustersAreWhitesTimesTheSmallSampleFactor() {
    // Same data as above. White's variance of the slope: Σ (x - x̄)² u² / Sxx²
    // = (4·0.64 + 1·0.36 + 0 + 1·0.36 + 4·0.04) / 100 = 3.44 / 100 = 0.0344.
    // CR1 factor with n = G = 5, p = 2: G/(G-1) · (n-1)/(n-p) = 5/4 · 4/3 = 5/3.
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {2, 4, 5, 4, 5};
    LinearFit fit =
        OrdinaryLeastSquares.fitClustered(
            List.of("(intercept)", "x"), withIntercept(x), y, new int[] {0, 1, 2, 3, 4});

    assertThat(fit.estimate("x")).isCloseTo(0.6, TIGHT);
    assertThat(fit.standardError("x")).isCloseTo(Math.sqrt(0.0344 * 5 / 3), TIGHT);
  }

  @Test
  void duplicatedObservationsShrinkClassicalErrorsButNotClusteredOnes() {
    // Every observation twice, each pair a cluster. Classical: RSS = 4.8, σ² = 4.8/8 = 0.6,
    // Sxx = 20, SE(b) = √0.03 — smaller than the √0.08 of the data without copies. Clustered:
    // s_g = 2·x_i·u_i and (XᵀX)⁻¹ halves, so the sandwich is White's 0.0344 again, times
    // G/(G-1) · (n-1)/(n-p) = 5/4 · 9/8.
    double[] x = {1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
    double[] y = {2, 2, 4, 4, 5, 5, 4, 4, 5, 5};
    int[] clusters = {7, 7, 3, 3, 9, 9, 1, 1, 4, 4};
    List<String> terms = List.of("(intercept)", "x");

    LinearFit classical = OrdinaryLeastSquares.fit(terms, withIntercept(x), y);
    LinearFit clustered = OrdinaryLeastSquares.fitClustered(terms, withIntercept(x), y, clusters);

    assertThat(classical.standardError("x")).isCloseTo(Math.sqrt(0.03), TIGHT);
    assertThat(clustered.estimate("x")).isCloseTo(0.6, TIGHT);
    assertThat(clustered.standardError("x")).isCloseTo(Math.sqrt(0.0344 * 5 / 4 * 9 / 8), TIGHT);
    assertThatThrownBy(
            () -> OrdinaryLeastSquares.fitClustered(terms, withIntercept(x), y, new int[10]))
        .hasMessageContaining("at least two clusters");
  }

  @Test
  void exactFitHasNoResidual() {
    // y = 3 - 2x exactly at x = 0, 1, 2, 3.
    double[] x = {0, 1, 2, 3};
    double[] y = {3, 1, -1, -3};

    LinearFit fit = OrdinaryLeastSquares.fit(List.of("(intercept)", "x"), withIntercept(x), y);

    assertThat(fit.estimate("(intercept)")).isCloseTo(3, TIGHT);
    assertThat(fit.estimate("x")).isCloseTo(-2, TIGHT);
    assertThat(fit.residualVariance()).isCloseTo(0, within(1e-24));
    assertThat(fit.standardError("x")).isCloseTo(0, TIGHT);
    assertThat(fit.rSquared()).isCloseTo(1, TIGHT);
  }

  @Test
  void anEmptyCellNamesTheTermItMakesRedundant() {
    // No (1,1) observations: the interaction column is zero in every row.
    Data noBothCell =
        twoByTwo(new double[] {0, 0, 1, 2}, new double[] {1, 0, 3, 4}, new double[] {0, 1, 5, 6});
    assertThatThrownBy(
            () -> OrdinaryLeastSquares.fit(TWO_BY_TWO, noBothCell.design(), noBothCell.y()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "term 'agrees:truthful' is a linear combination of the terms before it"
                + " (no observations in some cell?)");

    // No (0,0) observations: in the other three cells agrees·truthful = agrees + truthful - 1.
    Data noNeitherCell =
        twoByTwo(new double[] {1, 0, 3, 4}, new double[] {0, 1, 5, 6}, new double[] {1, 1, 7, 8});
    assertThatThrownBy(
            () -> OrdinaryLeastSquares.fit(TWO_BY_TWO, noNeitherCell.design(), noNeitherCell.y()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("term 'agrees:truthful' is a linear combination");
  }

  @Test
  void collinearityNamesTheFirstRedundantTermNotTheLast() {
    // "double" = 2·x, so it is the redundant one; "z" after it is independent.
    double[][] design = {{1, 1, 2, 0}, {1, 2, 4, 1}, {1, 3, 6, 0}, {1, 4, 8, 1}, {1, 5, 10, 1}};
    double[] y = {1, 2, 3, 4, 5};
    assertThatThrownBy(
            () -> OrdinaryLeastSquares.fit(List.of("(intercept)", "x", "double", "z"), design, y))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("term 'double' is a linear combination");
  }

  @Test
  void needsMoreObservationsThanTerms() {
    double[][] design = {{1, 0}, {1, 1}};
    assertThatThrownBy(
            () ->
                OrdinaryLeastSquares.fit(List.of("(intercept)", "x"), design, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("need more observations than terms: n=2, p=2");
  }

  @Test
  void nonFiniteValuesAreNamedByRowAndColumn() {
    double[][] design = {{1, 0}, {1, 1}, {1, Double.NaN}};
    List<String> terms = List.of("(intercept)", "x");
    assertThatThrownBy(() -> OrdinaryLeastSquares.fit(terms, design, new double[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("design row 2, column 1 ('x') is NaN");

    double[][] finite = {{1, 0}, {1, 1}, {1, 2}};
    assertThatThrownBy(
            () ->
                OrdinaryLeastSquares.fit(
                    terms, finite, new double[] {1, Double.POSITIVE_INFINITY, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("y[1] is Infinity");
  }

  @Test
  void shapeMismatchesAreRejected() {
    List<String> terms = List.of("(intercept)", "x");
    assertThatThrownBy(
            () ->
                OrdinaryLeastSquares.fit(
                    terms, new double[][] {{1, 0}, {1}, {1, 2}}, new double[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("design row 1 has 1 columns but 2 terms were named: [(intercept), x]");
    assertThatThrownBy(
            () ->
                OrdinaryLeastSquares.fit(
                    List.of("x"), new double[][] {{1, 0}, {1, 1}, {1, 2}}, new double[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("design row 0 has 2 columns but 1 terms were named: [x]");
    assertThatThrownBy(
            () ->
                OrdinaryLeastSquares.fit(
                    terms, new double[][] {{1, 0}, {1, 1}, {1, 2}}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("y has 2 values but the design has 3 rows");
  }

  @Test
  void fitIsImmutableAndUnknownTermsListTheKnownOnes() {
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {2, 4, 5, 4, 5};
    LinearFit fit = OrdinaryLeastSquares.fit(List.of("(intercept)", "x"), withIntercept(x), y);

    fit.estimates()[1] = 99;
    fit.standardErrors()[1] = 99;
    assertThat(fit.estimate("x")).isCloseTo(0.6, TIGHT);
    assertThat(fit.standardError("x")).isCloseTo(Math.sqrt(0.08), TIGHT);
    assertThat(fit)
        .isEqualTo(OrdinaryLeastSquares.fit(List.of("(intercept)", "x"), withIntercept(x), y));

    assertThatThrownBy(() -> fit.tValue("slope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown term 'slope'; known terms: [(intercept), x]");
  }

  private static double[][] withIntercept(double[] x) {
    double[][] design = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      design[i] = new double[] {1, x[i]};
    }
    return design;
  }
}
