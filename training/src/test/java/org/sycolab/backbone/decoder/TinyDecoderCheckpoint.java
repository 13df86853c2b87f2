package org.sycolab.backbone.decoder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.safetensors.DType;
import org.sycolab.backbone.safetensors.HalfPrecisionEncoder;
import org.sycolab.backbone.safetensors.SafetensorsWriter;
import org.sycolab.backbone.safetensors.ShardedSafetensors;

/**
 * A tiny Llama-family checkpoint (Hugging Face {@code model_type} llama, qwen2 or mistral) with
 * seeded random weights under their Hugging Face names: vocabulary 300, hidden size 64, 4 query
 * heads sharing 2 key/value heads of size 16, MLP size 96.
 *
 * <p>{@link #write} lays out a model directory (config.json and safetensors weights, no tokenizer),
 * {@link #writeModel} one with a tokenizer too; {@link #tensors} are the weights as they read back
 * from it, rounded to {@link #dtype}; {@link #reference} computes what a backbone over them must
 * output.
 *
 * @param modelType llama, qwen2 or mistral
 * @param layers the number of decoder layers
 * @param attentionBias llama's {@code attention_bias}: biases on q, k, v and o projections (qwen2
 *     always has q, k and v biases and no o bias; mistral has none)
 * @param mlpBias llama's {@code mlp_bias}: biases on the gate, up and down projections
 * @param tieWordEmbeddings when false the checkpoint also holds an {@code lm_head.weight}, which a
 *     backbone ignores
 * @param llama3RopeScaling whether config.json carries llama3 {@code rope_scaling} (factor 8, low
 *     and high frequency factors 1 and 4, original context 64)
 * @param dtype how the weights are stored: F32, F16 or BF16
 * @param shards 1 for a single {@code model.safetensors}, more for shards and an index
 * @param seed the seed of the random weights
 */
