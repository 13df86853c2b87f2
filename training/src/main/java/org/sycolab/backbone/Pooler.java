package org.sycolab.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Turns a batch of hidden states into one vector per row, as {@link BackboneOptions} say: pooled
 * over the real tokens only, so padding never moves a row's vector, then scaled to unit length when
 * asked.
 */
public final class Pooler {

  private Pooler() {}

  /**
   * Pools hidden states (B,T,H) under an attention mask (B,T) with 1 on real tokens, which must
   * come first in each row (right padding), and returns B rows of H floats.
   */
  public static float[][] pool(NDArray hidden, NDArray mask, BackboneOptions options) {
    NDArray realTokens = mask.toType(DataType.FLOAT32, false);
    NDArray states = hidden.toType(DataType.FLOAT32, false);
    NDArray pooled =
        switch (options.pooling()) {
          case CLS -> states.get(":, 0, :");
          case MEAN ->
              states
                  .mul(realTokens.expandDims(2))
                  .sum(new int[] {1})
                  .div(realTokens.sum(new int[] {1}, true).maximum(1e-9f));
          case LAST -> states.mul(lastTokens(realTokens).expandDims(2)).sum(new int[] {1});
        };
    if (options.normalize()) {
      pooled = pooled.div(pooled.norm(new int[] {1}, true).maximum(1e-12f));
    }
    int rows = (int) hidden.getShape().get(0);
    int width = (int) hidden.getShape().get(2);
    float[] flat = pooled.toFloatArray();
    float[][] out = new float[rows][width];
    for (int row = 0; row < rows; row++) {
      System.arraycopy(flat, row * width, out[row], 0, width);
    }
    return out;
  }

  /**
   * A one-hot (B,T) selector of each row's last real token: a mask position whose next position is
   * padding or the end. Multiplying and summing with it gathers exactly (1·x plus zeros).
   */
  private static NDArray lastTokens(NDArray realTokens) {
    long length = realTokens.getShape().get(1);
    NDArray next =
        length == 1
            ? realTokens.zerosLike()
            : realTokens
                .get(":, 1:")
                .concat(
                    realTokens
                        .getManager()
                        .zeros(
                            realTokens.getShape().slice(0, 1).add(1),
                            DataType.FLOAT32,
                            realTokens.getDevice()),
                    1);
    return realTokens.sub(next).maximum(0f);
  }
}
