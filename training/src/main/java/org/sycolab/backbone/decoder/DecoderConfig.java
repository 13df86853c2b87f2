package org.sycolab.backbone.decoder;

import java.util.List;
import java.util.Optional;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.ModelFormatException;

/**
 * The shape of a Llama-family decoder ({@code model_type} llama, qwen2 or mistral), read from a
 * Hugging Face {@code config.json}. Field names and defaults follow transformers' {@code
 * LlamaConfig}, {@code Qwen2Config} and {@code MistralConfig}.
 *
 * @param modelType llama, qwen2 or mistral
 * @param vocabSize rows of the token embedding
 * @param hiddenSize width of the residual stream
 * @param intermediateSize width of the SwiGLU feed-forward layer
 * @param layers number of decoder layers
 * @param heads query heads
 * @param kvHeads key/value heads; each serves {@code heads / kvHeads} query heads
 * @param headSize width of one head
 * @param rmsNormEps epsilon of every RMSNorm
 * @param ropeTheta base of the rotary frequencies
 * @param ropeScaling the llama3 frequency scaling, or {@code null} for none
 * @param qkvBias whether the query, key and value projections have biases
 * @param outputBias whether the attention output projection has a bias
 * @param mlpBias whether the feed-forward projections have biases
 * @param maxPositions the longest input the model takes (its sliding window when it has one)
 */
