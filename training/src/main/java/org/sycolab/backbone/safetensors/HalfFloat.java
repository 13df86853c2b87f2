package org.sycolab.backbone.safetensors;

/**
 * IEEE 754 half precision (binary16) to and from float; Java 17 has no Float.float16ToFloat or
 * Float.floatToFloat16.
 */
final class HalfFloat {

  private static final int FLOAT_EXPONENT_ALL_ONES = 0x7F800000;

  /** Float exponent bias 127 minus half exponent bias 15. */
  private static final int BIAS_DIFFERENCE = 112;

  private static final int HALF_EXPONENT_ALL_ONES = 0x7C00;

  /** Float mantissa bits that a half drops. */
  private static final int DROPPED_BITS = 13;

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

  /**
   * The bits of the half nearest to {@code value}, ties to even; values beyond the largest half
   * (65504) round to infinity, and NaN stays a (quiet) NaN.
   */
  static short fromFloat(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    int exponent = (bits >>> 23) & 0xFF;
    int mantissa = bits & 0x7FFFFF;
    if (exponent == 0xFF) {
      int payload = mantissa == 0 ? 0 : 0x200 | (mantissa >>> DROPPED_BITS);
      return (short) (sign | HALF_EXPONENT_ALL_ONES | payload);
    }
    int halfExponent = exponent - BIAS_DIFFERENCE;
    if (halfExponent >= 0x1F) {
      return (short) (sign | HALF_EXPONENT_ALL_ONES);
    }
    if (halfExponent > 0) {
      // A carry out of the mantissa raises the exponent, up to infinity: still the nearest half.
      return (short) (sign | roundRight((halfExponent << 23) | mantissa, DROPPED_BITS));
    }
    // Subnormal or zero half: count units of 2^-24 in the float's 24-bit significand.
    int shift = DROPPED_BITS + 1 - halfExponent;
    if (shift > 24) {
      return (short) sign;
    }
    return (short) (sign | roundRight(mantissa | 0x800000, shift));
  }

  /** {@code value >>> shift} rounded to nearest, ties to even. */
  private static int roundRight(int value, int shift) {
    int kept = value >>> shift;
    int rest = value & ((1 << shift) - 1);
    int half = 1 << (shift - 1);
    return rest > half || (rest == half && (kept & 1) == 1) ? kept + 1 : kept;
  }
}
