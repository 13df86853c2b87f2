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
    int kvHeads = config.optionalInt("num_key_value_heads", heads);
    if (heads % kvHeads != 0) {
      throw new ModelFormatException(
          config.file(),
          "num_key_value_heads",
          kvHeads + " does not divide num_attention_heads " + heads);
    }
    int headSize = config.optionalInt("head_dim", hidden / heads);
    if (headSize % 2 != 0) {
      throw new ModelFormatException(
          config.file(), "head_dim", headSize + " must be even for rotary embedding");
    }
    boolean llama = modelType.equals("llama");
    boolean qwen2 = modelType.equals("qwen2");
    boolean attentionBias = llama && config.optionalBoolean("attention_bias", false);
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
        config.optionalDouble("rope_theta", 10000),
        ropeScaling(config).orElse(null),
        qwen2 || attentionBias,
        attentionBias,
        llama && config.optionalBoolean("mlp_bias", false),
        maxPositions(config, modelType));
  }

  /**
   * The longest input: {@code max_position_embeddings}, capped by the sliding window when one is in
   * use. Inputs no longer than the window attend exactly as with full attention, so sycolab runs
   * windowed models at full attention on inputs that fit the window.
   */
  private static int maxPositions(HfConfig config, String modelType) {
    int max = config.optionalInt("max_position_embeddings", 2048);
    boolean windowed =
        switch (modelType) {
          case "mistral" -> true;
          case "qwen2" -> config.optionalBoolean("use_sliding_window", false);
          default -> false;
        };
    return windowed ? Math.min(max, config.optionalInt("sliding_window", max)) : max;
  }

  private static Optional<RopeScaling> ropeScaling(HfConfig config) {
    Optional<HfConfig> scaling = config.optionalObject("rope_scaling");
    if (scaling.isEmpty()) {
      return Optional.empty();
    }
    HfConfig s = scaling.get();
    String type = s.optionalString("rope_type").or(() -> s.optionalString("type")).orElse("");
    return switch (type) {
      case "default" -> Optional.empty();
      case "llama3" ->
          Optional.of(
              new RopeScaling(
                  s.optionalDouble("factor", 8),
                  s.optionalDouble("low_freq_factor", 1),
                  s.optionalDouble("high_freq_factor", 4),
                  s.optionalInt("original_max_position_embeddings", 8192)));
      default ->
          throw new ModelFormatException(
              config.file(),
              "rope_scaling.rope_type",
              "'" + type + "' is not supported; supported: default, llama3");
    };
  }
}