public record DecoderConfig(
    String modelType,
    int vocabSize,
    int hiddenSize,
    int intermediateSize,
    int layers,
    int heads,
    int kvHeads,
    int headSize,
    double rmsNormEps,
    double ropeTheta,
    RopeScaling ropeScaling,
    boolean qkvBias,
    boolean outputBias,
    boolean mlpBias,
    int maxPositions) {

  /** The {@code model_type} values this architecture covers. */
  public static final List<String> MODEL_TYPES = List.of("llama", "qwen2", "mistral");

  /** Checks that the heads divide evenly and the head width is even (rotary pairs). */
  public DecoderConfig {
    if (heads % kvHeads != 0) {
      throw new IllegalArgumentException(
          heads + " attention heads cannot share " + kvHeads + " key/value heads evenly");
    }
    if (headSize % 2 != 0) {
      throw new IllegalArgumentException("head size must be even for rotary embedding");
    }
  }

  /**
   * The llama3 scaling of rotary frequencies: long wavelengths are divided by {@code factor}, short
   * ones kept, the band between interpolated.
   *
   * @param factor how much longer the extended context is
   * @param lowFreqFactor wavelengths above {@code originalMaxPositions / lowFreqFactor} are scaled
   * @param highFreqFactor wavelengths below {@code originalMaxPositions / highFreqFactor} are kept
   * @param originalMaxPositions the context length the model was pre-trained with
   */
  public record RopeScaling(
      double factor, double lowFreqFactor, double highFreqFactor, int originalMaxPositions) {}

  /** True for the {@code model_type} values this architecture covers. */
  public static boolean covers(String modelType) {
    return MODEL_TYPES.contains(modelType);
  }

  /** Reads and checks a decoder's configuration, naming the field of any problem. */
  public static DecoderConfig from(HfConfig config) {
    String modelType = config.modelType();
    if (!covers(modelType)) {
      throw new ModelFormatException(
          config.file(), "model_type", "'" + modelType + "' is not a Llama-family decoder");
    }
    String activation = config.optionalString("hidden_act").orElse("silu");
    if (!activation.equals("silu")) {
      throw new ModelFormatException(
          config.file(), "hidden_act", "'" + activation + "' is not supported; expected silu");
    }
    int hidden = config.requiredInt("hidden_size");
    int heads = config.requiredInt("num_attention_heads");
    Defaults defaults = Defaults.of(modelType, heads);
    int kvHeads = config.optionalInt("num_key_value_heads", defaults.kvHeads());
    if (heads % kvHeads != 0) {
      throw new ModelFormatException(
          config.file(),
          "num_key_value_heads",
          kvHeads + " does not divide num_attention_heads " + heads);
    }
    int headSize;
    if (config.has("head_dim")) {
      headSize = config.requiredInt("head_dim");
    } else if (hidden % heads != 0) {
      throw new ModelFormatException(
          config.file(),
          "hidden_size",
          hidden
              + " is not a multiple of num_attention_heads "
              + heads
              + " and head_dim is absent");
    } else {
      headSize = hidden / heads;
    }
    if (headSize % 2 != 0) {
      throw new ModelFormatException(
          config.file(),
          config.has("head_dim") ? "head_dim" : "hidden_size",
          "gives heads of " + headSize + " units; rotary embedding needs an even number");
    }
    boolean llama = modelType.equals("llama");
    boolean qwen2 = modelType.equals("qwen2");
    boolean attentionBias = llama && config.optionalBoolean("attention_bias", false);
    Rope rope = Rope.read(config);
    return new DecoderConfig(
        modelType,
        config.requiredInt("vocab_size"),
        hidden,
        config.requiredInt("intermediate_size"),
        config.requiredInt("num_hidden_layers"),
        heads,
        kvHeads,
        headSize,
        config.optionalDouble("rms_norm_eps", 1e-6),
        rope.theta(),
        rope.scaling(),
        qwen2 || attentionBias,
        attentionBias,
        llama && config.optionalBoolean("mlp_bias", false),
        maxPositions(config, modelType, defaults));
  }

  /**
   * What transformers assumes for a field a config leaves out, per architecture ({@code
   * LlamaConfig}, {@code Qwen2Config}, {@code MistralConfig}); published checkpoints state them.
   */
  private record Defaults(int kvHeads, int maxPositions, int slidingWindow) {
    static Defaults of(String modelType, int heads) {
      return switch (modelType) {
        case "qwen2" -> new Defaults(32, 32768, 4096);
        case "mistral" -> new Defaults(8, 4096 * 32, 4096);
        default -> new Defaults(heads, 2048, Integer.MAX_VALUE);
      };
    }
  }

  /**
   * The longest input: {@code max_position_embeddings}, capped by the sliding window when one is in
   * use (Mistral's {@code sliding_window}; Qwen2's with {@code use_sliding_window}; any {@code
   * sliding_attention} in {@code layer_types}, as transformers 5 writes it). Inputs no longer than
   * the window attend exactly as with full attention, so sycolab runs windowed models at full
   * attention on inputs that fit the window.
   */
  private static int maxPositions(HfConfig config, String modelType, Defaults defaults) {
    int max = config.optionalInt("max_position_embeddings", defaults.maxPositions());
    boolean windowed =
        config.optionalStrings("layer_types").contains("sliding_attention")
            || switch (modelType) {
              case "mistral" -> true;
              case "qwen2" -> config.optionalBoolean("use_sliding_window", false);
              default -> false;
            };
    // An explicit null window (Mistral v0.2 and later) means full attention.
    if (!windowed || config.isExplicitNull("sliding_window")) {
      return max;
    }
    return Math.min(max, config.optionalInt("sliding_window", defaults.slidingWindow()));
  }

  /**
   * The rotary base and scaling, from {@code rope_parameters} (transformers 5) or the older fields.
   */
  private record Rope(double theta, RopeScaling scaling) {

    static Rope read(HfConfig config) {
      Optional<HfConfig> parameters = config.optionalObject("rope_parameters");
      if (parameters.isPresent()) {
        HfConfig p = parameters.get();
        return new Rope(p.optionalDouble("rope_theta", 10000), scaling(p));
      }
      return new Rope(
          config.optionalDouble("rope_theta", 10000),
          config.optionalObject("rope_scaling").map(Rope::scaling).orElse(null));
    }

    /** The scaling an object of {@code rope_type} and its parameters asks for; null for none. */
    private static RopeScaling scaling(HfConfig s) {
      String key = s.has("rope_type") ? "rope_type" : "type";
      String type = s.optionalString(key).orElse("default");
      return switch (type) {
        case "default" -> null;
        case "llama3" ->
            new RopeScaling(
                s.requiredDouble("factor"),
                s.requiredDouble("low_freq_factor"),
                s.requiredDouble("high_freq_factor"),
                s.requiredInt("original_max_position_embeddings"));
        default ->
            throw new ModelFormatException(
                s.file(),
                s.name(key),
                "'" + type + "' is not supported; supported: default, llama3");
      };
    }
  }
}