public record TinyDecoderCheckpoint(
    String modelType,
    int layers,
    boolean attentionBias,
    boolean mlpBias,
    boolean tieWordEmbeddings,
    boolean llama3RopeScaling,
    DType dtype,
    int shards,
    long seed) {

  /** Vocabulary size. */
  public static final int VOCAB = 300;

  /** Hidden size. */
  public static final int HIDDEN = 64;

  /** MLP (intermediate) size. */
  public static final int INTERMEDIATE = 96;

  /** Query heads. */
  public static final int HEADS = 4;

  /** Key/value heads: each serves two query heads. */
  public static final int KV_HEADS = 2;

  /** Size of one head. */
  public static final int HEAD_DIM = HIDDEN / HEADS;

  /** The {@code max_position_embeddings} written to config.json. */
  public static final int MAX_POSITIONS = 512;

  /** The {@code rms_norm_eps} written to config.json. */
  public static final double RMS_NORM_EPS = 1e-6;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Validates the fields. */
  public TinyDecoderCheckpoint {
    if (!List.of("llama", "qwen2", "mistral").contains(modelType)) {
      throw new IllegalArgumentException(
          "model type must be llama, qwen2 or mistral: " + modelType);
    }
    if ((attentionBias || mlpBias) && !modelType.equals("llama")) {
      throw new IllegalArgumentException(
          "attention_bias and mlp_bias are llama options, not " + modelType);
    }
    if (dtype != DType.F32 && dtype != DType.F16 && dtype != DType.BF16) {
      throw new IllegalArgumentException("dtype must be F32, F16 or BF16: " + dtype);
    }
    if (layers < 1 || shards < 1) {
      throw new IllegalArgumentException("layers and shards must be positive");
    }
  }

  /** Llama: 2 layers, no biases, untied embeddings, no rope scaling, F32, one file. */
  public static TinyDecoderCheckpoint llama() {
    return new TinyDecoderCheckpoint("llama", 2, false, false, false, false, DType.F32, 1, 7);
  }

  /** Qwen2: 2 layers, q/k/v biases, tied embeddings, rope theta 1e6, F32, one file. */
  public static TinyDecoderCheckpoint qwen2() {
    return new TinyDecoderCheckpoint("qwen2", 2, false, false, true, false, DType.F32, 1, 7);
  }

  /** Mistral: 2 layers, no biases, untied embeddings, no sliding window, F32, one file. */
  public static TinyDecoderCheckpoint mistral() {
    return new TinyDecoderCheckpoint("mistral", 2, false, false, false, false, DType.F32, 1, 7);
  }

  /** This checkpoint with {@code count} layers. */
  public TinyDecoderCheckpoint withLayers(int count) {
    return new TinyDecoderCheckpoint(
        modelType,
        count,
        attentionBias,
        mlpBias,
        tieWordEmbeddings,
        llama3RopeScaling,
        dtype,
        shards,
        seed);
  }

  /** This llama checkpoint with or without {@code attention_bias}. */
  public TinyDecoderCheckpoint withAttentionBias(boolean bias) {
    return new TinyDecoderCheckpoint(
        modelType,
        layers,
        bias,
        mlpBias,
        tieWordEmbeddings,
        llama3RopeScaling,
        dtype,
        shards,
        seed);
  }

  /** This llama checkpoint with or without {@code mlp_bias}. */
  public TinyDecoderCheckpoint withMlpBias(boolean bias) {
    return new TinyDecoderCheckpoint(
        modelType,
        layers,
        attentionBias,
        bias,
        tieWordEmbeddings,
        llama3RopeScaling,
        dtype,
        shards,
        seed);
  }

  /** This checkpoint with tied or untied word embeddings. */
  public TinyDecoderCheckpoint withTiedEmbeddings(boolean tied) {
    return new TinyDecoderCheckpoint(
        modelType, layers, attentionBias, mlpBias, tied, llama3RopeScaling, dtype, shards, seed);
  }

  /** This checkpoint with or without llama3 rope scaling. */
  public TinyDecoderCheckpoint withLlama3RopeScaling(boolean scaled) {
    return new TinyDecoderCheckpoint(
        modelType, layers, attentionBias, mlpBias, tieWordEmbeddings, scaled, dtype, shards, seed);
  }

  /** This checkpoint stored as {@code type}. */
  public TinyDecoderCheckpoint withDtype(DType type) {
    return new TinyDecoderCheckpoint(
        modelType,
        layers,
        attentionBias,
        mlpBias,
        tieWordEmbeddings,
        llama3RopeScaling,
        type,
        shards,
        seed);
  }

  /** This checkpoint split into {@code count} shard files with an index (1: a single file). */
  public TinyDecoderCheckpoint withShards(int count) {
    return new TinyDecoderCheckpoint(
        modelType,
        layers,
        attentionBias,
        mlpBias,
        tieWordEmbeddings,
        llama3RopeScaling,
        dtype,
        count,
        seed);
  }

  /** This checkpoint with weights drawn from {@code randomSeed}. */
  public TinyDecoderCheckpoint withSeed(long randomSeed) {
    return new TinyDecoderCheckpoint(
        modelType,
        layers,
        attentionBias,
        mlpBias,
        tieWordEmbeddings,
        llama3RopeScaling,
        dtype,
        shards,
        randomSeed);
  }

  /** The {@code rope_theta}: 1e6 for qwen2, 1e4 otherwise. */
  public double ropeTheta() {
    return modelType.equals("qwen2") ? 1e6 : 1e4;
  }

  /** Whether the q, k and v projections have biases. */
  public boolean qkvBias() {
    return modelType.equals("qwen2") || attentionBias;
  }

  /** Whether the o projection has a bias (llama with attention_bias only). */
  public boolean outputBias() {
    return attentionBias;
  }

  /** Every tensor's Hugging Face name and shape, in the order of the model's modules. */
  public Map<String, long[]> shapes() {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    shapes.put("model.embed_tokens.weight", new long[] {VOCAB, HIDDEN});
    for (int i = 0; i < layers; i++) {
      String layer = "model.layers." + i + ".";
      shapes.put(layer + "input_layernorm.weight", new long[] {HIDDEN});
      projection(shapes, layer + "self_attn.q_proj", HEADS * HEAD_DIM, HIDDEN, qkvBias());
      projection(shapes, layer + "self_attn.k_proj", KV_HEADS * HEAD_DIM, HIDDEN, qkvBias());
      projection(shapes, layer + "self_attn.v_proj", KV_HEADS * HEAD_DIM, HIDDEN, qkvBias());
      projection(shapes, layer + "self_attn.o_proj", HIDDEN, HEADS * HEAD_DIM, outputBias());
      shapes.put(layer + "post_attention_layernorm.weight", new long[] {HIDDEN});
      projection(shapes, layer + "mlp.gate_proj", INTERMEDIATE, HIDDEN, mlpBias);
      projection(shapes, layer + "mlp.up_proj", INTERMEDIATE, HIDDEN, mlpBias);
      projection(shapes, layer + "mlp.down_proj", HIDDEN, INTERMEDIATE, mlpBias);
    }
    shapes.put("model.norm.weight", new long[] {HIDDEN});
    if (!tieWordEmbeddings) {
      shapes.put("lm_head.weight", new long[] {VOCAB, HIDDEN});
    }
    return shapes;
  }

  private static void projection(
      Map<String, long[]> shapes, String name, int out, int in, boolean bias) {
    shapes.put(name + ".weight", new long[] {out, in});
    if (bias) {
      shapes.put(name + ".bias", new long[] {out});
    }
  }

  /**
   * Every tensor by name, row-major, with the values it reads back as from {@link #write}: norm
   * weights 1 + 0.1·N(0,1), everything else 0.15·N(0,1), rounded to {@link #dtype}.
   */
  public Map<String, float[]> tensors() {
    Random random = new Random(seed);
    Map<String, float[]> tensors = new LinkedHashMap<>();
    shapes()
        .forEach(
            (name, shape) -> {
              float[] values =
                  new float[Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact))];
              boolean norm = name.endsWith("norm.weight");
              for (int i = 0; i < values.length; i++) {
                double gaussian = random.nextGaussian();
                float value = (float) (norm ? 1 + 0.1 * gaussian : 0.15 * gaussian);
                values[i] = HalfPrecisionEncoder.roundTo(dtype, value);
              }
              tensors.put(name, values);
            });
    return tensors;
  }

  /** The content of config.json, with Hugging Face's field names. */
  public ObjectNode config() {
    ObjectNode config = JSON.createObjectNode();
    config.putArray("architectures").add(architecture());
    config.put("model_type", modelType);
    config.put("vocab_size", VOCAB);
    config.put("hidden_size", HIDDEN);
    config.put("intermediate_size", INTERMEDIATE);
    config.put("num_hidden_layers", layers);
    config.put("num_attention_heads", HEADS);
    config.put("num_key_value_heads", KV_HEADS);
    config.put("hidden_act", "silu");
    config.put("max_position_embeddings", MAX_POSITIONS);
    config.put("rms_norm_eps", RMS_NORM_EPS);
    config.put("rope_theta", ropeTheta());
    if (llama3RopeScaling) {
      ObjectNode scaling = config.putObject("rope_scaling");
      scaling.put("rope_type", "llama3");
      scaling.put("factor", 8.0);
      scaling.put("low_freq_factor", 1.0);
      scaling.put("high_freq_factor", 4.0);
      scaling.put("original_max_position_embeddings", 64);
    } else {
      config.putNull("rope_scaling");
    }
    config.put("tie_word_embeddings", tieWordEmbeddings);
    switch (modelType) {
      case "llama" -> {
        config.put("attention_bias", attentionBias);
        config.put("mlp_bias", mlpBias);
      }
      case "mistral" -> config.putNull("sliding_window");
      default -> {
        // Qwen2 checkpoints name a window but switch it off.
        config.put("use_sliding_window", false);
        config.put("sliding_window", 32768);
        config.put("max_window_layers", layers);
      }
    }
    config.put("torch_dtype", torchDtype());
    return config;
  }

  private String architecture() {
    return switch (modelType) {
      case "llama" -> "LlamaForCausalLM";
      case "qwen2" -> "Qwen2ForCausalLM";
      default -> "MistralForCausalLM";
    };
  }

  private String torchDtype() {
    return switch (dtype) {
      case F16 -> "float16";
      case BF16 -> "bfloat16";
      default -> "float32";
    };
  }

  /**
   * Writes config.json and the weights into {@code dir} (created if needed): {@code
   * model.safetensors}, or {@code model-0000k-of-0000N.safetensors} shards with {@code
   * model.safetensors.index.json}. Returns {@code dir}.
   */
  public Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.write(
        dir.resolve(HfConfig.FILE_NAME),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(config()));
    Map<String, long[]> shapes = shapes();
    Map<String, float[]> tensors = tensors();
    List<String> names = new ArrayList<>(shapes.keySet());
    if (shards == 1) {
      shard(names, shapes, tensors).write(dir.resolve(ShardedSafetensors.SINGLE_FILE));
      return dir;
    }
    Map<String, String> weightMap = new TreeMap<>();
    long totalSize = 0;
    for (int k = 0; k < shards; k++) {
      List<String> part = names.subList(k * names.size() / shards, (k + 1) * names.size() / shards);
      String file = String.format("model-%05d-of-%05d.safetensors", k + 1, shards);
      shard(part, shapes, tensors).write(dir.resolve(file));
      for (String name : part) {
        weightMap.put(name, file);
        totalSize += (long) tensors.get(name).length * dtype.byteSize();
      }
    }
    ObjectNode index = JSON.createObjectNode();
    index.putObject("metadata").put("total_size", totalSize);
    weightMap.forEach(index.putObject("weight_map")::put);
    Files.write(
        dir.resolve(ShardedSafetensors.INDEX_FILE),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(index));
    return dir;
  }

  /**
   * Writes a model directory a backbone opens into {@code dir}: {@link #write}'s config.json and
   * weights, {@link TinyTokenizer#write}'s tokenizer.json without a BOS and, unless {@code
   * chatTemplate} is null, a tokenizer_config.json with that chat template. Returns {@code dir}.
   */
  public Path writeModel(Path dir, String chatTemplate) throws IOException {
    write(dir);
    TinyTokenizer.write(dir, false);
    if (chatTemplate != null) {
      TinyTokenizer.writeConfig(dir, chatTemplate, null);
    }
    return dir;
  }

  private SafetensorsWriter shard(
      List<String> names, Map<String, long[]> shapes, Map<String, float[]> tensors) {
    SafetensorsWriter writer = new SafetensorsWriter().metadata("format", "pt");
    for (String name : names) {
      writer.addBytes(
          name, dtype, HalfPrecisionEncoder.encode(dtype, tensors.get(name)), shapes.get(name));
    }
    return writer;
  }

  /** The plain-Java reference computation over this checkpoint's config and weights. */
  ReferenceDecoder reference() {
    return new ReferenceDecoder(config(), tensors());
  }
}
