package org.sycolab.backbone;

import java.util.Objects;

/**
 * A backbone described without loading it: where its files are, its architecture, the options in
 * effect and its fingerprint. Cheap to make (it reads the config and hashes files), so a fully
 * cached run never loads the model.
 *
 * @param reference what the user named
 * @param directory the model directory (converted, for a built-in model; for a TorchScript module
 *     the folder of its file)
 * @param modelType the architecture: {@code config.json}'s {@code model_type}, or {@code
 *     torchscript}
 * @param options the options in effect (max length capped by the model)
 * @param fingerprint SHA-256 over everything that determines the vectors
 */
public record BackboneSpec(
    String reference,
    ModelDirectory directory,
    String modelType,
    BackboneOptions options,
    String fingerprint) {

  /** Requires the pooling to be filled in: describing a model resolves the default. */
  public BackboneSpec {
    Objects.requireNonNull(options.pooling(), "a described backbone's pooling");
  }
}
