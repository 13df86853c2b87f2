package org.sycolab.backbone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
   * Version of what the files do not say: prompt rendering ({@code PairText}), truncation ({@code
   * CrossEncodingTokenizer}), the blocks' arithmetic and pooling. Bump it with any change there
   * that moves a vector, so that cached features of the old code are not reused.
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
   * SHA-256 (hex) over the recipe version, architecture, config, weights, tokenizer and options:
   * two backbones with equal fingerprints give equal vectors.
   */
  public String fingerprint(String modelType, String weightsSha256, BackboneOptions options)
      throws IOException {
    return fingerprint(modelType, weightsSha256, options, List.of());
  }

  /**
   * The fingerprint with {@code extra} lines of recipe: what else an architecture's vectors depend
   * on, such as a decoder's chat template. Float32, the default precision, adds no line, so
   * fingerprints from before precisions existed stay valid.
   */
  public String fingerprint(
      String modelType, String weightsSha256, BackboneOptions options, List<String> extra)
      throws IOException {
    List<String> recipe = new ArrayList<>();
    Collections.addAll(
        recipe,
        FINGERPRINT_VERSION,
        "model_type=" + modelType,
        "config=" + FileDigest.sha256(path.resolve(HfConfig.FILE_NAME)),
        "weights=" + weightsSha256,
        "tokenizer=" + FileDigest.sha256(tokenizer()),
        "pooling=" + options.pooling().id(),
        "normalize=" + options.normalize(),
        "max_length=" + options.maxLength());
    if (options.precision() != Precision.FLOAT32) {
      recipe.add("precision=" + options.precision().id());
    }
    recipe.addAll(extra);
    return FileDigest.sha256(String.join("\n", recipe).getBytes(StandardCharsets.UTF_8));
  }
}
