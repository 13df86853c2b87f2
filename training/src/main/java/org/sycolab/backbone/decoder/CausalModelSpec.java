package org.sycolab.backbone.decoder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sycolab.backbone.FingerprintRecipe;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.ModelDirectory;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.Precision;
import org.sycolab.backbone.WeightDigests;
import org.sycolab.backbone.safetensors.ShardedSafetensors;

/**
 * A causal language model described without loading it: a Llama-family decoder whose {@code
 * config.json} names a {@code …ForCausalLM} architecture (or none), with safetensors weights that
 * hold its output head.
 *
 * @param directory the model directory
 * @param decoder the decoder's architecture
 * @param tiedEmbeddings config.json's {@code tie_word_embeddings} (false when absent, as in
 *     transformers' LlamaConfig, Qwen2Config and MistralConfig): the output head is the token
 *     embedding
 * @param precision the type weights and activations are held in
 * @param maxLength the most tokens per conversation, capped by the model's context
 * @param fingerprint SHA-256 over the version of sycolab's scoring, config, weights, tokenizer,
 *     chat rendering, max length and precision
 */
public record CausalModelSpec(
    ModelDirectory directory,
    DecoderConfig decoder,
    boolean tiedEmbeddings,
    Precision precision,
    int maxLength,
    String fingerprint) {

  /** The tensor of an untied output head. */
  public static final String LM_HEAD = "lm_head.weight";

  /**
   * Version of what the files do not say about a log-probability: which tokens count and the
   * arithmetic. Bump it with any change that moves one.
   */
  public static final String SCORING_VERSION = "sycolab-logprob-v1";

  private static final String CAUSAL_LM = "ForCausalLM";

  /**
   * Describes the causal language model in {@code dir}, refusing pickled weights, an architecture
   * that is not a Llama-family causal LM (an encoder, a sequence classifier), and untied weights
   * without {@value #LM_HEAD}.
   *
   * @param cacheRoot where weight digests are kept
   */
  public static CausalModelSpec describe(
      Path dir, Precision precision, int maxLength, Path cacheRoot) throws IOException {
    ModelDirectory model = ModelDirectory.of(dir);
    String weightsSha256;
    boolean hasHead;
    Path weightsFile;
    // Weights first: a directory of pickled weights is refused before its config is examined.
    try (ShardedSafetensors weights = model.openWeights()) {
      weightsSha256 = WeightDigests.under(cacheRoot).weightsSha256(weights.weightFiles());
      hasHead = weights.contains(LM_HEAD);
      weightsFile = weights.source();
    }
    HfConfig config = HfConfig.read(dir);
    DecoderConfig decoder = DecoderConfig.from(config);
    List<String> architectures = config.optionalStrings("architectures");
    if (!architectures.isEmpty() && architectures.stream().noneMatch(a -> a.endsWith(CAUSAL_LM))) {
      throw new ModelFormatException(
          config.file(),
          "architectures",
          String.join(", ", architectures)
              + " is not a causal language model (…"
              + CAUSAL_LM
              + "): log-probabilities need the language-model head");
    }
    boolean tied = config.optionalBoolean("tie_word_embeddings", false);
    if (!tied && !hasHead) {
      throw new ModelFormatException(
          weightsFile,
          LM_HEAD,
          "missing: config.json's tie_word_embeddings is "
              + (config.has("tie_word_embeddings") ? "false" : "absent (false)")
              + ", so the output head must be in the weights");
    }
    int length = Math.min(maxLength, decoder.maxPositions());
    FingerprintRecipe recipe =
        new FingerprintRecipe(SCORING_VERSION)
            .file("config", config.file())
            .add("weights", weightsSha256)
            .file("tokenizer", model.tokenizer())
            .add("max_length", length)
            .add("dtype", precision.id());
    String fingerprint = ChatTemplate.addTo(recipe, dir).sha256();
    return new CausalModelSpec(model, decoder, tied, precision, length, fingerprint);
  }
}
