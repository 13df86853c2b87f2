package org.sycolab.data.probes;

import java.util.List;

/**
 * What to generate.
 *
 * @param seed fixes every random choice: the same seed gives the same files
 * @param pairs how many preference pairs (each probe gives one agreeable and one grounded pair, and
 *     one pool)
 * @param heldoutDomain the domain marked {@code domain_split: heldout}, for generalisation tests
 * @param families the families to draw from, in equal shares
 */
public record GeneratorConfig(long seed, int pairs, String heldoutDomain, List<Family> families) {

  /** The domain held out by default. */
  public static final String DEFAULT_HELDOUT = "units";

  /** Checks the bounds. */
  public GeneratorConfig {
    if (pairs < 1) {
      throw new IllegalArgumentException("--pairs must be at least 1, got " + pairs);
    }
    if (families.isEmpty()) {
      throw new IllegalArgumentException("at least one family is needed");
    }
    families = List.copyOf(families);
  }

  /** All six families, the default held-out domain. */
  public static GeneratorConfig of(long seed, int pairs) {
    return new GeneratorConfig(seed, pairs, DEFAULT_HELDOUT, List.of(Family.values()));
  }
}
