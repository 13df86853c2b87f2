package org.sycolab.features;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.safetensors.SafetensorsWriter;

/**
 * The SHA-256 a feature chunk carries in its metadata under {@link #KEY}: the digest of every byte
 * of the file (size prefix, header, padding, keys, features) as written with the digest's own 64
 * hex characters set to {@code 0}. Covering the whole file means a changed byte anywhere is seen,
 * the header included, without the check knowing the file's layout.
 */
final class ChunkDigest {

  /** Metadata key of the digest. */
  static final String KEY = "sycolab.sha256";

  /** The value the digest is computed with in its place. */
  static final String PLACEHOLDER = "0".repeat(64);

  private static final int BLOCK = 1 << 20;

  private ChunkDigest() {}

  /** The hex digest of the bytes {@code writer} writes, which hold the placeholder. */
  static String of(SafetensorsWriter writer) throws IOException {
    MessageDigest sha = sha256();
    try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
      writer.writeTo(sink);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /**
   * Checks {@code file} against {@code recorded}, the digest its header names.
   *
   * @throws ModelFormatException when the digest is malformed or does not match the file
   */
  static void verify(Path file, String recorded) throws IOException {
    if (recorded.length() != 64 || !recorded.chars().allMatch(ChunkDigest::isLowerHex)) {
      throw new ModelFormatException(file, KEY, "is not a SHA-256 in hex");
    }
    MessageDigest sha = sha256();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer size = readFully(file, channel, 0, Long.BYTES);
      long headerSize = size.order(ByteOrder.LITTLE_ENDIAN).getLong(0);
      // The caller opened the file as safetensors first, so the header size is in bounds.
      byte[] header = readFully(file, channel, Long.BYTES, (int) headerSize).array();
      blankDigest(file, header, recorded);
      sha.update(size.array());
      sha.update(header);
      ByteBuffer block = ByteBuffer.allocate(BLOCK);
      long position = Long.BYTES + headerSize;
      int read;
      while ((read = channel.read(block.clear(), position)) > 0) {
        sha.update(block.array(), 0, read);
        position += read;
      }
    }
    if (!HexFormat.of().formatHex(sha.digest()).equals(recorded)) {
      throw new ModelFormatException(
          file, "its bytes do not match the SHA-256 it was written with (damaged on disk?)");
    }
  }

  /** Replaces the one occurrence of the recorded digest's field in {@code header} by zeros. */
  private static void blankDigest(Path file, byte[] header, String recorded) {
    byte[] field = ("\"" + KEY + "\":\"" + recorded + "\"").getBytes(StandardCharsets.US_ASCII);
    int at = indexOf(header, field, 0);
    if (at < 0 || indexOf(header, field, at + 1) >= 0) {
      throw new ModelFormatException(file, KEY, "is not written once in the header as expected");
    }
    int value = at + KEY.length() + 4;
    Arrays.fill(header, value, value + 64, (byte) '0');
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    for (int i = from; i <= haystack.length - needle.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }

  private static ByteBuffer readFully(Path file, FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new ModelFormatException(file, "file shrank while being read");
      }
    }
    return buffer;
  }

  private static boolean isLowerHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
