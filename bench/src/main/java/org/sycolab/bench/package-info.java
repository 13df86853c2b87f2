/**
 * Benchmarks behind {@code scripts/bench}. Each engine runs in its own JVM ({@link EncoderBench}),
 * started and summarised by a driver ({@link EncoderComparison}), so that two engines' thread pools
 * never share the cores.
 */
package org.sycolab.bench;
