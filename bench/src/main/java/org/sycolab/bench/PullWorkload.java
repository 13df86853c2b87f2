package org.sycolab.bench;

import java.util.List;
import org.sycolab.pull.PullGrid;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of the {@code pull} part, shared by its driver and each engine's process: the
 * synthetic pools ({@link SyntheticPools}), the bootstrap, the sweep of the 10-second goal (λ from
 * 0 to 1 in steps of 0.1, n = 1, 2, 4, ..., 64, no tilt) and how a process times it.
 */
final class PullWorkload {

  /** The sweep's grid: pull's default λ and n, no tilt. */
  static final PullGrid GRID =
      PullGrid.parse(PullGrid.DEFAULT_LAMBDAS, PullGrid.DEFAULT_NS, PullGrid.NO_BETAS);

  @Option(names = "--pools", defaultValue = "5000")
  int pools;

  @Option(names = "--domains", defaultValue = "10")
  int domains;

  @Option(names = "--resamples", defaultValue = "1000")
  int resamples;

  @Option(
      names = "--cores",
      defaultValue = "2",
      description = "Processors each engine's JVM sees (-XX:ActiveProcessorCount).")
  int cores;

  @Option(names = "--warm", defaultValue = "2")
  int warm;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  /** Refuses counts below 1 as usage errors. */
  void check(CommandSpec spec) {
    BenchArguments.positive(spec, "--pools", pools);
    BenchArguments.positive(spec, "--domains", domains);
    BenchArguments.positive(spec, "--resamples", resamples);
    BenchArguments.positive(spec, "--cores", cores);
    BenchArguments.positive(spec, "--warm", warm);
  }

  /** The seed of the bootstrap's resamples; the pools are drawn from {@code --seed} itself. */
  long bootstrapSeed() {
    return seed + 1;
  }

  /** The JVM options of each engine's process. */
  List<String> jvmOptions() {
    return List.of("-XX:ActiveProcessorCount=" + cores);
  }

  /** These options as arguments for an engine's process. */
  List<String> arguments() {
    return List.of(
        "--pools",
        Integer.toString(pools),
        "--domains",
        Integer.toString(domains),
        "--resamples",
        Integer.toString(resamples),
        "--cores",
        Integer.toString(cores),
        "--warm",
        Integer.toString(warm),
        "--seed",
        Long.toString(seed));
  }
}
