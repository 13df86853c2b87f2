package org.sycolab.heads;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.AdamW;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Trains one reward head on feature pairs with the Bradley–Terry loss and AdamW, on the device
 * given. The training pairs live on the device as one {@code (N, 2, d)} array; each epoch gathers
 * them once in a shuffled order (a second copy on the device while the epoch runs) and splits that
 * into mini-batches, so an epoch costs no copies from Java. After every epoch the head is scored on
 * the training and dev pairs; the weights with the best dev accuracy (at equal accuracy, the lower
 * dev loss) are kept, and training stops when {@code patience} epochs bring no improvement. On CPU
 * the same seed gives the same weights: initial weights and pair order come from Java's {@link
 * SplittableRandom}, dropout from the engine's generator, which training reseeds.
 *
 * <p>Not for concurrent use: the engine's generator is global, and the PyTorch engine allows one
 * gradient collector at a time in a process.
 */
public final class BradleyTerryTrainer {

  /** Hears about each finished epoch. */
  @FunctionalInterface
  public interface Listener {
    /** No reporting. */
    Listener NONE = metrics -> {};

    /** Called after epoch 0 (the initial weights) and after every epoch trained. */
    void epoch(EpochMetrics metrics);
  }

  private static final int SCORE_ROWS = 16_384;
  private static final double RUNAWAY_FACTOR = 100;

  private final TrainingConfig config;
  private final Device device;
  private final Engine engine = Engine.getEngine("PyTorch");

  /** A trainer for {@code config} on {@code device}. */
  public BradleyTerryTrainer(TrainingConfig config, Device device) {
    this.config = config;
    this.device = device;
  }

