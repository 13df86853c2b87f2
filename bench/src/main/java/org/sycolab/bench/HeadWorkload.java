package org.sycolab.bench;

import java.util.List;
import org.sycolab.heads.TrainingConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options of the {@code heads} part, shared by its driver and each engine's process: the
 * planted data, the timed workload (20 epochs in mini-batches of 256, the 2-second goal's), and how
 * a process times it.
 */
final class HeadWorkload {

  @Option(names = "--pairs", defaultValue = "20000")
  int pairs;

  @Option(names = "--dev-pairs", defaultValue = "2000")
  int devPairs;

  @Option(names = "--dimension", defaultValue = "384")
  int dimension;

  @Option(names = "--epochs", defaultValue = "20")
  int epochs;

  @Option(names = "--batch", defaultValue = "256")
  int batch;

  @Option(names = "--threads", defaultValue = "2")
  int threads;

  @Option(names = "--warm", defaultValue = "3")
  int warm;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  /** Refuses counts below 1 as usage errors. */
  void check(CommandSpec spec) {
    BenchArguments.positive(spec, "--pairs", pairs);
    BenchArguments.positive(spec, "--dev-pairs", devPairs);
    BenchArguments.positive(spec, "--dimension", dimension);
    BenchArguments.positive(spec, "--epochs", epochs);
    BenchArguments.positive(spec, "--batch", batch);
    BenchArguments.positive(spec, "--threads", threads);
    BenchArguments.positive(spec, "--warm", warm);
  }

  /**
   * The timed config: {@code sycolab train}'s learning rate and weight decay, the workload's epochs
   * and batch, and patience equal to the epochs so that every epoch runs.
   */
  TrainingConfig config() {
    TrainingConfig defaults = TrainingConfig.defaults(seed);
    return new TrainingConfig(
        epochs,
        batch,
        defaults.learningRate(),
        defaults.weightDecay(),
        defaults.margin(),
        defaults.centring(),
        epochs,
        seed);
  }

  /** These options as arguments for an engine's process. */
  List<String> arguments() {
    return List.of(
        "--pairs",
        Integer.toString(pairs),
        "--dev-pairs",
        Integer.toString(devPairs),
        "--dimension",
        Integer.toString(dimension),
        "--epochs",
        Integer.toString(epochs),
        "--batch",
        Integer.toString(batch),
        "--threads",
        Integer.toString(threads),
        "--warm",
        Integer.toString(warm),
        "--seed",
        Long.toString(seed));
  }
}
