package org.sycolab.report;

/**
 * A statistic from a run's CSV with its 95% interval; the ends are NaN when there was no bootstrap.
 */
record Stat(double value, double lo, double hi) {

  /** Whether the interval is known. */
  boolean hasInterval() {
    return !Double.isNaN(lo) && !Double.isNaN(hi);
  }
}
