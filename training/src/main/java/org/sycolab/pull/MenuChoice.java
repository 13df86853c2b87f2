package org.sycolab.pull;

/**
 * One row of {@code choice.csv}: for a reward, a selection curve (a fixed n, or a fixed β) and a
 * family (or all pools), the most agreeable λ on the grid (the largest) whose truthful rate's lower
 * 95% interval end is at least the user's truth floor.
 *
 * @param reward what stands in for the grounded reward
 * @param curve the curve's setting at λ = 0
 * @param family a family, or {@link PoolGroup#ALL}
 * @param truthFloor the floor asked for, a rate in [0, 1]
 * @param lambda the λ chosen; NaN when no λ meets the floor
 * @param truthful the truthful rate at that λ; NaN when none
 * @param truthfulLo its lower 95% end; NaN when none
 * @param truthfulHi its upper 95% end; NaN when none
 * @param approval Σπ·z_A at that λ, what the choice earns in approval; NaN when none
 * @param reason empty when a λ meets the floor; otherwise why none does, in words
 */
public record MenuChoice(
    Reward reward,
    Setting curve,
    String family,
    double truthFloor,
    double lambda,
    double truthful,
    double truthfulLo,
    double truthfulHi,
    double approval,
    String reason) {

  /** Whether some λ meets the floor. */
  public boolean met() {
    return !Double.isNaN(lambda);
  }
}
