package org.sycolab.backbone.decoder;

/** The decoder reference's dense operations, on plain double arrays. */
final class ReferenceMath {

  private ReferenceMath() {}

  /** {@code x / sqrt(mean(x²) + eps) · weight}. */
  static double[] rmsNorm(double[] x, float[] weight, double eps) {
    double sumOfSquares = 0;
    for (double value : x) {
      sumOfSquares += value * value;
    }
    double scale = 1 / Math.sqrt(sumOfSquares / x.length + eps);
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] * scale * weight[i];
    }
    return out;
  }

  /**
   * {@code weight · x + bias} for a row-major {@code [out, in]} weight; {@code bias} may be null.
   */
  static double[] linear(float[] weight, float[] bias, double[] x) {
    int in = x.length;
    int out = weight.length / in;
    if (out * in != weight.length || (bias != null && bias.length != out)) {
      throw new IllegalArgumentException(
          "a weight of " + weight.length + " values does not take " + in + " inputs");
    }
    double[] y = new double[out];
    for (int o = 0; o < out; o++) {
      double sum = bias == null ? 0 : bias[o];
      for (int i = 0; i < in; i++) {
        sum += weight[o * in + i] * x[i];
      }
      y[o] = sum;
    }
    return y;
  }

  /** {@code x · sigmoid(x)}. */
  static double silu(double x) {
    return x / (1 + Math.exp(-x));
  }

  /** {@code a + b}, elementwise. */
  static double[] add(double[] a, double[] b) {
    double[] sum = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      sum[i] = a[i] + b[i];
    }
    return sum;
  }

  /**
   * Causal grouped-query attention: query head {@code h} of position {@code t} attends to the key
   * and value head {@code h / (heads / kvHeads)} of positions {@code 0..t}, with scores {@code q·k
   * / sqrt(headDim)}; returns each position's heads concatenated.
   */
  static double[][] causalAttention(
      double[][] queries, double[][] keys, double[][] values, int heads, int kvHeads) {
    int headDim = queries[0].length / heads;
    int group = heads / kvHeads;
    double scale = 1 / Math.sqrt(headDim);
    double[][] out = new double[queries.length][heads * headDim];
    for (int t = 0; t < queries.length; t++) {
      for (int head = 0; head < heads; head++) {
        int q = head * headDim;
        int kv = head / group * headDim;
        double[] weights = new double[t + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s <= t; s++) {
          double dot = 0;
          for (int d = 0; d < headDim; d++) {
            dot += queries[t][q + d] * keys[s][kv + d];
          }
          weights[s] = dot * scale;
          max = Math.max(max, weights[s]);
        }
        double total = 0;
        for (int s = 0; s <= t; s++) {
          weights[s] = Math.exp(weights[s] - max);
          total += weights[s];
        }
        for (int s = 0; s <= t; s++) {
          for (int d = 0; d < headDim; d++) {
            out[t][q + d] += weights[s] / total * values[s][kv + d];
          }
        }
      }
    }
    return out;
  }
}
