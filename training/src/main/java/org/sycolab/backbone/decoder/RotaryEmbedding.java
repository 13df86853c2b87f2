package org.sycolab.backbone.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embedding in the Hugging Face convention: each head vector's first and second
 * halves form the rotated pairs ({@code x·cos + rotate_half(x)·sin}, {@code rotate_half(x) = (−x₂,
 * x₁)}), frequency {@code j} is {@code θ^(−2j/d)}, optionally rescaled the llama3 way. The
 * frequencies and angles are computed in float32 as transformers computes them, so positions far
 * into a long input rotate exactly as the model was trained to expect.
 */
final class RotaryEmbedding {

  private final float[] inverseFrequencies;

  RotaryEmbedding(DecoderConfig config) {
    this.inverseFrequencies =
        inverseFrequencies(config.headSize(), config.ropeTheta(), config.ropeScaling());
  }

  /** {@code 1/θ^(2j/d)} for {@code j < d/2}, then the llama3 rescaling when configured. */
  static float[] inverseFrequencies(int headSize, double theta, DecoderConfig.RopeScaling scaling) {
    float[] inverse = new float[headSize / 2];
    for (int j = 0; j < inverse.length; j++) {
      float exponent = (float) (2 * j) / headSize;
      inverse[j] = 1f / (float) Math.pow((float) theta, exponent);
    }
    if (scaling != null) {
      // In float32 throughout, as transformers rescales its float32 frequencies.
      float factor = (float) scaling.factor();
      float low = (float) scaling.lowFreqFactor();
      float high = (float) scaling.highFreqFactor();
      float original = scaling.originalMaxPositions();
      float lowFreqWavelength = original / low;
      float highFreqWavelength = original / high;
      for (int j = 0; j < inverse.length; j++) {
        float wavelength = 2 * (float) Math.PI / inverse[j];
        if (wavelength > lowFreqWavelength) {
          inverse[j] = inverse[j] / factor;
        } else if (wavelength >= highFreqWavelength) {
          float smooth = (original / wavelength - low) / (high - low);
          inverse[j] = (1 - smooth) * inverse[j] / factor + smooth * inverse[j];
        }
      }
    }
    return inverse;
  }

  /**
   * The cosines and sines (T, d) for positions 0 to {@code length − 1}, each frequency's angle
   * repeated in both halves, in {@code type} on the manager's device.
   */
  NDList table(NDManager manager, int length, DataType type) {
    int half = inverseFrequencies.length;
    int width = 2 * half;
    float[] cos = new float[length * width];
    float[] sin = new float[length * width];
    for (int position = 0; position < length; position++) {
      for (int j = 0; j < half; j++) {
        float angle = position * inverseFrequencies[j];
        float c = (float) Math.cos(angle);
        float s = (float) Math.sin(angle);
        int at = position * width + j;
        cos[at] = c;
        cos[at + half] = c;
        sin[at] = s;
        sin[at + half] = s;
      }
    }
    Shape shape = new Shape(length, width);
    return new NDList(
        manager.create(cos, shape).toType(type, false),
        manager.create(sin, shape).toType(type, false));
  }

  /** Rotates heads (B, heads, T, d) by the table's cosines and sines (T, d). */
  static NDArray rotate(NDArray heads, NDArray cos, NDArray sin) {
    long half = heads.getShape().get(3) / 2;
    NDArray first = heads.get("..., :{}", half);
    NDArray second = heads.get("..., {}:", half);
    NDArray rotatedHalf = second.neg().concat(first, -1);
    return heads.mul(cos).addi(rotatedHalf.muli(sin));
  }
}
