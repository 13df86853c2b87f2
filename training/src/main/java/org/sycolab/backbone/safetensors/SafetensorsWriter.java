package org.sycolab.backbone.safetensors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sycolab.io.AtomicFiles;

/**
 * Collects tensors in memory and writes them as one safetensors file, in insertion order, with the
 * header padded by spaces so that the data buffer starts at a multiple of 8 bytes.
 */
public final class SafetensorsWriter {

  private final Map<String, String> metadata = new LinkedHashMap<>();
  private final Map<String, Tensor> tensors = new LinkedHashMap<>();

  /** Adds a metadata entry, replacing an earlier value for {@code key}. */
  public SafetensorsWriter metadata(String key, String value) {
    metadata.put(key, value);
    return this;
  }

  /** Adds an F32 tensor; {@code data} must hold exactly the product of {@code shape} values. */
  public SafetensorsWriter addFloats(String name, float[] data, long... shape) {
    checkCount(name, data.length, shape, 1, "values");
    ByteBuffer bytes = littleEndian(Math.multiplyExact(data.length, Float.BYTES));
    bytes.asFloatBuffer().put(data);
    return add(name, DType.F32, bytes.array(), shape);
  }

  /** Adds an I64 tensor; {@code data} must hold exactly the product of {@code shape} values. */
  public SafetensorsWriter addLongs(String name, long[] data, long... shape) {
    checkCount(name, data.length, shape, 1, "values");
    ByteBuffer bytes = littleEndian(Math.multiplyExact(data.length, Long.BYTES));
    bytes.asLongBuffer().put(data);
    return add(name, DType.I64, bytes.array(), shape);
  }

  /** Adds a tensor of any dtype from its raw little-endian bytes, which must match the shape. */
  public SafetensorsWriter addBytes(
      String name, DType dtype, byte[] littleEndianData, long... shape) {
    checkCount(name, littleEndianData.length, shape, dtype.byteSize(), "bytes of " + dtype);
    return add(name, dtype, littleEndianData.clone(), shape);
  }

  /** Writes the file atomically: readers see the old file or the complete new one. */
  public void write(Path file) throws IOException {
    AtomicFiles.write(file, this::writeTo);
  }

  /** Writes the file's bytes to a stream (not closed); for writers that handle atomicity. */
  public void writeTo(OutputStream out) throws IOException {
    ObjectNode header = SafetensorsHeader.JSON.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = header.putObject(SafetensorsHeader.METADATA_KEY);
      metadata.forEach(meta::put);
    }
    long offset = 0;
    for (Map.Entry<String, Tensor> entry : tensors.entrySet()) {
      Tensor tensor = entry.getValue();
      ObjectNode node = header.putObject(entry.getKey());
      node.put("dtype", tensor.dtype().name());
      tensor.shape().forEach(node.putArray("shape")::add);
      long end = offset + tensor.data().length;
      node.putArray("data_offsets").add(offset).add(end);
      offset = end;
    }
    byte[] json = SafetensorsHeader.JSON.writeValueAsBytes(header);
    int padding = (Long.BYTES - json.length % Long.BYTES) % Long.BYTES;
    byte[] padded = Arrays.copyOf(json, json.length + padding);
    Arrays.fill(padded, json.length, padded.length, (byte) ' ');
    out.write(littleEndian(Long.BYTES).putLong(padded.length).array());
    out.write(padded);
    for (Tensor tensor : tensors.values()) {
      out.write(tensor.data());
    }
  }

  private SafetensorsWriter add(String name, DType dtype, byte[] data, long[] shape) {
    if (name.equals(SafetensorsHeader.METADATA_KEY)) {
      throw new IllegalArgumentException(name + " is reserved for metadata");
    }
    if (tensors.containsKey(name)) {
      throw new IllegalArgumentException("tensor " + name + " was already added");
    }
    tensors.put(name, new Tensor(dtype, Arrays.stream(shape).boxed().toList(), data));
    return this;
  }

  private static void checkCount(
      String name, int length, long[] shape, int elementSize, String unit) {
    if (Arrays.stream(shape).anyMatch(dim -> dim < 0)) {
      throw new IllegalArgumentException(
          "tensor " + name + ": shape " + Arrays.toString(shape) + " has a negative dimension");
    }
    long expected = TensorInfo.product(shape) * elementSize;
    if (length != expected) {
      throw new IllegalArgumentException(
          "tensor "
              + name
              + ": shape "
              + Arrays.toString(shape)
              + " needs "
              + expected
              + " "
              + unit
              + " but "
              + length
              + " were given");
    }
  }

  private static ByteBuffer littleEndian(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** A tensor waiting to be written. */
  private record Tensor(DType dtype, List<Long> shape, byte[] data) {}
}
