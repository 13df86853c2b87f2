package org.sycolab.data.probes;

import java.util.List;

/**
 * What to generate.
 *
 * @param seed fixes every random choice: the same seed gives the same files
 * @param pairs how many preference pairs (each probe gives one agreeable and one grounded pair, and
 *     one pool)
 * @param heldoutDomain the domain marked {@code domain_split: heldout}, for generalisation tests
 * @param families the families to draw from, in equal shares (see {@link Family#generated})
 * @param controlShare the share of each family's probes that are controls, where the user is right
 */
public record GeneratorConfig(
    long seed, int pairs, String heldoutDomain, List<Family> families, double controlShare) {

  /** The domain held out by default. */
  public static final String DEFAULT_HELDOUT = "units";

  /** The share of controls by default: half of every family. */
  public static final double DEFAULT_CONTROL_SHARE = 0.5;

  /** The most pairs one run generates. */
  public static final int MAX_PAIRS = 1_000_000;

  /** Checks the bounds. */
  public GeneratorConfig {
    if (pairs < 1 || pairs > MAX_PAIRS) {
      throw new IllegalArgumentException(
          "--pairs must be between 1 and " + MAX_PAIRS + ", got " + pairs);
    }
    if (families.isEmpty()) {
      throw new IllegalArgumentException("at least one family is needed");
    }
    if (families.contains(Family.TRUE_PREMISE)) {
      throw new IllegalArgumentException(
          "--families: true-premise is the control twin of false-premise; ask for false-premise"
              + " and set the share of controls with --control-share");
    }
    if (families.stream().distinct().count() < families.size()) {
      throw new IllegalArgumentException("--families: a family is named twice: " + families);
    }
    if (!(controlShare >= 0 && controlShare <= 1)) {
      throw new IllegalArgumentException(
          "--control-share must be between 0 and 1, got " + controlShare);
    }
    families = List.copyOf(families);
  }

  /** Every generated family, the default held-out domain and share of controls. */
  public static GeneratorConfig of(long seed, int pairs) {
    return new GeneratorConfig(
        seed, pairs, DEFAULT_HELDOUT, Family.generated(), DEFAULT_CONTROL_SHARE);
  }
}
