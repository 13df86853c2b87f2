package org.sycolab.bench;

import java.nio.FloatBuffer;
import java.util.List;
import org.sycolab.backbone.TokenizedInput;

/** Mean pooling over the real (unpadded) tokens, then unit L2 norm: sycolab's default pooling. */
final class MeanPooling {

  private MeanPooling() {}

  /**
   * Pools a row-major (B,T,H) hidden state.
   *
   * @param hidden the hidden state, {@code batch.size() * length * H} values
   * @param batch the inputs, whose lengths say which positions are real
   * @param length T, the padded length
   */
  static float[][] pool(FloatBuffer hidden, List<TokenizedInput> batch, int length) {
    int size = hidden.remaining() / (batch.size() * length);
    float[][] rows = new float[batch.size()][size];
    for (int row = 0; row < batch.size(); row++) {
      float[] sum = rows[row];
      int tokens = batch.get(row).length();
      for (int t = 0; t < tokens; t++) {
        int base = (row * length + t) * size;
        for (int h = 0; h < size; h++) {
          sum[h] += hidden.get(base + h);
        }
      }
      double norm = 0;
      for (int h = 0; h < size; h++) {
        sum[h] /= tokens;
        norm += (double) sum[h] * sum[h];
      }
      float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
      for (int h = 0; h < size; h++) {
        sum[h] *= scale;
      }
    }
    return rows;
  }
}
