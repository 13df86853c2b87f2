package org.sycolab.stats;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ordinary least squares solved by Householder QR, for small designs such as the diagnostics' 2×2
 * style/substance regression.
 */
public final class OrdinaryLeastSquares {

  /**
   * A column counts as collinear with the earlier ones when its part outside their span is at most
   * this fraction of its own norm, so rescaling a column does not change the verdict.
   */
  private static final double COLLINEARITY_TOLERANCE = 1e-10;

  private OrdinaryLeastSquares() {}

  /**
   * Fits {@code y} on the columns of {@code design} (n rows, one column per term; include a column
   * of ones for an intercept). Standard errors are the classical {@code sqrt(σ²·(XᵀX)⁻¹_jj)} with
   * {@code σ² = RSS/(n−p)}.
   *
   * @throws IllegalArgumentException when the shapes disagree, {@code n <= p}, a value is not
   *     finite, or a term is a linear combination of the terms before it
   */
  public static LinearFit fit(List<String> terms, double[][] design, double[] y) {
    return fit(terms, design, y, null);
  }

  /**
   * Fits as {@link #fit(List, double[][], double[])} but with cluster-robust standard errors:
   * observations of one cluster (the candidates of one pool, say) may be correlated, those of
   * different clusters not. The covariance is the sandwich (XᵀX)⁻¹ (Σ_g s_g s_gᵀ) (XᵀX)⁻¹ with s_g
   * = Σ_{i∈g} x_i·u_i, scaled by G/(G−1)·(n−1)/(n−p) for G clusters (the usual CR1 small-sample
   * factor).
   *
   * @param clusters each observation's cluster, any labels; at least two distinct ones
   */
  public static LinearFit fitClustered(
      List<String> terms, double[][] design, double[] y, int[] clusters) {
    if (clusters.length != design.length) {
      throw new IllegalArgumentException(
          clusters.length + " cluster labels for " + design.length + " observations");
    }
    if (Arrays.stream(clusters).distinct().count() < 2) {
      throw new IllegalArgumentException("cluster-robust errors need at least two clusters");
    }
    return fit(terms, design, y, clusters);
  }

  private static LinearFit fit(List<String> terms, double[][] design, double[] y, int[] clusters) {
    int n = design.length;
    int p = terms.size();
    validate(terms, design, y);

    double[][] work = new double[n][];
    for (int i = 0; i < n; i++) {
      work[i] = design[i].clone();
    }
    double[] qty = y.clone();
    double[][] r = new double[p][p];
    for (int k = 0; k < p; k++) {
      reflect(work, qty, r, k, terms);
    }

    double[] estimates = new double[p];
    for (int j = p - 1; j >= 0; j--) {
      double sum = qty[j];
      for (int m = j + 1; m < p; m++) {
        sum -= r[j][m] * estimates[m];
      }
      estimates[j] = sum / r[j][j];
    }

    double rss = 0;
    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) {
      double residual = y[i];
      for (int j = 0; j < p; j++) {
        residual -= design[i][j] * estimates[j];
      }
      residuals[i] = residual;
      rss += residual * residual;
    }
    double residualVariance = rss / (n - p);

