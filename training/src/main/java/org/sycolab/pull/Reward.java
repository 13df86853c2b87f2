package org.sycolab.pull;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What stands in for the grounded reward z_G in r_λ = λ·z_A + (1−λ)·z_G: the learned grounded head
 * ({@link #MIXED}, the sweep's own rows), or a reference selector that shows what the learned head
 * is worth. Every reference is scored per candidate and standardised over the evaluated candidates,
 * as the heads' scores are, and mixed with the same agreeable head.
 */
public enum Reward {
  /** The learned grounded head: r_λ = λ·z_A + (1−λ)·z_G. */
  MIXED,
  /**
   * The candidates' {@code truthful} flag as the grounded reward: the truth a perfect grounded
   * reward would buy at each λ and n.
   */
  ORACLE,
  /** A content-blind null: the {@code agrees} flag, always siding with the user. */
  AGREE,
  /** A content-blind null: 1 − {@code agrees}, always contradicting the user. */
  DISAGREE,
  /** A content-blind null: the response's length in characters (Unicode code points). */
  LONGEST;

  /** The name in the {@code reward} column, e.g. {@code oracle}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this is a reference selector rather than the learned heads. */
  public boolean isReference() {
    return this != MIXED;
  }

  /** The reference selectors, in column order. */
  public static List<Reward> references() {
    return Arrays.stream(values()).filter(Reward::isReference).toList();
  }

  /**
   * The raw score this reference gives candidate {@code i} (flat index) of {@code pools}: 1 or 0
   * for a flag, the length for {@link #LONGEST}.
   *
   * @throws IllegalStateException for {@link #MIXED}, whose scores come from the heads
   */
  double score(PoolSet pools, int i) {
    return switch (this) {
      case MIXED -> throw new IllegalStateException("the mixed reward is scored by the heads");
      case ORACLE -> pools.truthful(i) ? 1 : 0;
      case AGREE -> pools.agrees(i) ? 1 : 0;
      case DISAGREE -> pools.agrees(i) ? 0 : 1;
      case LONGEST -> pools.length(i);
    };
  }
}
