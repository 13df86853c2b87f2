package org.sycolab.backbone.safetensors;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * Named tensors read from safetensors weights, one file or several shards. Read methods throw
 * {@link org.sycolab.backbone.ModelFormatException} for unknown names or unsuitable dtypes and
 * {@link java.io.UncheckedIOException} when the file cannot be read.
 */
public interface TensorSource extends AutoCloseable {

  /** The string-to-string metadata; empty when there is none. */
  Map<String, String> metadata();

  /** Every tensor, in the order of the file headers. */
  List<TensorInfo> tensors();

  /** True when a tensor is called {@code name}. */
  boolean contains(String name);

  /** The header entry of {@code name}. */
  TensorInfo info(String name);

  /** A floating-point tensor's values as floats: F16 and BF16 widened exactly, F64 narrowed. */
  float[] readFloats(String name);

  /**
   * The values of {@link #readFloats} as a fresh, writable, direct little-endian buffer of float32,
   * positioned at 0, e.g. for DJL's {@code NDManager.create(Buffer, Shape)}.
   */
  ByteBuffer readFloat32(String name);

  /** An integer or BOOL tensor's values widened to longs (U8 and BOOL as 0 to 255). */
  long[] readLongs(String name);

  /** A tensor's raw little-endian bytes. */
  byte[] readBytes(String name);

  /** Releases the files; buffers returned earlier stay valid. */
  @Override
  void close();
}
