package org.sycolab.pull;

/**
 * How a statistic varies across head seeds (replicates): mean and sample standard deviation of the
 * per-seed estimates.
 *
 * @param reward what stands in for the grounded reward (the learned heads: references have one copy
 *     whatever the number of seeds, and so no spread)
 * @param setting the selection
 * @param metric what is measured
 * @param group which pools
 * @param replicates how many seeds
 * @param mean mean over seeds
 * @param sd sample standard deviation over seeds
 */
public record SeedSpread(
    Reward reward,
    Setting setting,
    PullMetric metric,
    PoolGroup group,
    int replicates,
    double mean,
    double sd) {}
