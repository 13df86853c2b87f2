package org.sycolab.stats;

/**
 * The Wilson score interval for a proportion: the p whose score test against the observed share
 * does not reject at the given level. Unlike the normal (Wald) interval it stays inside [0, 1] and
 * is not empty at a share of 0 or 1.
 *
 * <p>With share p̂ of n trials and the normal quantile z, the centre is (p̂ + z²/2n) / (1 + z²/n)
 * and the half-width z·√(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n). The successes may be fractional (a tie
 * counted as half a success).
 *
 * @param lo the lower end
 * @param hi the upper end
 */
public record WilsonInterval(double lo, double hi) {

  /** The two-sided 97.5% normal quantile, for a 95% interval. */
  public static final double Z_95 = 1.959963984540054;

  /** Checks lo ≤ hi. */
  public WilsonInterval {
    if (!(lo <= hi)) {
      throw new IllegalArgumentException("interval [" + lo + ", " + hi + "] is not ordered");
    }
  }

  /**
   * The 95% interval of {@code successes} out of {@code trials}.
   *
   * @throws IllegalArgumentException when trials is not positive or successes lie outside [0,
   *     trials]
   */
  public static WilsonInterval of95(double successes, int trials) {
    return of(successes, trials, Z_95);
  }

  /** The interval at normal quantile {@code z}; see {@link #of95}. */
  public static WilsonInterval of(double successes, int trials, double z) {
    if (trials < 1) {
      throw new IllegalArgumentException("a proportion needs at least one trial, got " + trials);
    }
    if (!(successes >= 0 && successes <= trials)) {
      throw new IllegalArgumentException(
          "successes must lie in [0, " + trials + "], got " + successes);
    }
    double share = successes / trials;
    double z2n = z * z / trials;
    double centre = (share + z2n / 2) / (1 + z2n);
    double half = z * Math.sqrt(share * (1 - share) / trials + z2n / (4.0 * trials)) / (1 + z2n);
    // The interval holds the share exactly; at a share of 0 or 1 rounding would put an end a few
    // ulps to its wrong side.
    return new WilsonInterval(
        Math.min(share, Math.max(0, centre - half)), Math.max(share, Math.min(1, centre + half)));
  }

  /** Whether {@code value} lies inside the closed interval. */
  public boolean contains(double value) {
    return lo <= value && value <= hi;
  }
}