  /**
   * Trains a head of {@code architecture} on {@code train}, stopping early on {@code dev}.
   *
   * @throws TrainingDivergedException when the training loss becomes NaN or infinite, or grows a
   *     hundredfold over its initial value
   */
  public TrainingResult train(
      HeadArchitecture architecture, FeaturePairs train, FeaturePairs dev, Listener listener) {
    if (train.dimension() != architecture.inputDimension()
        || dev.dimension() != architecture.inputDimension()) {
      throw new IllegalArgumentException(
          "features have dimension "
              + train.dimension()
              + " but the head expects "
              + architecture.inputDimension());
    }
    engine.setRandomSeed(Long.hashCode(config.seed()));
    SplittableRandom order = new SplittableRandom(config.seed());
    try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
      NDArray trainArray = pairsArray(manager, train);
      NDArray devArray = pairsArray(manager, dev);
      RewardHead head =
          RewardHead.of(HeadWeights.initial(architecture, config.seed()), manager, true);
      ParameterStore store = new ParameterStore(manager, false);
      NDArray signs = manager.create(new float[] {1, -1});
      Optimizer optimizer =
          AdamW.builder()
              .optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
              .optWeightDecays((float) config.weightDecay())
              .build();

      List<EpochMetrics> history = new ArrayList<>();
      EpochMetrics initial = evaluate(head, store, trainArray, devArray, 0, 0);
      history.add(initial);
      listener.epoch(initial);
      EpochMetrics best = initial;
      HeadWeights bestWeights = head.weights();
      int[] permutation = identity(train.size());
      boolean stoppedEarly = false;
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        long start = System.nanoTime();
        shuffle(permutation, order);
        try (NDManager epochScope = manager.newSubManager()) {
          // One gather per epoch puts the pairs in this epoch's order; each step then takes a
          // contiguous slice of it.
          NDArray shuffled = trainArray.get(new NDIndex("{}", epochScope.create(permutation)));
          shuffled.attach(epochScope);
          for (NDArray batch : shuffled.split(batchStarts(permutation.length))) {
            step(head, store, optimizer, batch, signs, epochScope);
          }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        EpochMetrics metrics = evaluate(head, store, trainArray, devArray, epoch, seconds);
        checkDivergence(metrics, initial);
        history.add(metrics);
        listener.epoch(metrics);
        if (improves(metrics, best)) {
          best = metrics;
          bestWeights = head.weights();
        } else if (epoch - best.epoch() >= config.patience()) {
          stoppedEarly = epoch < config.epochs();
          break;
        }
      }
      return new TrainingResult(bestWeights, best.epoch(), history, stoppedEarly);
    }
  }

  private void step(
      RewardHead head,
      ParameterStore store,
      Optimizer optimizer,
      NDArray batch,
      NDArray signs,
      NDManager manager) {
    try (NDManager scope = manager.newSubManager()) {
      // Results attach to their first operand's manager: moving the batch into the step's scope
      // makes every array derived from it (scores, loss, graph) end with the step.
      batch.attach(scope);
      try (GradientCollector collector = engine.newGradientCollector()) {
        NDArray scores = head.forward(store, new NDList(batch), true).singletonOrThrow();
        collector.backward(loss(scores, signs));
      }
      for (Parameter parameter : head.tensors().values()) {
        NDArray weight = parameter.getArray();
        try (NDArray gradient = weight.getGradient()) {
          optimizer.update(parameter.getId(), weight, gradient);
        }
      }
    }
  }

  /** Where each mini-batch after the first starts. */
  private long[] batchStarts(int pairs) {
    int batches = (pairs + config.batchSize() - 1) / config.batchSize();
    long[] starts = new long[batches - 1];
    for (int i = 1; i < batches; i++) {
      starts[i - 1] = (long) i * config.batchSize();
    }
    return starts;
  }

  /**
   * The mean Bradley–Terry objective of scores {@code (B, 2)}, as a graph for backward; {@code
   * signs} is (1, −1), so that one product gives r_c − r_r.
   */
  private NDArray loss(NDArray scores, NDArray signs) {
    NDArray difference = scores.matMul(signs);
    if (config.margin() != 0) {
      difference = difference.sub(config.margin());
    }
    NDArray loss = Activation.softPlus(difference.neg()).mean();
    if (config.centring() != 0) {
      loss = loss.add(scores.sum(new int[] {1}).square().mean().mul(config.centring()));
    }
    return loss;
  }

  private EpochMetrics evaluate(
      RewardHead head,
      ParameterStore store,
      NDArray trainArray,
      NDArray devArray,
      int epoch,
      double seconds) {
    float[] trainScores = scores(head, store, trainArray);
    float[] devScores = scores(head, store, devArray);
    return new EpochMetrics(
        epoch,
        BradleyTerry.objective(trainScores, config.margin(), config.centring()),
        BradleyTerry.accuracy(trainScores),
        BradleyTerry.objective(devScores, config.margin(), config.centring()),
        BradleyTerry.accuracy(devScores),
        seconds);
  }

  /** Interleaved chosen/rejected scores of every pair, without dropout or gradients. */
  static float[] scores(RewardHead head, ParameterStore store, NDArray pairs) {
    long n = pairs.getShape().get(0);
    float[] scores = new float[Math.toIntExact(2 * n)];
    for (long from = 0; from < n; from += SCORE_ROWS) {
      long to = Math.min(from + SCORE_ROWS, n);
      try (NDManager scope = pairs.getManager().newSubManager()) {
        NDArray chunk = pairs.get(from + ":" + to);
        chunk.attach(scope);
        float[] values =
            head.forward(store, new NDList(chunk), false).singletonOrThrow().toFloatArray();
        System.arraycopy(values, 0, scores, Math.toIntExact(2 * from), values.length);
      }
    }
    return scores;
  }

  private static void checkDivergence(EpochMetrics metrics, EpochMetrics initial) {
    double loss = metrics.trainLoss();
    if (!Double.isFinite(loss)) {
      throw new TrainingDivergedException(
          String.format(
              Locale.ROOT,
              "training loss became %s in epoch %d; lower the learning rate (--lr)",
              loss,
              metrics.epoch()));
    }
    if (loss > RUNAWAY_FACTOR * Math.max(initial.trainLoss(), Math.log(2))) {
      throw new TrainingDivergedException(
          String.format(
              Locale.ROOT,
              "training loss ran away: %.4g in epoch %d against %.4g before training; lower the"
                  + " learning rate (--lr)",
              loss,
              metrics.epoch(),
              initial.trainLoss()));
    }
  }

  /** A better dev accuracy, or the same with a lower dev loss. */
  private static boolean improves(EpochMetrics metrics, EpochMetrics best) {
    return metrics.devAccuracy() > best.devAccuracy()
        || (metrics.devAccuracy() == best.devAccuracy() && metrics.devLoss() < best.devLoss());
  }

  private static NDArray pairsArray(NDManager manager, FeaturePairs pairs) {
    return manager.create(pairs.values(), new Shape(pairs.size(), 2, pairs.dimension()));
  }

  private static int[] identity(int n) {
    int[] values = new int[n];
    for (int i = 0; i < n; i++) {
      values[i] = i;
    }
    return values;
  }

  /** Fisher–Yates, so the order depends on the seed alone. */
  private static void shuffle(int[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }
}
