package org.sycolab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.ModelDirectory;

/**
 * A model directory shaped like a downloaded decoder for timing what describing it costs: a tiny
 * qwen2 {@code config.json} (hidden 64, 2 layers, vocabulary 300, as the decoder tests write), a
 * byte-level BPE {@code tokenizer.json} of 256 byte tokens, and a {@code model.safetensors} of the
 * given size whose one tensor, {@code padding} (U8), is seeded random bytes. Describing never reads
 * tensors, so the weights need not fit the config; only their bytes are hashed.
 */
final class DecoderShapedModel {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHUNK = 1 << 20;

  private DecoderShapedModel() {}

  /** Writes the directory with {@code weightBytes} bytes of weights; returns {@code dir}. */
  static Path write(Path dir, long weightBytes, long seed) throws IOException {
    Files.createDirectories(dir);
    JSON.writeValue(dir.resolve(HfConfig.FILE_NAME).toFile(), config());
    JSON.writeValue(dir.resolve(ModelDirectory.TOKENIZER).toFile(), tokenizer());
    writeWeights(dir.resolve(ModelDirectory.SINGLE_WEIGHTS), weightBytes, seed);
    return dir;
  }

  private static ObjectNode config() {
    ObjectNode config = JSON.createObjectNode();
    config.putArray("architectures").add("Qwen2ForCausalLM");
    config.put("model_type", "qwen2");
    config.put("vocab_size", 300);
    config.put("hidden_size", 64);
    config.put("intermediate_size", 96);
    config.put("num_hidden_layers", 2);
    config.put("num_attention_heads", 4);
    config.put("num_key_value_heads", 2);
    config.put("hidden_act", "silu");
    config.put("max_position_embeddings", 512);
    config.put("rms_norm_eps", 1e-6);
    config.put("rope_theta", 1e6);
    config.putNull("rope_scaling");
    config.put("tie_word_embeddings", true);
    config.put("use_sliding_window", false);
    config.put("sliding_window", 32768);
    config.put("max_window_layers", 2);
    config.put("torch_dtype", "float32");
    return config;
  }

  private static ObjectNode tokenizer() {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    root.putArray("added_tokens");
    ObjectNode byteLevel =
        JSON.createObjectNode()
            .put("type", "ByteLevel")
            .put("add_prefix_space", false)
            .put("trim_offsets", true)
            .put("use_regex", true);
    root.set("pre_tokenizer", byteLevel);
    root.set("decoder", byteLevel.deepCopy());
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE");
    ObjectNode vocab = model.putObject("vocab");
    // GPT-2's byte-to-unicode table: printable bytes stand for themselves, others for 256 up.
    int next = 256;
    for (int b = 0; b < 256; b++) {
      boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || b >= 0xAE;
      vocab.put(Character.toString(printable ? b : next++), b);
    }
    model.putArray("merges");
    return root;
  }

  private static void writeWeights(Path file, long bytes, long seed) throws IOException {
    ObjectNode header = JSON.createObjectNode();
    header.putObject("__metadata__").put("format", "pt");
    ObjectNode padding = header.putObject("padding");
    padding.put("dtype", "U8");
    padding.putArray("shape").add(bytes);
    padding.putArray("data_offsets").add(0).add(bytes);
    byte[] json = JSON.writeValueAsBytes(header);
    byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
    Arrays.fill(padded, json.length, padded.length, (byte) ' ');

    byte[] chunk = new byte[CHUNK];
    Random random = new Random(seed);
    try (FileChannel out =
        FileChannel.open(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      out.write(
          ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(0, padded.length));
      out.write(ByteBuffer.wrap(padded));
      for (long written = 0; written < bytes; written += CHUNK) {
        random.nextBytes(chunk);
        out.write(ByteBuffer.wrap(chunk, 0, (int) Math.min(CHUNK, bytes - written)));
      }
    }
  }
}
