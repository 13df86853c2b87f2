package org.sycolab.backbone.safetensors;

/** IEEE 754 half precision (binary16) to float; Java 17 has no Float.float16ToFloat. */
final class HalfFloat {

  private static final int FLOAT_EXPONENT_ALL_ONES = 0x7F800000;

  /** Float exponent bias 127 minus half exponent bias 15. */
  private static final int BIAS_DIFFERENCE = 112;

  private HalfFloat() {}

  /** The exact float value of the half whose bits are {@code bits}. */
  static float toFloat(short bits) {
    int half = bits & 0xFFFF;
    int sign = (half & 0x8000) << 16;
    int exponent = (half >>> 10) & 0x1F;
    int mantissa = half & 0x3FF;
    if (exponent == 0x1F) {
      // Infinity (mantissa 0) or NaN, keeping the payload.
      return Float.intBitsToFloat(sign | FLOAT_EXPONENT_ALL_ONES | (mantissa << 13));
    }
    if (exponent == 0) {
      // Zero or subnormal: mantissa × 2^-24, exact in a float.
      float magnitude = mantissa * 0x1p-24f;
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + BIAS_DIFFERENCE) << 23) | (mantissa << 13));
  }
}
