package org.sycolab.backbone.safetensors;

/** Bfloat16, the upper 16 bits of a float, to float. */
final class BFloat16 {

  private BFloat16() {}

  /** The float whose upper bits are {@code bits}: exact. */
  static float toFloat(short bits) {
    return Float.intBitsToFloat((bits & 0xFFFF) << 16);
  }
}
