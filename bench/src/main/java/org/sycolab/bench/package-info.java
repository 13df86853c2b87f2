/**
 * Benchmarks behind {@code scripts/bench}. Each engine runs in its own JVM ({@link EncoderBench},
 * {@link HeadTrainingBench}, {@link PullBench}), started and summarised by a driver ({@link
 * EncoderComparison}, {@link HeadTrainingComparison}, {@link PullComparison}), so that two engines'
 * thread pools never share the cores. {@link DigestComparison} times a command's describe of a
 * large model ({@link DescribeBench}, one JVM per command) with and without kept weight digests.
 */
package org.sycolab.bench;
