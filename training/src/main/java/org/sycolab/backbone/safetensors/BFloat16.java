package org.sycolab.backbone.safetensors;

/** Float to bfloat16, the upper 16 bits of a float rounded to nearest, ties to even. */
final class BFloat16 {

  private BFloat16() {}

  /** The bits of the bfloat16 nearest to {@code value}; NaN stays a (quiet) NaN. */
  static short fromFloat(float value) {
    int bits = Float.floatToRawIntBits(value);
    if (Float.isNaN(value)) {
      return (short) ((bits >>> 16) | 0x0040);
    }
    // Adding just under half a unit, plus one when the kept part is odd, rounds ties to even;
    // a carry into the exponent gives the next binade or infinity, both the nearest value.
    int rounded = bits + 0x7FFF + ((bits >>> 16) & 1);
    return (short) (rounded >>> 16);
  }

  /** The float whose upper bits are {@code bits}: exact. */
  static float toFloat(short bits) {
    return Float.intBitsToFloat((bits & 0xFFFF) << 16);
  }
}
