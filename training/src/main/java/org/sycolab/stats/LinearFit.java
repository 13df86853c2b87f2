package org.sycolab.stats;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A fitted linear model: one estimate and classical standard error per term, in the order of the
 * design's columns. The arrays are copied on the way in and on the way out.
 *
 * @param terms the name of each design column, distinct
 * @param estimates the coefficient of each term
 * @param standardErrors the classical standard error of each coefficient
 * @param observations the number of rows fitted
 * @param residualVariance the residual sum of squares over {@code observations - terms.size()}
 * @param rSquared {@code 1 - RSS/TSS} with TSS taken around the mean of y; meaningful when the
 *     design has an intercept, and NaN when y is constant
 */
public record LinearFit(
    List<String> terms,
    double[] estimates,
    double[] standardErrors,
    int observations,
    double residualVariance,
    double rSquared) {

  /** Checks that every term has one estimate and one standard error, and copies the arrays. */
  public LinearFit {
    terms = List.copyOf(terms);
    if (new HashSet<>(terms).size() != terms.size()) {
      throw new IllegalArgumentException("term names must be distinct: " + terms);
    }
    if (estimates.length != terms.size() || standardErrors.length != terms.size()) {
      throw new IllegalArgumentException(
          terms.size()
              + " terms but "
              + estimates.length
              + " estimates and "
              + standardErrors.length
              + " standard errors");
    }
    estimates = estimates.clone();
    standardErrors = standardErrors.clone();
  }

  /** Returns a copy of the estimates, in the order of {@link #terms()}. */
  @Override
  public double[] estimates() {
    return estimates.clone();
  }

  /** Returns a copy of the standard errors, in the order of {@link #terms()}. */
  @Override
  public double[] standardErrors() {
    return standardErrors.clone();
  }

  /** The estimate of the named term. */
  public double estimate(String term) {
    return estimates[indexOf(term)];
  }

  /** The standard error of the named term's estimate. */
  public double standardError(String term) {
    return standardErrors[indexOf(term)];
  }

  /**
   * The named term's estimate over its standard error; infinite (or NaN for a zero estimate) when
   * the fit is exact.
   */
  public double tValue(String term) {
    int index = indexOf(term);
    return estimates[index] / standardErrors[index];
  }

  private int indexOf(String term) {
    int index = terms.indexOf(term);
    if (index < 0) {
      throw new IllegalArgumentException("unknown term '" + term + "'; known terms: " + terms);
    }
    return index;
  }

  /** Compares the arrays by content, unlike the record default. */
  @Override
  public boolean equals(Object other) {
    return other instanceof LinearFit that
        && terms.equals(that.terms)
        && Arrays.equals(estimates, that.estimates)
        && Arrays.equals(standardErrors, that.standardErrors)
        && observations == that.observations
        && Double.compare(residualVariance, that.residualVariance) == 0
        && Double.compare(rSquared, that.rSquared) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        terms,
        Arrays.hashCode(estimates),
        Arrays.hashCode(standardErrors),
        observations,
        residualVariance,
        rSquared);
  }

  @Override
  public String toString() {
    return "LinearFit[terms="
        + terms
        + ", estimates="
        + Arrays.toString(estimates)
        + ", standardErrors="
        + Arrays.toString(standardErrors)
        + ", observations="
        + observations
        + ", residualVariance="
        + residualVariance
        + ", rSquared="
        + rSquared
        + "]";
  }
}
