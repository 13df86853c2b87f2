package org.sycolab.backbone;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.sycolab.backbone.bert.BertBackbone;
import org.sycolab.backbone.bert.BertConfig;
import org.sycolab.backbone.decoder.ChatTemplate;
import org.sycolab.backbone.decoder.DecoderBackbone;
import org.sycolab.backbone.decoder.DecoderConfig;
import org.sycolab.backbone.torchscript.TorchScriptBackbone;
import org.sycolab.backbone.torchscript.TorchScriptModel;

/**
 * Opens a backbone from a model reference: {@code builtin:<name>}, a Hugging Face model directory
 * (whose {@code config.json} {@code model_type} picks the architecture) or a TorchScript file.
 */
public final class Backbones {

  /** The {@code model_type} values sycolab can run. */
  public static final List<String> SUPPORTED_MODEL_TYPES =
      Stream.concat(Stream.of(BertConfig.MODEL_TYPE), DecoderConfig.MODEL_TYPES.stream()).toList();

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
    if (spec.modelType().equals(TorchScriptModel.MODEL_TYPE)) {
      return TorchScriptBackbone.load(spec, device);
    }
    return DecoderConfig.covers(spec.modelType())
        ? DecoderBackbone.load(spec, device)
        : BertBackbone.load(spec, device);
  }

  /**
   * Describes the referenced model without loading it: checks the architecture, fills in the
   * architecture's pooling when none was asked for, caps the length by the model's limit and
   * computes the fingerprint. The weight files are hashed only when {@link WeightDigests} keeps no
   * current digest of them, so describing the same model again (in this process or the next) reads
   * their sizes and times, not their bytes.
   *
   * @param cacheRoot where built-in models are converted to and weight digests are kept
   */
  public static BackboneSpec describe(String reference, BackboneOptions options, Path cacheRoot)
      throws IOException {
    if (TorchScriptModel.isTorchScriptReference(reference)) {
      return TorchScriptModel.describe(reference, options, WeightDigests.under(cacheRoot));
    }
    ModelDirectory dir = resolve(reference, cacheRoot);
    // Weights first: a directory of pickled weights is refused before its config is examined.
    String weightsSha256;
    try (var weights = dir.openWeights()) {
      weightsSha256 = WeightDigests.under(cacheRoot).weightsSha256(weights.weightFiles());
    }
    HfConfig config = HfConfig.read(dir.path());
    String modelType = config.modelType();
    if (DecoderConfig.covers(modelType)) {
      DecoderConfig decoder = DecoderConfig.from(config);
      BackboneOptions effective =
          options.withDefaultPooling(Pooling.LAST).capLength(decoder.maxPositions());
      return new BackboneSpec(
          reference,
          dir,
          modelType,
          effective,
          ChatTemplate.addTo(dir.recipe(modelType, weightsSha256, effective), dir.path()).sha256());
    }
    if (!modelType.equals(BertConfig.MODEL_TYPE)) {
      throw new ModelFormatException(
          config.file(),
          "model_type",
          "'"
              + modelType
              + "' is not supported; supported: "
              + String.join(", ", SUPPORTED_MODEL_TYPES));
    }
    if (options.precision() != Precision.FLOAT32) {
      throw new IllegalArgumentException(
          reference
              + " is a BERT encoder, which runs in float32 only; use dtype float32 (--dtype,"
              + " backbone.dtype)");
    }
    BackboneOptions effective =
        options.withDefaultPooling(Pooling.MEAN).capLength(BertConfig.from(config).maxPositions());
    return new BackboneSpec(
        reference,
        dir,
        modelType,
        effective,
        dir.recipe(modelType, weightsSha256, effective).sha256());
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
