package org.sycolab.pull;

/**
 * One row of {@code pull.csv}: a metric of one selection setting over a group of pools.
 *
 * @param reward what stands in for the grounded reward: the learned head, or a reference
 * @param setting the selection (best-of-n or tilt, at its λ)
 * @param metric what is measured
 * @param group which pools
 * @param value the estimate (mean over head seeds when there are several)
 * @param lo lower end of the 95% bootstrap interval over pools; NaN without a bootstrap
 * @param hi upper end; NaN without a bootstrap
 */
public record Estimate(
    Reward reward,
    Setting setting,
    PullMetric metric,
    PoolGroup group,
    double value,
    double lo,
    double hi) {}
