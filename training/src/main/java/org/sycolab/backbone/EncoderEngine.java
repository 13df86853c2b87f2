package org.sycolab.backbone;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which engine runs a backbone's forward pass ({@code --engine}). sycolab's own blocks on DJL's
 * PyTorch engine run every architecture on every device; ONNX Runtime runs a BERT encoder on the
 * CPU, its weights written as a graph of fused transformer operators ({@link
 * org.sycolab.backbone.onnx.FusedBertGraph}), two to three times as fast there. Both give the same
 * vectors within 1e-4, so the engine is not part of a backbone's fingerprint: sycolab runs a model
 * on ONNX Runtime only after checking that it does ({@link
 * org.sycolab.backbone.onnx.OnnxGraphCheck}).
 */
public enum EncoderEngine {
  /** ONNX Runtime where it can run the model (a BERT encoder, on the CPU), else PyTorch. */
  AUTO,
  /** sycolab's blocks on DJL's PyTorch engine: every architecture, CPU and CUDA. */
  PYTORCH,
  /** ONNX Runtime on the CPU, for a BERT encoder. */
  ONNXRUNTIME;

  /** The name on the command line and in manifests. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The engine named {@code id}, in any case.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static EncoderEngine parse(String id) {
    String name = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    for (EncoderEngine engine : values()) {
      if (engine.id().equals(name)) {
        return engine;
      }
    }
    throw new IllegalArgumentException("expected " + ids() + ", got '" + id + "'");
  }

  /** The accepted values, as {@code auto, pytorch or onnxruntime}. */
  public static String ids() {
    String all = Arrays.stream(values()).map(EncoderEngine::id).collect(Collectors.joining(", "));
    int last = all.lastIndexOf(", ");
    return all.substring(0, last) + " or " + all.substring(last + 2);
  }
}
