package org.sycolab.backbone.safetensors;

import java.util.Arrays;

/** Element types of safetensors tensors that sycolab reads and writes, by their header names. */
public enum DType {
  F64(8, true),
  F32(4, true),
  F16(2, true),
  BF16(2, true),
  I64(8, false),
  I32(4, false),
  I16(2, false),
  I8(1, false),
  U8(1, false),
  BOOL(1, false);

  private final int byteSize;
  private final boolean floatingPoint;

  DType(int byteSize, boolean floatingPoint) {
    this.byteSize = byteSize;
    this.floatingPoint = floatingPoint;
  }

  /** Bytes per element. */
  public int byteSize() {
    return byteSize;
  }

  /** True for F64, F32, F16 and BF16. */
  public boolean isFloatingPoint() {
    return floatingPoint;
  }

  /**
   * The type named {@code name} in a header, e.g. {@code "BF16"}.
   *
   * @throws IllegalArgumentException for names this enum does not cover
   */
  public static DType parse(String name) {
    for (DType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "dtype \"" + name + "\" is not supported (supported: " + Arrays.toString(values()) + ")");
  }
}
