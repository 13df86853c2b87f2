package org.sycolab.bench;

import org.sycolab.backbone.Precision;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of the decoder-shaped benchmarks ({@link DecoderThroughput}, {@link
 * LogprobThroughput}): the model's depth, the batches, the threads and where and in what type it
 * runs.
 */
final class DecoderBenchOptions {

  @Option(names = "--layers", defaultValue = "24")
  int layers;

  @Option(names = "--batch", defaultValue = "8")
  int batchSize;

  @Option(names = "--length", defaultValue = "128")
  int length;

  @Option(names = "--batches", defaultValue = "4")
  int batches;

  @Option(names = "--warmup", defaultValue = "1")
  int warmup;

  @Option(names = "--threads", defaultValue = "2")
  int threads;

  @Option(names = "--dtype", defaultValue = "float32")
  String dtype;

  @Option(names = "--device", defaultValue = "cpu")
  String device;

  @Option(names = "--seed", defaultValue = "1")
  long seed;

  /**
   * Checks the counts ({@code --length} at least {@code shortestLength}) and returns the precision.
   *
   * @throws ParameterException naming the option, as picocli reports bad usage
   */
  Precision check(CommandSpec spec, int shortestLength) {
    BenchArguments.positive(spec, "--layers", layers);
    BenchArguments.positive(spec, "--batch", batchSize);
    BenchArguments.positive(spec, "--batches", batches);
    BenchArguments.positive(spec, "--threads", threads);
    if (length < shortestLength) {
      throw new ParameterException(
          spec.commandLine(), "--length must be at least " + shortestLength);
    }
    try {
      return Precision.parse(dtype);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--dtype: " + e.getMessage());
    }
  }
}
