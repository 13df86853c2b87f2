package org.sycolab.backbone;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sycolab.backbone.bert.BertBackbone;
import org.sycolab.backbone.bert.BertConfig;
import org.sycolab.backbone.decoder.ChatTemplate;
import org.sycolab.backbone.decoder.DecoderBackbone;
import org.sycolab.backbone.decoder.DecoderConfig;
import org.sycolab.backbone.onnx.OnnxEncoderBackbone;
import org.sycolab.backbone.onnx.OnnxGraphCheck;
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

  private static final Logger LOG = LoggerFactory.getLogger(Backbones.class);

  private Backbones() {}

  /**
   * Loads the referenced model onto {@code device}, run by the faster engine there ({@link
   * EncoderEngine#AUTO}).
   *
   * @param cacheRoot where built-in models are converted to (once)
   */
  public static Backbone open(
      String reference, BackboneOptions options, Device device, Path cacheRoot) throws IOException {
    return open(describe(reference, options, cacheRoot), device, EncoderEngine.AUTO, cacheRoot);
  }

  /**
   * Loads a described backbone onto {@code device}, run by the engine {@code engine} resolves to
   * ({@link #runsOnOnnxRuntime}). An encoder ONNX Runtime is to run is first checked against
   * sycolab's PyTorch blocks ({@link OnnxGraphCheck}, once per model and machine). Where it gives
   * other vectors, or ONNX Runtime cannot run here at all (its native library does not load, it
   * refuses the graph), {@link EncoderEngine#AUTO} warns and runs PyTorch and {@link
   * EncoderEngine#ONNXRUNTIME} refuses. A checkpoint that is broken is broken on both engines: its
   * {@link ModelFormatException} goes to the caller either way.
   *
   * @param cacheRoot where the checks' verdicts are kept
   */
  public static Backbone open(
      BackboneSpec spec, Device device, EncoderEngine engine, Path cacheRoot) throws IOException {
    if (!runsOnOnnxRuntime(spec, device, engine)) {
      return open(spec, device);
    }
    String problem;
    Throwable cause = null;
    try {
      Checked checked = openChecked(spec, cacheRoot);
      if (checked.backbone().isPresent()) {
        return checked.backbone().get();
      }
      OnnxGraphCheck.Verdict verdict = checked.verdict();
      problem =
          String.format(
              Locale.ROOT,
              "on ONNX Runtime its vectors differ from sycolab's PyTorch blocks by up to %.3g (more"
                  + " than %.0e; the verdict is kept in %s, delete it to check again)",
              verdict.maxDifference(),
              OnnxGraphCheck.TOLERANCE,
              verdict.file());
    } catch (ModelFormatException e) {
      throw e;
    } catch (RuntimeException | IOException | LinkageError e) {
      problem = "ONNX Runtime cannot run it here: " + e;
      cause = e;
    }
    if (engine == EncoderEngine.ONNXRUNTIME) {
      throw new IllegalStateException(
          "--engine onnxruntime: " + spec.reference() + ": " + problem + "; use --engine pytorch",
          cause);
    }
    LOG.warn("{}: {}; embedding with PyTorch instead", spec.reference(), problem);
    return open(spec, device);
  }

  /** An encoder's check, and the encoder on ONNX Runtime when it passed. */
  private record Checked(Optional<OnnxEncoderBackbone> backbone, OnnxGraphCheck.Verdict verdict) {}

  /** Opens the encoder on ONNX Runtime and checks it; closes it again when the check fails. */
  private static Checked openChecked(BackboneSpec spec, Path cacheRoot) throws IOException {
    OnnxEncoderBackbone onnx = OnnxEncoderBackbone.load(spec);
    boolean keep = false;
    try {
      OnnxGraphCheck.Verdict verdict =
          OnnxGraphCheck.under(cacheRoot)
              .verdict(spec, onnx, () -> BertBackbone.load(spec, Device.cpu()));
      keep = verdict.agrees();
      return new Checked(keep ? Optional.of(onnx) : Optional.empty(), verdict);
    } finally {
      if (!keep) {
        onnx.close();
      }
    }
  }

  /**
   * Whether ONNX Runtime runs {@code spec} on {@code device} under {@code engine}: it runs BERT
   * encoders on the CPU; sycolab's PyTorch blocks run everything else.
   *
   * @throws IllegalArgumentException for {@link EncoderEngine#ONNXRUNTIME} where it cannot run,
   *     saying why
   */
  public static boolean runsOnOnnxRuntime(BackboneSpec spec, Device device, EncoderEngine engine) {
    if (engine == EncoderEngine.PYTORCH) {
      return false;
    }
    String obstacle;
    if (!spec.modelType().equals(BertConfig.MODEL_TYPE)) {
      obstacle = "it runs BERT encoders only, and " + spec.reference() + " is " + spec.modelType();
    } else if (!Device.Type.CPU.equals(device.getDeviceType())) {
      obstacle = "sycolab runs it on the CPU only, and the device is " + device;
    } else {
      return true;
    }
    if (engine == EncoderEngine.ONNXRUNTIME) {
      throw new IllegalArgumentException("--engine onnxruntime: " + obstacle);
    }
    return false;
  }

  /** Loads a described backbone onto {@code device}, on sycolab's PyTorch blocks. */
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
