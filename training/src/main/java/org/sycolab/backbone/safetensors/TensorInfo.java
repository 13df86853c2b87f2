package org.sycolab.backbone.safetensors;

import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor's header entry. {@code begin} and {@code end} are byte offsets relative to the start
 * of the data buffer, end exclusive; an empty shape is a scalar.
 */
public record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) {

  /** Copies {@code shape} so that the record cannot be changed from outside. */
  public TensorInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dtype, "dtype");
    shape = shape.clone();
  }

  /** A copy of the shape. */
  @Override
  public long[] shape() {
    return shape.clone();
  }

  /**
   * The product of the shape, 1 for a scalar.
   *
   * @throws ArithmeticException when the product overflows a long
   */
  public long elementCount() {
    return product(shape);
  }

  /** Size in bytes of the tensor's data. */
  public long byteLength() {
    return end - begin;
  }

  static long product(long[] shape) {
    long count = 1;
    for (long dim : shape) {
      count = Math.multiplyExact(count, dim);
    }
    return count;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TensorInfo that
        && name.equals(that.name)
        && dtype == that.dtype
        && Arrays.equals(shape, that.shape)
        && begin == that.begin
        && end == that.end;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, dtype, Arrays.hashCode(shape), begin, end);
  }

  @Override
  public String toString() {
    return name + " " + dtype + " " + Arrays.toString(shape) + " at [" + begin + ", " + end + "]";
  }
}
