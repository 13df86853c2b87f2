package org.sycolab.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.sycolab.heads.BradleyTerry;
import org.sycolab.heads.EpochMetrics;
import org.sycolab.heads.FeaturePairs;
import org.sycolab.heads.HeadArchitecture;
import org.sycolab.heads.HeadWeights;
import org.sycolab.heads.TrainingConfig;

/**
 * The reference engine of the {@code heads} part: a linear head trained in single-threaded plain
 * Java loops with the Bradley–Terry loss −log σ(r_c − r_r), its gradient by hand, and AdamW as
 * DJL's PyTorch engine applies it. It starts from the same initial weights and visits the pairs in
 * the same seeded order as sycolab's trainer, scores both sets after every epoch as it does, and
 * runs every epoch (no early stopping).
 */
final class JavaLinearHeadTrainer {

  /** The engine's name. */
  static final String NAME = "java";

  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final TrainingConfig config;

  /** A trainer for {@code config}, which must have no margin and no centring term. */
  JavaLinearHeadTrainer(TrainingConfig config) {
    if (config.margin() != 0 || config.centring() != 0) {
      throw new IllegalArgumentException("the reference trainer has no margin or centring term");
    }
    this.config = config;
  }

  /** Trains on {@code train}, returning the metrics of epoch 0 and of every epoch. */
  List<EpochMetrics> train(FeaturePairs train, FeaturePairs dev) {
    int d = train.dimension();
    Head head = new Head(HeadWeights.initial(HeadArchitecture.linear(d), config.seed()));
    SplittableRandom order = new SplittableRandom(config.seed());
    int[] permutation = new int[train.size()];
    for (int i = 0; i < permutation.length; i++) {
      permutation[i] = i;
    }
    List<EpochMetrics> history = new ArrayList<>();
    history.add(evaluate(head, train, dev, 0, 0));
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      long start = System.nanoTime();
      shuffle(permutation, order);
      for (int from = 0; from < permutation.length; from += config.batchSize()) {
        head.step(
            train, permutation, from, Math.min(from + config.batchSize(), permutation.length));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      history.add(evaluate(head, train, dev, epoch, seconds));
    }
    return history;
  }

  private static EpochMetrics evaluate(
      Head head, FeaturePairs train, FeaturePairs dev, int epoch, double seconds) {
    float[] trainScores = head.scores(train);
    float[] devScores = head.scores(dev);
    return new EpochMetrics(
        epoch,
        BradleyTerry.objective(trainScores, 0, 0),
        BradleyTerry.accuracy(trainScores),
        BradleyTerry.objective(devScores, 0, 0),
        BradleyTerry.accuracy(devScores),
        seconds);
  }

  /** Fisher–Yates with the trainer's generator, so both engines see the pairs in one order. */
  private static void shuffle(int[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }

  /** The head's parameters (d weights, then the bias) and AdamW's state, in floats. */
  private final class Head {
    private final int d;
    private final float[] parameters;
    private final float[] gradient;
    private final float[] m;
    private final float[] v;
    private int t;

    Head(HeadWeights initial) {
      float[] weight = initial.tensor(HeadArchitecture.LINEAR_WEIGHT);
      float[] bias = initial.tensor(HeadArchitecture.LINEAR_BIAS);
      d = weight.length;
      parameters = new float[d + 1];
      System.arraycopy(weight, 0, parameters, 0, d);
      parameters[d] = bias[0];
      gradient = new float[d + 1];
      m = new float[d + 1];
      v = new float[d + 1];
    }

    /** Interleaved chosen/rejected scores of every pair. */
    float[] scores(FeaturePairs pairs) {
      float[] scores = new float[2 * pairs.size()];
      for (int row = 0; row < scores.length; row++) {
        scores[row] = (float) score(pairs.values(), row * d);
      }
      return scores;
    }

    /** One AdamW step on the mean loss over the pairs {@code permutation[from..to)}. */
    void step(FeaturePairs pairs, int[] permutation, int from, int to) {
      float[] x = pairs.values();
      Arrays.fill(gradient, 0);
      for (int k = from; k < to; k++) {
        int chosen = 2 * permutation[k] * d;
        int rejected = chosen + d;
        // d/dz of −log σ(z) is −σ(−z), with z = r_c − r_r; the bias cancels out of z.
        double z = score(x, chosen) - score(x, rejected);
        float dz = (float) (-1 / (1 + Math.exp(z)) / (to - from));
        for (int j = 0; j < d; j++) {
          gradient[j] += dz * (x[chosen + j] - x[rejected + j]);
        }
      }
      t++;
      double lr = config.learningRate();
      double decay = 1 - lr * config.weightDecay();
      double corrected = lr * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
      for (int j = 0; j <= d; j++) {
        float g = gradient[j];
        m[j] = (float) (BETA1 * m[j] + (1 - BETA1) * g);
        v[j] = (float) (BETA2 * v[j] + (1 - BETA2) * g * g);
        parameters[j] =
            (float) (decay * parameters[j] - corrected * m[j] / (Math.sqrt(v[j]) + EPSILON));
      }
    }

    private double score(float[] x, int offset) {
      double sum = parameters[d];
      for (int j = 0; j < d; j++) {
        sum += parameters[j] * (double) x[offset + j];
      }
      return sum;
    }
  }
}
