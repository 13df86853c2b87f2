package org.sycolab.pull;

/**
 * λ* for one selection curve (a fixed n, or a fixed β) over a group of pools: the smallest λ on the
 * grid at which the truthful rate falls below the rate under π₀.
 *
 * @param reward what stands in for the grounded reward
 * @param curve the curve's setting at λ = 0
 * @param group which pools
 * @param referenceTruthful the truthful rate under π₀
 * @param lambdaStar λ*, or NaN when T never falls below π₀'s on the grid
 * @param lo lower end of the 95% bootstrap interval; NaN without a bootstrap
 * @param hi upper end; NaN when the upper percentile never tips (or without a bootstrap)
 */
public record TippingPoint(
    Reward reward,
    Setting curve,
    PoolGroup group,
    double referenceTruthful,
    double lambdaStar,
    double lo,
    double hi) {}
