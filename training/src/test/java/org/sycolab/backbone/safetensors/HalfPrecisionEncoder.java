package org.sycolab.backbone.safetensors;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Float to IEEE 754 half precision (binary16) and to bfloat16, rounded to nearest with ties to
 * even, for writing F16 and BF16 test checkpoints through {@link SafetensorsWriter#addBytes}; the
 * reading side, {@link HalfFloat#toFloat} and {@link BFloat16#toFloat}, is the library's.
 */
public final class HalfPrecisionEncoder {

  /** Float exponent bias 127 minus half exponent bias 15. */
  private static final int BIAS_DIFFERENCE = 112;

  private static final int HALF_EXPONENT_ALL_ONES = 0x7C00;

  /** Float mantissa bits that a half drops. */
  private static final int DROPPED_BITS = 13;

  private HalfPrecisionEncoder() {}

  /**
   * The little-endian bytes of {@code values} stored as {@code dtype}, F32, F16 or BF16, each value
   * rounded as {@link #roundTo} does.
   */
  public static byte[] encode(DType dtype, float[] values) {
    if (dtype == DType.F32) {
      ByteBuffer bytes = littleEndian(Math.multiplyExact(values.length, Float.BYTES));
      bytes.asFloatBuffer().put(values);
      return bytes.array();
    }
    checkHalf(dtype);
    ByteBuffer bytes = littleEndian(Math.multiplyExact(values.length, Short.BYTES));
    for (float value : values) {
      bytes.putShort(dtype == DType.F16 ? toF16(value) : toBf16(value));
    }
    return bytes.array();
  }

  /**
   * The value that {@code value} reads back as once written as {@code dtype}: itself for F32, the
   * nearest F16 or BF16 value (ties to even) otherwise.
   */
  public static float roundTo(DType dtype, float value) {
    if (dtype == DType.F32) {
      return value;
    }
    checkHalf(dtype);
    return dtype == DType.F16 ? HalfFloat.toFloat(toF16(value)) : BFloat16.toFloat(toBf16(value));
  }

  /**
   * The bits of the half nearest to {@code value}, ties to even; values beyond the largest half
   * (65504) round to infinity, and NaN stays a (quiet) NaN.
   */
  static short toF16(float value) {
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

  /** The bits of the bfloat16 nearest to {@code value}, ties to even; NaN stays a (quiet) NaN. */
  static short toBf16(float value) {
    int bits = Float.floatToRawIntBits(value);
    if (Float.isNaN(value)) {
      return (short) ((bits >>> 16) | 0x0040);
    }
    // Adding just under half a unit, plus one when the kept part is odd, rounds ties to even;
    // a carry into the exponent gives the next binade or infinity, both the nearest value.
    int rounded = bits + 0x7FFF + ((bits >>> 16) & 1);
    return (short) (rounded >>> 16);
  }

  /** {@code value >>> shift} rounded to nearest, ties to even. */
  private static int roundRight(int value, int shift) {
    int kept = value >>> shift;
    int rest = value & ((1 << shift) - 1);
    int half = 1 << (shift - 1);
    return rest > half || (rest == half && (kept & 1) == 1) ? kept + 1 : kept;
  }

  private static void checkHalf(DType dtype) {
    if (dtype != DType.F16 && dtype != DType.BF16) {
      throw new IllegalArgumentException("floats can be written as F32, F16 or BF16, not " + dtype);
    }
  }

  private static ByteBuffer littleEndian(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
