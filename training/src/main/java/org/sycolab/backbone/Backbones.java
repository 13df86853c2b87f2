package org.sycolab.backbone;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.sycolab.backbone.bert.BertBackbone;
import org.sycolab.backbone.bert.BertConfig;

/**
 * Opens a backbone from a model reference: {@code builtin:<name>} or a Hugging Face model
 * directory, whose {@code config.json} {@code model_type} picks the architecture.
 */
public final class Backbones {

  /** The {@code model_type} values sycolab can run. */
  public static final List<String> SUPPORTED_MODEL_TYPES = List.of(BertConfig.MODEL_TYPE);

  private Backbones() {}

  /**
   * Loads the referenced model onto {@code device}.
   *
   * @param cacheRoot where built-in models are converted to (once)
   */
  public static Backbone open(
      String reference, BackboneOptions options, Device device, Path cacheRoot) throws IOException {
    return open(describe(reference, options, cacheRoot), device);
  }

  /** Loads a described backbone onto {@code device}. */
  public static Backbone open(BackboneSpec spec, Device device) throws IOException {
    return BertBackbone.load(spec, device);
  }

  /**
   * Describes the referenced model without loading it: checks the architecture, caps the options by
   * the model's limits and computes the fingerprint (hashing the weight files).
   */
  public static BackboneSpec describe(String reference, BackboneOptions options, Path cacheRoot)
      throws IOException {
    ModelDirectory dir = resolve(reference, cacheRoot);
    // Weights first: a directory of pickled weights is refused before its config is examined.
    String weightsSha256;
    try (var weights = dir.openWeights()) {
      weightsSha256 = weights.weightsSha256();
    }
    HfConfig config = HfConfig.read(dir.path());
    String modelType = config.modelType();
    if (!modelType.equals(BertConfig.MODEL_TYPE)) {
      throw new ModelFormatException(
          config.file(),
          "model_type",
          "'"
              + modelType
              + "' is not supported; supported: "
              + String.join(", ", SUPPORTED_MODEL_TYPES));
    }
    int maxPositions = BertConfig.from(config).maxPositions();
    BackboneOptions effective =
        new BackboneOptions(
            options.pooling(), options.normalize(), Math.min(options.maxLength(), maxPositions));
    return new BackboneSpec(
        reference, dir, modelType, effective, dir.fingerprint(modelType, weightsSha256, effective));
  }

  /** The model directory a reference names, converting a built-in model when needed. */
  public static ModelDirectory resolve(String reference, Path cacheRoot) throws IOException {
    if (reference.startsWith(BuiltinModel.SCHEME)) {
      BuiltinModel model =
          BuiltinModel.byReference(reference)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown built-in model '"
                              + reference
                              + "'; built-in: "
                              + String.join(
                                  ", ",
                                  Arrays.stream(BuiltinModel.values())
                                      .map(BuiltinModel::reference)
                                      .toList())));
      return new ModelDirectory(new BuiltinModelStore(cacheRoot).directory(model));
    }
    return ModelDirectory.of(Path.of(reference));
  }
}
