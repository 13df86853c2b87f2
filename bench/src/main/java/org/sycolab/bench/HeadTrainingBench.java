package org.sycolab.bench;

import ai.djl.Device;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.sycolab.engine.PyTorchRuntime;
import org.sycolab.heads.BradleyTerryTrainer;
import org.sycolab.heads.EpochMetrics;
import org.sycolab.heads.FeaturePairs;
import org.sycolab.heads.HeadArchitecture;
import org.sycolab.heads.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Timed linear-head trainings in this JVM, for one engine:
 *
 * <pre>
 * HeadTrainingBench --engine sycolab|java [--pairs 20000] [--dev-pairs 2000] [--dimension 384]
 *                   [--epochs E] [--batch B] [--threads 2] [--warm 3] [--seed 1]
 * </pre>
 *
 * <p>It draws planted pairs ({@link PlantedPairs}) from the seed, loads the engine, then times one
 * whole training call of 20 epochs in mini-batches of 256 (the options may change both) with {@code
 * sycolab train}'s learning rate and weight decay ({@link TrainingConfig#defaults}) and patience
 * equal to the epochs, so every epoch runs; and then {@code --warm} more calls. It prints a {@code
 * setup} line and one {@code result} line of {@code key=value} fields, read by {@link
 * HeadTrainingComparison}: the engine's start-up, the first call's and the warm calls' median
 * seconds, the last call's seconds in optimiser steps (the rest is scoring both sets after each
 * epoch and copying the pairs in), and the last epoch's metrics.
 */
@Command(name = "HeadTrainingBench", mixinStandardHelpOptions = true)
public final class HeadTrainingBench implements Callable<Integer> {

  /** The name of sycolab's engine: {@link BradleyTerryTrainer} on the CPU. */
  static final String SYCOLAB = "sycolab";

  /** Trains a head and returns its epoch metrics, epoch 0 first. */
  @FunctionalInterface
  private interface Trainer {
    List<EpochMetrics> train(FeaturePairs train, FeaturePairs dev);
  }

  @Option(names = "--engine", defaultValue = SYCOLAB, description = "sycolab or java")
  String engine;

  @Mixin HeadWorkload workload;

  @Spec CommandSpec spec;

  /** Runs the benchmark; exits 2 on bad usage, 1 on failure. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new HeadTrainingBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    workload.check(spec);
    PyTorchSettings.apply(workload.threads);

    long seed = workload.seed;
    PlantedPairs planted = PlantedPairs.direction(workload.dimension, seed);
    FeaturePairs train = planted.draw(workload.pairs, seed + 1);
    FeaturePairs dev = planted.draw(workload.devPairs, seed + 2);
    TrainingConfig config = workload.config();
    System.out.printf(
        Locale.ROOT,
        "setup engine=%s pairs=%d dev_pairs=%d dimension=%d epochs=%d batch=%d lr=%s"
            + " weight_decay=%s threads=%d%n",
        engine,
        workload.pairs,
        workload.devPairs,
        workload.dimension,
        config.epochs(),
        config.batchSize(),
        config.learningRate(),
        config.weightDecay(),
        workload.threads);

    long start = System.nanoTime();
    Trainer trainer = open(engine, config, workload.dimension);
    double startup = seconds(start);
    start = System.nanoTime();
    List<EpochMetrics> history = trainer.train(train, dev);
    double first = seconds(start);
    double[] warmSeconds = new double[workload.warm];
    for (int i = 0; i < warmSeconds.length; i++) {
      start = System.nanoTime();
      history = trainer.train(train, dev);
      warmSeconds[i] = seconds(start);
    }
    EpochMetrics last = history.get(history.size() - 1);
    double steps = history.stream().mapToDouble(EpochMetrics::seconds).sum();
    System.out.printf(
        Locale.ROOT,
        "result engine=%s startup_s=%.3f first_s=%.3f warm_s=%.3f warm_calls_s=%s steps_s=%.3f"
            + " epochs=%d train_loss=%.4f train_accuracy=%.4f dev_loss=%.4f dev_accuracy=%.4f%n",
        engine,
        startup,
        first,
        Median.of(warmSeconds),
        Arrays.stream(warmSeconds)
            .mapToObj(value -> String.format(Locale.ROOT, "%.3f", value))
            .collect(Collectors.joining(",")),
        steps,
        last.epoch(),
        last.trainLoss(),
        last.trainAccuracy(),
        last.devLoss(),
        last.devAccuracy());
    return 0;
  }

  /** The engine, loaded: for sycolab, PyTorch's native library. */
  private static Trainer open(String engine, TrainingConfig config, int dimension)
      throws Exception {
    return switch (engine) {
      case SYCOLAB -> {
        PyTorchRuntime.engine();
        BradleyTerryTrainer trainer = new BradleyTerryTrainer(config, Device.cpu());
        HeadArchitecture architecture = HeadArchitecture.linear(dimension);
        yield (train, dev) ->
            trainer.train(architecture, train, dev, BradleyTerryTrainer.Listener.NONE).history();
      }
      case JavaLinearHeadTrainer.NAME -> new JavaLinearHeadTrainer(config)::train;
      default ->
          throw new IllegalArgumentException(
              "--engine: expected sycolab or java, got '" + engine + "'");
    };
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
