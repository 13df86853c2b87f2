package org.sycolab.backbone.reward;

/**
 * A reward model's head, applied in double precision to the hidden state its backbone pools: one
 * reward per text.
 */
public sealed interface ScoreHead permits ScoreHead.Linear, ScoreHead.PooledLinear {

  /** The reward of one pooled hidden state. */
  double reward(float[] hidden);

  /**
   * A decoder's {@code score}: {@code weight · h + bias} on the final-norm hidden state of the last
   * token.
   *
   * @param weight the (1,H) weight as H values
   * @param bias the bias; 0 when the head has none (transformers' decoders have none)
   */
  record Linear(double[] weight, double bias) implements ScoreHead {

    @Override
    public double reward(float[] hidden) {
      return dot(weight, hidden, 0) + bias;
    }
  }

  /**
   * BERT's head: the pooler {@code tanh(W_p · h + b_p)} on the {@code [CLS]} hidden state, then the
   * classifier {@code w · pooled + b}.
   *
   * @param pooler the (H,H) pooler weight, row-major
   * @param poolerBias the pooler bias, H values
   * @param weight the classifier's (1,H) weight as H values
   * @param bias the classifier's bias
   */
  record PooledLinear(double[] pooler, double[] poolerBias, double[] weight, double bias)
      implements ScoreHead {

    @Override
    public double reward(float[] hidden) {
      int width = poolerBias.length;
      double sum = bias;
      for (int row = 0; row < width; row++) {
        sum += weight[row] * Math.tanh(dot(pooler, hidden, row * width) + poolerBias[row]);
      }
      return sum;
    }
  }

  /** {@code weights[offset .. offset + h.length) · h}. */
  private static double dot(double[] weights, float[] hidden, int offset) {
    double sum = 0;
    for (int i = 0; i < hidden.length; i++) {
      sum += weights[offset + i] * hidden[i];
    }
    return sum;
  }
}
