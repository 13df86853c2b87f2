package org.sycolab.heads;

import org.sycolab.stats.WilsonInterval;

/**
 * How often a head scores the true answer above the false one, on one subset of grounded pairs
 * (whose chosen answer is always the true one), ties counted as half, with a 95% Wilson interval
 * that treats the pairs as independent.
 *
 * @param pairs how many pairs; 0 when the subset is empty
 * @param accuracy the share on which the true answer scored higher; NaN without pairs
 * @param lo the interval's lower end; NaN without pairs
 * @param hi the interval's upper end; NaN without pairs
 */
public record TruthAccuracy(int pairs, double accuracy, double lo, double hi) {

  /** Where an interval lies against chance, 0.5. */
  public enum Chance {
    /** The whole interval lies above 0.5. */
    ABOVE,
    /** The interval includes 0.5. */
    INCLUDES,
    /** The whole interval lies below 0.5. */
    BELOW,
    /** No pairs, so no interval. */
    UNMEASURED
  }

  /** Checks the counts and that the interval holds the accuracy. */
  public TruthAccuracy {
    if (pairs < 0) {
      throw new IllegalArgumentException("pairs must not be negative, got " + pairs);
    }
    if (pairs > 0 && !(lo <= accuracy && accuracy <= hi)) {
      throw new IllegalArgumentException(
          "accuracy " + accuracy + " lies outside its interval [" + lo + ", " + hi + "]");
    }
  }

  /** The accuracy of {@code credit} (1 a right pair, ½ a tie) over {@code pairs} pairs. */
  public static TruthAccuracy of(double credit, int pairs) {
    if (pairs == 0) {
      return new TruthAccuracy(0, Double.NaN, Double.NaN, Double.NaN);
    }
    WilsonInterval interval = WilsonInterval.of95(credit, pairs);
    return new TruthAccuracy(pairs, credit / pairs, interval.lo(), interval.hi());
  }

  /** Where the interval lies against 0.5. */
  public Chance chance() {
    if (pairs == 0) {
      return Chance.UNMEASURED;
    }
    return lo > 0.5 ? Chance.ABOVE : hi < 0.5 ? Chance.BELOW : Chance.INCLUDES;
  }
}