    // (XᵀX)⁻¹ = R⁻¹R⁻ᵀ.
    double[][] rInverse = invertUpperTriangular(r);
    double[][] inverse = new double[p][p];
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        double sum = 0;
        for (int c = Math.max(a, b); c < p; c++) {
          sum += rInverse[a][c] * rInverse[b][c];
        }
        inverse[a][b] = sum;
      }
    }
    double[] standardErrors = new double[p];
    if (clusters == null) {
      for (int j = 0; j < p; j++) {
        standardErrors[j] = Math.sqrt(residualVariance * inverse[j][j]);
      }
    } else {
      double[][] covariance = sandwich(inverse, design, residuals, clusters);
      for (int j = 0; j < p; j++) {
        standardErrors[j] = Math.sqrt(covariance[j][j]);
      }
    }

    return new LinearFit(terms, estimates, standardErrors, n, residualVariance, rSquared(y, rss));
  }

  private static double[][] sandwich(
      double[][] inverse, double[][] design, double[] residuals, int[] clusters) {
    int n = design.length;
    int p = inverse.length;
    Map<Integer, double[]> scores = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      double[] score = scores.computeIfAbsent(clusters[i], g -> new double[p]);
      for (int j = 0; j < p; j++) {
        score[j] += design[i][j] * residuals[i];
      }
    }
    double[][] meat = new double[p][p];
    for (double[] score : scores.values()) {
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          meat[a][b] += score[a] * score[b];
        }
      }
    }
    int g = scores.size();
    double factor = g / (g - 1.0) * (n - 1.0) / (n - p);
    double[][] covariance = multiply(multiply(inverse, meat), inverse);
    for (double[] row : covariance) {
      for (int j = 0; j < p; j++) {
        row[j] *= factor;
      }
    }
    return covariance;
  }

  private static double[][] multiply(double[][] a, double[][] b) {
    int p = a.length;
    double[][] product = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        double sum = 0;
        for (int k = 0; k < p; k++) {
          sum += a[i][k] * b[k][j];
        }
        product[i][j] = sum;
      }
    }
    return product;
  }

  private static void validate(List<String> terms, double[][] design, double[] y) {
    int n = design.length;
    int p = terms.size();
    if (p == 0) {
      throw new IllegalArgumentException("need at least one term");
    }
    for (int i = 0; i < n; i++) {
      if (design[i].length != p) {
        throw new IllegalArgumentException(
            String.format(
                "design row %d has %d columns but %d terms were named: %s",
                i, design[i].length, p, terms));
      }
    }
    if (y.length != n) {
      throw new IllegalArgumentException(
          "y has " + y.length + " values but the design has " + n + " rows");
    }
    if (n <= p) {
      throw new IllegalArgumentException("need more observations than terms: n=" + n + ", p=" + p);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        if (!Double.isFinite(design[i][j])) {
          throw new IllegalArgumentException(
              "design row " + i + ", column " + j + " ('" + terms.get(j) + "') is " + design[i][j]);
        }
      }
      if (!Double.isFinite(y[i])) {
        throw new IllegalArgumentException("y[" + i + "] is " + y[i]);
      }
    }
  }

  /**
   * Applies the Householder reflection that zeroes column {@code k} below the diagonal to the
   * remaining columns and to {@code qty}, and records row {@code k} of R.
   */
  private static void reflect(
      double[][] work, double[] qty, double[][] r, int k, List<String> terms) {
    int n = work.length;
    int p = r.length;
    double columnNorm = 0;
    double remainingNorm = 0;
    for (int i = 0; i < n; i++) {
      double value = work[i][k];
      columnNorm += value * value;
      if (i >= k) {
        remainingNorm += value * value;
      }
    }
    columnNorm = Math.sqrt(columnNorm);
    remainingNorm = Math.sqrt(remainingNorm);
    if (remainingNorm <= COLLINEARITY_TOLERANCE * columnNorm) {
      String term = terms.get(k);
      throw new IllegalArgumentException(
          k == 0
              ? "term '" + term + "' is zero in every observation"
              : "term '"
                  + term
                  + "' is a linear combination of the terms before it (no observations in some"
                  + " cell?)");
    }

    // The reflection maps the column to (alpha, 0, ..., 0); alpha takes the sign opposite to the
    // diagonal entry so that forming v = x - alpha·e_k does not cancel.
    double alpha = work[k][k] > 0 ? -remainingNorm : remainingNorm;
    work[k][k] -= alpha;
    double vv = 0;
    for (int i = k; i < n; i++) {
      vv += work[i][k] * work[i][k];
    }
    for (int j = k + 1; j < p; j++) {
      double dot = 0;
      for (int i = k; i < n; i++) {
        dot += work[i][k] * work[i][j];
      }
      double factor = 2 * dot / vv;
      for (int i = k; i < n; i++) {
        work[i][j] -= factor * work[i][k];
      }
      r[k][j] = work[k][j];
    }
    double dot = 0;
    for (int i = k; i < n; i++) {
      dot += work[i][k] * qty[i];
    }
    double factor = 2 * dot / vv;
    for (int i = k; i < n; i++) {
      qty[i] -= factor * work[i][k];
    }
    r[k][k] = alpha;
  }

  private static double[][] invertUpperTriangular(double[][] r) {
    int p = r.length;
    double[][] inverse = new double[p][p];
    for (int c = 0; c < p; c++) {
      for (int j = c; j >= 0; j--) {
        double sum = j == c ? 1 : 0;
        for (int m = j + 1; m <= c; m++) {
          sum -= r[j][m] * inverse[m][c];
        }
        inverse[j][c] = sum / r[j][j];
      }
    }
    return inverse;
  }

  private static double rSquared(double[] y, double rss) {
    if (Arrays.stream(y).allMatch(value -> value == y[0])) {
      return Double.NaN;
    }
    double mean = Arrays.stream(y).average().orElseThrow();
    double tss = 0;
    for (double value : y) {
      tss += (value - mean) * (value - mean);
    }
    return 1 - rss / tss;
  }
}
