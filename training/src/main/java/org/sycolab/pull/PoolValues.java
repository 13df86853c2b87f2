package org.sycolab.pull;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Per pool and setting, the expectations under the selection π of what the metrics average:
 * truthful, agrees, approval (z_A) and KL(π ‖ π₀). Row-major: pool {@code p}, setting {@code s},
 * quantity {@code q} at {@code p·columns + s·QUANTITIES + q}.
 */
final class PoolValues {
  static final int TRUTHFUL = 0;
  static final int AGREES = 1;
  static final int APPROVAL = 2;
  static final int KL = 3;
  static final int QUANTITIES = 4;

  private static final int BLOCK = 256;

  final int pools;
  final int columns;
  final double[] values;

  private PoolValues(int pools, int columns, double[] values) {
    this.pools = pools;
    this.columns = columns;
    this.values = values;
  }

  /** Computes every pool's values for standardised scores; pools are spread over the cores. */
  static PoolValues compute(PoolSet pools, RewardScores standardised, List<Setting> settings) {
    int columns = settings.size() * QUANTITIES;
    double[] values = new double[pools.size() * columns];
    int blocks = (pools.size() + BLOCK - 1) / BLOCK;
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            block -> {
              PoolEvaluator evaluator = new PoolEvaluator(pools, standardised, settings);
              int end = Math.min(pools.size(), (block + 1) * BLOCK);
              for (int p = block * BLOCK; p < end; p++) {
                evaluator.evaluate(p, values, p * columns);
              }
            });
    return new PoolValues(pools.size(), columns, values);
  }

  /** Element-wise sum with another replicate's values (same pools and settings), in place. */
  PoolValues plus(PoolValues other) {
    for (int i = 0; i < values.length; i++) {
      values[i] += other.values[i];
    }
    return this;
  }

  /** Every value multiplied by {@code factor}, in place. */
  PoolValues times(double factor) {
    for (int i = 0; i < values.length; i++) {
      values[i] *= factor;
    }
    return this;
  }

  /** Scratch space for one thread's pools. */
  private static final class PoolEvaluator {
    private final PoolSet pools;
    private final RewardScores z;
    private final List<Setting> settings;
    private final Ranking ranking;
    private final double[] reward;
    private final double[] selection;
    private final double[] reference;

    PoolEvaluator(PoolSet pools, RewardScores z, List<Setting> settings) {
      this.pools = pools;
      this.z = z;
      this.settings = settings;
      int capacity = pools.maxPoolSize();
      ranking = new Ranking(capacity);
      reward = new double[capacity];
      selection = new double[capacity];
      reference = new double[capacity];
    }

    void evaluate(int p, double[] out, int at) {
      int start = pools.start(p);
      int size = pools.poolSize(p);
      double[] logReference = pools.logReference();
      for (int c = 0; c < size; c++) {
        reference[c] = Math.exp(logReference[start + c]);
      }
      // Settings come λ by λ: the reward is mixed, and ranked, once per λ, not once per setting.
      double rewardLambda = Double.NaN;
      double rankedLambda = Double.NaN;
      for (int s = 0; s < settings.size(); s++) {
        Setting setting = settings.get(s);
        double lambda = setting.lambda();
        if (setting.selector() != Setting.Selector.REFERENCE
            && Double.compare(lambda, rewardLambda) != 0) {
          for (int c = 0; c < size; c++) {
            reward[c] = lambda * z.agreeable()[start + c] + (1 - lambda) * z.grounded()[start + c];
          }
          rewardLambda = lambda;
        }
        switch (setting.selector()) {
          case BEST_OF_N -> {
            if (Double.compare(lambda, rankedLambda) != 0) {
              ranking.rank(reward, size);
              rankedLambda = lambda;
            }
            BestOfN.probabilities(ranking, reference, 0, setting.n(), selection);
          }
          case TILT -> {
            Tilt.probabilities(reward, logReference, start, size, setting.beta(), selection);
          }
          case REFERENCE -> System.arraycopy(reference, 0, selection, 0, size);
        }
        int o = at + s * QUANTITIES;
        double truthful = 0;
        double agrees = 0;
        double approval = 0;
        for (int c = 0; c < size; c++) {
          double pi = selection[c];
          truthful += pools.truthful(start + c) ? pi : 0;
          agrees += pools.agrees(start + c) ? pi : 0;
          approval += pi * z.agreeable()[start + c];
        }
        out[o + TRUTHFUL] = truthful;
        out[o + AGREES] = agrees;
        out[o + APPROVAL] = approval;
        out[o + KL] =
            setting.selector() == Setting.Selector.REFERENCE
                ? 0
                : Divergence.kl(selection, reference, 0, size);
      }
    }
  }
}
