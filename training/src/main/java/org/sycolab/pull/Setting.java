package org.sycolab.pull;

/**
 * One way of selecting from a pool: best-of-n or the tilt at a mixing weight λ, or π₀ itself.
 *
 * @param selector how candidates are selected
 * @param lambda weight of the agreeable head in r_λ = λ·z_A + (1−λ)·z_G; NaN for the reference
 * @param n draws for best-of-n; 0 otherwise
 * @param beta temperature of the tilt; NaN otherwise
 */
public record Setting(Selector selector, double lambda, int n, double beta) {

  /** How a setting selects. */
  public enum Selector {
    BEST_OF_N,
    TILT,
    REFERENCE
  }

  /** Best-of-n at λ. */
  public static Setting bestOfN(double lambda, int n) {
    return new Setting(Selector.BEST_OF_N, lambda, n, Double.NaN);
  }

  /** The tilt at λ and β. */
  public static Setting tilt(double lambda, double beta) {
    return new Setting(Selector.TILT, lambda, 0, beta);
  }

  /** π₀ unchanged. */
  public static Setting reference() {
    return new Setting(Selector.REFERENCE, Double.NaN, 0, Double.NaN);
  }
}
