package org.sycolab.backbone.safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Hand-made safetensors files for tests, so that malformed ones can be written too. */
final class RawSafetensors {

  private RawSafetensors() {}

  /** Writes the 8-byte size of {@code json}, {@code json}, then {@code data}. */
  static Path write(Path file, String json, byte[] data) throws IOException {
    byte[] header = json.getBytes(StandardCharsets.UTF_8);
    return write(file, header.length, header, data);
  }

  /** Writes {@code declaredSize} as the header size, whatever the header's real length. */
  static Path write(Path file, long declaredSize, byte[] header, byte[] data) throws IOException {
    ByteBuffer bytes =
        ByteBuffer.allocate(Long.BYTES + header.length + data.length)
            .order(ByteOrder.LITTLE_ENDIAN);
    bytes.putLong(declaredSize).put(header).put(data);
    return Files.write(file, bytes.array());
  }

  /** Little-endian bytes of 16-bit values, e.g. F16 or BF16 bit patterns. */
  static byte[] shorts(int... values) {
    ByteBuffer bytes = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int value : values) {
      bytes.putShort((short) value);
    }
    return bytes.array();
  }
}
