package org.sycolab.backbone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sycolab.backbone.safetensors.ShardedSafetensors;
import org.sycolab.io.FileDigest;

/**
 * A Hugging Face model directory: {@code config.json}, safetensors weights (one file or shards with
 * their index) and {@code tokenizer.json}.
 *
 * @param path the directory
 */
public record ModelDirectory(Path path) {

  /** Name of unsharded weights. */
  public static final String SINGLE_WEIGHTS = ShardedSafetensors.SINGLE_FILE;

  /** Name of the tokenizer. */
  public static final String TOKENIZER = "tokenizer.json";

  /**
   * Version of what the files do not say: the encoder's prompt rendering ({@code PairText}, {@code
   * CrossEncodingTokenizer}), truncation ({@code TruncationBudget}), the blocks' arithmetic and
   * pooling ({@code Pooler}). Bump it with any change there that moves a vector, so that cached
   * features of the old code are not reused. Decoders' rendering has its own version ({@code
   * ChatTemplate.RENDERING_VERSION}).
   */
  public static final String FINGERPRINT_VERSION = "sycolab-backbone-v2";

  /** Checks that the path is a directory with a config. */
  public static ModelDirectory of(Path path) {
    if (!Files.isDirectory(path)) {
      throw new ModelFormatException(
          path, Files.exists(path) ? "is not a directory" : "does not exist");
    }
    return new ModelDirectory(path);
  }

  /** Opens the weights (refusing pickled ones). */
  public ShardedSafetensors openWeights() throws IOException {
    return ShardedSafetensors.openDirectory(path);
  }

  /** The tokenizer file, which must exist. */
  public Path tokenizer() {
    Path file = path.resolve(TOKENIZER);
    if (!Files.isRegularFile(file)) {
      throw new ModelFormatException(file, "missing; a model directory needs " + TOKENIZER);
    }
    return file;
  }

  /**
   * The recipe of a backbone of this directory: the version, architecture, config, weights,
   * tokenizer and options. Architectures add what else their vectors depend on before hashing it.
   */
  public FingerprintRecipe recipe(String modelType, String weightsSha256, BackboneOptions options)
      throws IOException {
    return new FingerprintRecipe(FINGERPRINT_VERSION)
        .add("model_type", modelType)
        .add("config", FileDigest.sha256(path.resolve(HfConfig.FILE_NAME)))
        .add("weights", weightsSha256)
        .add("tokenizer", FileDigest.sha256(tokenizer()))
        .options(options);
  }
}
