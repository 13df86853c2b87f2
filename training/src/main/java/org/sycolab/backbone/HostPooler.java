package org.sycolab.backbone;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * {@link Pooler}'s pooling for hidden states an engine hands back in host memory: plain Java over
 * the buffer, so that the engine's threads share the CPU with nothing else. Sums and norms are
 * taken in double precision.
 */
public final class HostPooler {

  private HostPooler() {}

  /**
   * Pools right-padded hidden states (B,T,H), row-major in {@code hidden}, into B rows of H floats,
   * over each input's real tokens only, as {@code options} say.
   *
   * @param length T, the padded length
   * @param width H, the hidden size
   */
  public static float[][] pool(
      FloatBuffer hidden,
      List<TokenizedInput> batch,
      int length,
      int width,
      BackboneOptions options) {
    float[][] vectors = new float[batch.size()][];
    float[] state = new float[width];
    for (int row = 0; row < batch.size(); row++) {
      int tokens = batch.get(row).length();
      int first = row * length;
      double[] pooled = new double[width];
      switch (options.pooling()) {
        case CLS -> add(hidden, first, state, pooled);
        case LAST -> add(hidden, first + tokens - 1, state, pooled);
        case MEAN -> {
          for (int t = 0; t < tokens; t++) {
            add(hidden, first + t, state, pooled);
          }
          for (int h = 0; h < width; h++) {
            pooled[h] /= tokens;
          }
        }
      }
      double scale = 1;
      if (options.normalize()) {
        double squares = 0;
        for (double value : pooled) {
          squares += value * value;
        }
        scale = 1 / Math.max(Math.sqrt(squares), 1e-12);
      }
      float[] vector = new float[width];
      for (int h = 0; h < width; h++) {
        vector[h] = (float) (pooled[h] * scale);
      }
      vectors[row] = vector;
    }
    return vectors;
  }

  /** Adds the hidden state at flat position {@code position} (row × T + token) to {@code sum}. */
  private static void add(FloatBuffer hidden, int position, float[] state, double[] sum) {
    hidden.get(position * state.length, state);
    for (int h = 0; h < state.length; h++) {
      sum[h] += state[h];
    }
  }
}
