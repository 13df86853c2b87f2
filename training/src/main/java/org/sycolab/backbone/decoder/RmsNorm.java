package org.sycolab.backbone.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Root-mean-square normalisation as transformers' {@code LlamaRMSNorm} computes it: {@code x /
 * sqrt(mean(x²) + ε)} in float32, cast back to x's type, then times the weight.
 */
final class RmsNorm {

  private RmsNorm() {}

  static NDArray apply(NDArray x, NDArray weight, double eps) {
    NDArray wide = x.toType(DataType.FLOAT32, false);
    NDArray rms = wide.square().mean(new int[] {-1}, true).addi((float) eps).sqrt();
    return wide.div(rms).toType(x.getDataType(), false).muli(weight);
  }
}
