package org.sycolab.backbone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sycolab.io.FileDigest;

/**
 * What determines a backbone's vectors, one {@code key=value} line each, and its SHA-256: the
 * backbone's fingerprint, under which features are cached. Two backbones with equal recipes give
 * equal vectors.
 */
public final class FingerprintRecipe {

  private final List<String> lines = new ArrayList<>();

  /**
   * Starts a recipe with the version of what the files do not say (the code's arithmetic, rendering
   * and pooling): bump it with any change that moves a vector.
   */
  public FingerprintRecipe(String version) {
    lines.add(version);
  }

  /** Adds {@code key=value}. */
  public FingerprintRecipe add(String key, Object value) {
    lines.add(key + "=" + value);
    return this;
  }

  /** Adds the SHA-256 of a file, or {@code none} when it does not exist. */
  public FingerprintRecipe file(String key, Path file) throws IOException {
    return add(key, Files.exists(file) ? FileDigest.sha256(file) : "none");
  }

  /**
   * Adds the options: pooling, normalisation, max length, and the precision unless it is float32,
   * so that fingerprints from before precisions existed stay valid.
   */
  public FingerprintRecipe options(BackboneOptions options) {
    add("pooling", options.pooling().id());
    add("normalize", options.normalize());
    add("max_length", options.maxLength());
    if (options.precision() != Precision.FLOAT32) {
      add("dtype", options.precision().id());
    }
    return this;
  }

  /** SHA-256 (hex) of the lines joined by newlines. */
  public String sha256() {
    return FileDigest.sha256(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
  }
}
