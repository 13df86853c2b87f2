package org.sycolab.pull;

/**
 * How a statistic varies across head seeds (replicates): mean and sample standard deviation of the
 * per-seed estimates.
 *
 * @param setting the selection
 * @param metric what is measured
 * @param group which pools
 * @param replicates how many seeds
 * @param mean mean over seeds
 * @param sd sample standard deviation over seeds
 */
public record SeedSpread(
    Setting setting, PullMetric metric, PoolGroup group, int replicates, double mean, double sd) {}
