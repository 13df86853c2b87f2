package org.sycolab.cli.doctor;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import org.sycolab.backbone.onnx.OnnxEncoderBackbone;

/**
 * ONNX Runtime's native library loads and offers its CPU execution provider, on which encoders run
 * with {@code --engine auto} (the default) or {@code onnxruntime}.
 */
public final class OnnxRuntimeCheck implements Check {

  @Override
  public CheckResult run() {
    try {
      OrtEnvironment env = OnnxEncoderBackbone.environment();
      if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CPU)) {
        return CheckResult.fail(
            "onnxruntime",
            "ONNX Runtime " + env.getVersion() + " loads but offers no CPU execution provider",
            "run with --engine pytorch");
      }
      return CheckResult.ok(
          "onnxruntime", "ONNX Runtime " + env.getVersion() + " loads; encoders run on it (CPU)");
    } catch (RuntimeException | LinkageError e) {
      return CheckResult.fail(
          "onnxruntime",
          "ONNX Runtime's native library failed to load: " + e.getMessage(),
          "make sure the temporary directory allows executables (java.io.tmpdir, or set"
              + " onnxruntime.native.path), or run with --engine pytorch");
    }
  }
}
