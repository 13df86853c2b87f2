package org.sycolab.bench;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * The closing lines of a timed part: the ratio against the reference, the seconds the budget is
 * judged on (the first call in a fresh JVM: what one command pays), and whether it is met.
 */
final class BudgetVerdict {
  private BudgetVerdict() {}

  /**
   * Prints {@code ratio R}, {@code <part>_seconds S} and {@code budget B s: met|missed}.
   *
   * @param ratio reference time over sycolab's (above 1: sycolab is faster)
   */
  static void print(
      PrintStream out, String part, double ratio, double firstSeconds, double budget) {
    out.printf(Locale.ROOT, "ratio %.2f%n", ratio);
    out.printf(Locale.ROOT, "%s_seconds %.2f%n", part, firstSeconds);
    out.printf(
        Locale.ROOT,
        "budget %s s: %s%n",
        BigDecimal.valueOf(budget).stripTrailingZeros().toPlainString(),
        firstSeconds < budget ? "met" : "missed");
  }
}
