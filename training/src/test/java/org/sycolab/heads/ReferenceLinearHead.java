package org.sycolab.heads;

/**
 * A linear head trained in plain Java doubles, written from the definitions: the Bradley–Terry
 * objective with margin and centring, its gradient by hand, and AdamW as DJL's PyTorch engine
 * applies it (decoupled decay w ← w − lr·wd·w, then w ← w − lr·√(1−β₂ᵗ)/(1−β₁ᵗ) · m/(√v + ε)).
 */
final class ReferenceLinearHead {

  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final double[] w;
  private double b;
  private final double[] m;
  private final double[] v;
  private final TrainingConfig config;
  private int t;

  ReferenceLinearHead(HeadWeights initial, TrainingConfig config) {
    float[] weight = initial.tensor(HeadArchitecture.LINEAR_WEIGHT);
    w = new double[weight.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = weight[i];
    }
    b = initial.tensor(HeadArchitecture.LINEAR_BIAS)[0];
    m = new double[w.length + 1];
    v = new double[w.length + 1];
    this.config = config;
  }

  float[] weight() {
    float[] out = new float[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = (float) w[i];
    }
    return out;
  }

  double objective(FeaturePairs pairs) {
    float[] scores = new float[2 * pairs.size()];
    for (int row = 0; row < scores.length; row++) {
      scores[row] = (float) score(pairs, row);
    }
    return BradleyTerry.objective(scores, config.margin(), config.centring());
  }

  /** One AdamW step on the mean objective over all pairs. */
  void step(FeaturePairs pairs) {
    int[] all = new int[pairs.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    step(pairs, all);
  }

  /**
   * One epoch: the pairs in {@code order}, cut into consecutive mini-batches of {@code batchSize},
   * one AdamW step each.
   */
  void epoch(FeaturePairs pairs, int[] order, int batchSize) {
    for (int from = 0; from < order.length; from += batchSize) {
      step(
          pairs,
          java.util.Arrays.copyOfRange(order, from, Math.min(from + batchSize, order.length)));
    }
  }

  /** One AdamW step on the mean objective over the pairs {@code rows}. */
  private void step(FeaturePairs pairs, int[] rows) {
    int n = rows.length;
    int d = pairs.dimension();
    double[] gradient = new double[d + 1];
    for (int r = 0; r < n; r++) {
      int i = rows[r];
      double chosen = score(pairs, 2 * i);
      double rejected = score(pairs, 2 * i + 1);
      // d/dz of -log σ(z) is -σ(-z), with z = r_c - r_r - margin.
      double dz = -1 / (1 + Math.exp(chosen - rejected - config.margin()));
      // d/dr of c·(r_c + r_r)² is 2c(r_c + r_r) for both scores.
      double dsum = 2 * config.centring() * (chosen + rejected);
      double dChosen = (dz + dsum) / n;
      double dRejected = (-dz + dsum) / n;
      for (int j = 0; j < d; j++) {
        gradient[j] +=
            dChosen * pairs.values()[2 * i * d + j]
                + dRejected * pairs.values()[(2 * i + 1) * d + j];
      }
      gradient[d] += dChosen + dRejected;
    }
    t++;
    double lr = config.learningRate();
    double corrected = lr * Math.sqrt(1 - Math.pow(BETA2, t)) / (1 - Math.pow(BETA1, t));
    for (int j = 0; j <= d; j++) {
      double value = j < d ? w[j] : b;
      value -= lr * config.weightDecay() * value;
      m[j] = BETA1 * m[j] + (1 - BETA1) * gradient[j];
      v[j] = BETA2 * v[j] + (1 - BETA2) * gradient[j] * gradient[j];
      value -= corrected * m[j] / (Math.sqrt(v[j]) + EPSILON);
      if (j < d) {
        w[j] = value;
      } else {
        b = value;
      }
    }
  }

  private double score(FeaturePairs pairs, int row) {
    int d = pairs.dimension();
    double sum = b;
    for (int j = 0; j < d; j++) {
      sum += w[j] * pairs.values()[row * d + j];
    }
    return sum;
  }
}
