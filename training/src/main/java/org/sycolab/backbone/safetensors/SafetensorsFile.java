package org.sycolab.backbone.safetensors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sycolab.backbone.ModelFormatException;

/**
 * One safetensors file, its header validated on {@link #open}. Tensor data is memory-mapped per
 * read (never the whole file, which may exceed 2 GiB) and copied into the returned arrays. Safe for
 * concurrent reads.
 */
public final class SafetensorsFile implements TensorSource {

  /** Largest Java array the VM reliably allocates. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  /** Bytes mapped at a time; a multiple of every element size. */
  private static final long WINDOW = 1L << 30;

  private final Path path;
  private final FileChannel channel;
  private final SafetensorsHeader header;
  private final Map<String, TensorInfo> byName = new LinkedHashMap<>();

  private SafetensorsFile(Path path, FileChannel channel, SafetensorsHeader header) {
    this.path = path;
    this.channel = channel;
    this.header = header;
    header.tensors().forEach(info -> byName.put(info.name(), info));
  }

  /**
   * Opens {@code file} and validates its whole header against the file's size.
   *
   * @throws ModelFormatException when the file is not valid safetensors
   */
  public static SafetensorsFile open(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    try {
      return new SafetensorsFile(file, channel, SafetensorsHeader.read(file, channel));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The file this was opened from. */
  public Path path() {
    return path;
  }

  @Override
  public Map<String, String> metadata() {
    return header.metadata();
  }

  @Override
  public List<TensorInfo> tensors() {
    return header.tensors();
  }

  @Override
  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  @Override
  public TensorInfo info(String name) {
    TensorInfo info = byName.get(name);
    if (info == null) {
      throw new ModelFormatException(path, name, "no tensor of this name in the file");
    }
    return info;
  }

  @Override
  public float[] readFloats(String name) {
    TensorInfo info = floatingPoint(name);
    float[] values = new float[arrayLength(info, info.elementCount(), "floats")];
    int size = info.dtype().byteSize();
    forEachWindow(
        info,
        (window, offset) -> decodeFloats(info.dtype(), window, values, (int) (offset / size)));
    return values;
  }

  @Override
  public ByteBuffer readFloat32(String name) {
    TensorInfo info = floatingPoint(name);
    ByteBuffer buffer =
        ByteBuffer.allocateDirect(
                arrayLength(info, info.elementCount() * Float.BYTES, "bytes of float32"))
            .order(ByteOrder.LITTLE_ENDIAN);
    if (info.dtype() == DType.F32) {
      forEachWindow(info, (window, offset) -> buffer.put(window));
    } else {
      buffer.asFloatBuffer().put(readFloats(name));
    }
    return buffer.clear();
  }

  @Override
  public long[] readLongs(String name) {
    TensorInfo info = info(name);
    if (info.dtype().isFloatingPoint()) {
      throw new ModelFormatException(
          path, name, "is " + info.dtype() + ", expected an integer tensor");
    }
    long[] values = new long[arrayLength(info, info.elementCount(), "longs")];
    int size = info.dtype().byteSize();
    forEachWindow(
        info, (window, offset) -> decodeLongs(info.dtype(), window, values, (int) (offset / size)));
    return values;
  }

  @Override
  public byte[] readBytes(String name) {
    TensorInfo info = info(name);
    byte[] bytes = new byte[arrayLength(info, info.byteLength(), "bytes")];
    forEachWindow(info, (window, offset) -> window.get(bytes, (int) offset, window.remaining()));
    return bytes;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + path, e);
    }
  }

  private TensorInfo floatingPoint(String name) {
    TensorInfo info = info(name);
    if (!info.dtype().isFloatingPoint()) {
      throw new ModelFormatException(
          path, name, "is " + info.dtype() + ", expected a floating-point tensor");
    }
    return info;
  }

  /** {@code length} as an array length, or an error naming the tensor when it is too long. */
  private int arrayLength(TensorInfo info, long length, String what) {
    if (length > MAX_ARRAY) {
      throw new ModelFormatException(
          path,
          info.name(),
          "would need "
              + length
              + " "
              + what
              + " in one array, more than Java's limit of "
              + MAX_ARRAY);
    }
    return (int) length;
  }

  /** Maps the tensor's bytes a window at a time, each window holding whole elements. */
  private void forEachWindow(TensorInfo info, WindowReader reader) {
    long start = header.dataStart() + info.begin();
    try {
      for (long offset = 0; offset < info.byteLength(); offset += WINDOW) {
        long length = Math.min(WINDOW, info.byteLength() - offset);
        ByteBuffer window =
            channel
                .map(FileChannel.MapMode.READ_ONLY, start + offset, length)
                .order(ByteOrder.LITTLE_ENDIAN);
        reader.read(window, offset);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tensor " + info.name() + " of " + path, e);
    }
  }

  private static void decodeFloats(DType dtype, ByteBuffer in, float[] out, int first) {
    int count = in.remaining() / dtype.byteSize();
    switch (dtype) {
      case F32 -> in.asFloatBuffer().get(out, first, count);
      case F64 -> {
        for (int i = 0; i < count; i++) {
          out[first + i] = (float) in.getDouble();
        }
      }
      case BF16 -> {
        for (int i = 0; i < count; i++) {
          out[first + i] = BFloat16.toFloat(in.getShort());
        }
      }
      case F16 -> {
        for (int i = 0; i < count; i++) {
          out[first + i] = HalfFloat.toFloat(in.getShort());
        }
      }
      default -> throw new IllegalArgumentException(dtype + " is not floating point");
    }
  }

  private static void decodeLongs(DType dtype, ByteBuffer in, long[] out, int first) {
    int count = in.remaining() / dtype.byteSize();
    switch (dtype) {
      case I64 -> in.asLongBuffer().get(out, first, count);
      case I32 -> {
        for (int i = 0; i < count; i++) {
          out[first + i] = in.getInt();
        }
      }
      case I16 -> {
        for (int i = 0; i < count; i++) {
          out[first + i] = in.getShort();
        }
      }
      case I8 -> {
        for (int i = 0; i < count; i++) {
          out[first + i] = in.get();
        }
      }
      case U8, BOOL -> {
        for (int i = 0; i < count; i++) {
          out[first + i] = in.get() & 0xFF;
        }
      }
      default -> throw new IllegalArgumentException(dtype + " is not an integer type");
    }
  }

  /** Consumes one mapped window; {@code offset} is its start within the tensor, in bytes. */
  @FunctionalInterface
  private interface WindowReader {
    void read(ByteBuffer window, long offset);
  }
}
