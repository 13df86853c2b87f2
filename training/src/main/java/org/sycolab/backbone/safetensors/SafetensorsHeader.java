package org.sycolab.backbone.safetensors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sycolab.backbone.ModelFormatException;

/**
 * A parsed and validated safetensors header. Layout (see
 * https://github.com/huggingface/safetensors#format): an unsigned little-endian u64 N, N bytes of
 * UTF-8 JSON, then the data buffer, which the tensors cover without gaps or overlaps.
 *
 * @param dataStart file offset of the data buffer, 8 + N
 */
record SafetensorsHeader(Map<String, String> metadata, List<TensorInfo> tensors, long dataStart) {

  /** Key of the optional string-to-string metadata object. */
  static final String METADATA_KEY = "__metadata__";

  /** The reference implementation refuses larger headers; so do we, before allocating them. */
  private static final long MAX_HEADER_BYTES = 100_000_000;

  static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Reads the header of {@code file} and checks it against the file's size. */
  static SafetensorsHeader read(Path file, FileChannel channel) throws IOException {
    long fileSize = channel.size();
    if (fileSize < Long.BYTES) {
      throw new ModelFormatException(
          file,
          "file is "
              + fileSize
              + " bytes, too short to hold the 8-byte header size (empty or truncated download?)");
    }
    long headerSize = readFully(channel, 0, Long.BYTES).getLong();
    if (Long.compareUnsigned(headerSize, fileSize - Long.BYTES) > 0) {
      throw new ModelFormatException(
          file,
          "header size "
              + Long.toUnsignedString(headerSize)
              + " exceeds the file size ("
              + fileSize
              + " bytes); this is not a safetensors file, or it is truncated");
    }
    if (headerSize > MAX_HEADER_BYTES) {
      throw new ModelFormatException(
          file, "header size " + headerSize + " is over the 100 MB limit of the format");
    }
    ByteBuffer json = readFully(channel, Long.BYTES, (int) headerSize);
    JsonNode root = parse(file, json.array());
    long dataStart = Long.BYTES + headerSize;
    Map<String, String> metadata = Map.of();
    List<TensorInfo> tensors = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      if (field.getKey().equals(METADATA_KEY)) {
        metadata = metadata(file, field.getValue());
      } else {
        tensors.add(tensor(file, field.getKey(), field.getValue()));
      }
    }
    checkCoverage(file, tensors, fileSize, dataStart);
    return new SafetensorsHeader(metadata, List.copyOf(tensors), dataStart);
  }

  private static ByteBuffer readFully(FileChannel channel, long position, int length)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("file shrank while being read");
      }
    }
    return buffer.flip();
  }

  private static JsonNode parse(Path file, byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ModelFormatException(
          file, "header", "is not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ModelFormatException(file, "header", "cannot be decoded: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ModelFormatException(file, "header", "must be a JSON object of tensors");
    }
    return root;
  }

  private static Map<String, String> metadata(Path file, JsonNode node) {
    if (!node.isObject()) {
      throw new ModelFormatException(file, METADATA_KEY, "must be an object of strings");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (!entry.getValue().isTextual()) {
        throw new ModelFormatException(
            file, METADATA_KEY, "value of \"" + entry.getKey() + "\" is not a string");
      }
      metadata.put(entry.getKey(), entry.getValue().textValue());
    }
    return Map.copyOf(metadata);
  }

  private static TensorInfo tensor(Path file, String name, JsonNode node) {
    if (!node.isObject()) {
      throw new ModelFormatException(
          file, name, "must be an object with dtype, shape and data_offsets");
    }
    JsonNode dtypeNode = node.get("dtype");
    if (dtypeNode == null || !dtypeNode.isTextual()) {
      throw new ModelFormatException(file, name, "dtype is missing or not a string");
    }
    DType dtype;
    try {
      dtype = DType.parse(dtypeNode.textValue());
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file, name, e.getMessage(), e);
    }
    long[] shape = longs(file, name, node.get("shape"), "shape");
    long[] offsets = longs(file, name, node.get("data_offsets"), "data_offsets");
    if (offsets.length != 2 || offsets[0] > offsets[1]) {
      throw new ModelFormatException(
          file,
          name,
          "data_offsets "
              + Arrays.toString(offsets)
              + " must be two numbers [begin, end] with begin <= end");
    }
    TensorInfo info = new TensorInfo(name, dtype, shape, offsets[0], offsets[1]);
    long needed;
    try {
      needed = Math.multiplyExact(info.elementCount(), dtype.byteSize());
    } catch (ArithmeticException e) {
      throw new ModelFormatException(
          file, name, "shape " + Arrays.toString(shape) + " is too large", e);
    }
    if (info.byteLength() != needed) {
      throw new ModelFormatException(
          file,
          name,
          "data_offsets "
              + Arrays.toString(offsets)
              + " hold "
              + info.byteLength()
              + " bytes but shape "
              + Arrays.toString(shape)
              + " of "
              + dtype
              + " needs "
              + needed);
    }
    return info;
  }

  private static long[] longs(Path file, String name, JsonNode node, String field) {
    if (node == null || !node.isArray()) {
      throw new ModelFormatException(file, name, field + " is missing or not an array");
    }
    long[] values = new long[node.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode value = node.get(i);
      if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
        throw new ModelFormatException(
            file, name, field + " " + node + " must hold non-negative whole numbers");
      }
      values[i] = value.longValue();
    }
    return values;
  }

  /** Tensors must tile the data buffer exactly: no gaps, no overlaps, nothing after the last. */
  private static void checkCoverage(
      Path file, List<TensorInfo> tensors, long fileSize, long dataStart) {
    long dataEnd = tensors.stream().mapToLong(TensorInfo::end).max().orElse(0);
    if (dataEnd > fileSize - dataStart) {
      throw new ModelFormatException(
          file,
          "file is "
              + fileSize
              + " bytes but the header says the data ends at byte "
              + (dataStart + dataEnd)
              + " (truncated download?)");
    }
    List<TensorInfo> byOffset = new ArrayList<>(tensors);
    byOffset.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
    TensorInfo previous = null;
    long covered = 0;
    for (TensorInfo tensor : byOffset) {
      if (tensor.begin() < covered) {
        throw new ModelFormatException(
            file,
            tensor.name(),
            "data_offsets ["
                + tensor.begin()
                + ", "
                + tensor.end()
                + "] overlap those of "
                + previous.name()
                + " ["
                + previous.begin()
                + ", "
                + previous.end()
                + "]");
      }
      if (tensor.begin() > covered) {
        throw new ModelFormatException(
            file,
            tensor.name(),
            "data_offsets ["
                + tensor.begin()
                + ", "
                + tensor.end()
                + "] leave bytes "
                + covered
                + " to "
                + tensor.begin()
                + " of the data buffer unused; tensors must cover it without gaps");
      }
      previous = tensor;
      covered = tensor.end();
    }
    if (covered < fileSize - dataStart) {
      throw new ModelFormatException(
          file,
          "file is "
              + fileSize
              + " bytes but the tensors end at byte "
              + (dataStart + covered)
              + "; the bytes after that belong to no tensor");
    }
  }
}
