package org.sycolab.report;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** How numbers read in the report: rates to three places, points to one, λ as written. */
final class Numbers {

  private static final Pattern NEGATIVE_ZERO = Pattern.compile("-0(\\.0*)?");

  private Numbers() {}

  /** A rate (a fraction), three decimals; empty when missing. */
  static String rate(double value) {
    return fixed(value, 3);
  }

  /** A rate with its interval when known: {@code 0.412 [0.398, 0.425]}. */
  static String rate(Stat stat) {
    return stat.hasInterval()
        ? rate(stat.value()) + " [" + rate(stat.lo()) + ", " + rate(stat.hi()) + "]"
        : rate(stat.value());
  }

  /** Percentage points, one decimal, with the interval when known. */
  static String points(Stat stat) {
    return stat.hasInterval()
        ? fixed(stat.value(), 1) + " [" + fixed(stat.lo(), 1) + ", " + fixed(stat.hi(), 1) + "]"
        : fixed(stat.value(), 1);
  }

  /** For captions: which way the pull's sign points. */
  static final String PULL_SIGN =
      "Pull: truthful rate at λ = 0 minus that at λ, in percentage points; positive = truth lost,"
          + " from λ = 0";

  /** For captions: "95% bootstrap intervals over pools in brackets", or that there are none. */
  static String intervals(boolean known) {
    return known
        ? "95% bootstrap intervals over pools in brackets"
        : "no bootstrap, so no intervals";
  }

  /** A grid value as written in the sweep: 0.5, 1, 0.25. */
  static String grid(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * A number with {@code places} decimals; empty when missing (NaN). A value that rounds to zero
   * reads 0, never -0.
   */
  static String fixed(double value, int places) {
    if (Double.isNaN(value)) {
      return "";
    }
    String text = String.format(Locale.ROOT, "%." + places + "f", value);
    return NEGATIVE_ZERO.matcher(text).matches() ? text.substring(1) : text;
  }
}
