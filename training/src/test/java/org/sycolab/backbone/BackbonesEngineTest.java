package org.sycolab.backbone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which engine runs a backbone, and why {@code --engine onnxruntime} cannot where it cannot. */
class BackbonesEngineTest {

  @TempDir Path tmp;

  @Test
  void autoRunsAnEncoderOnOnnxRuntimeOnTheCpuAndOnPyTorchOnAGpu() throws Exception {
    BackboneSpec spec =
        Backbones.describe("builtin:minilm", BackboneOptions.DEFAULTS, TestModels.cache());

    assertThat(Backbones.runsOnOnnxRuntime(spec, Device.cpu(), EncoderEngine.AUTO)).isTrue();
    assertThat(Backbones.runsOnOnnxRuntime(spec, Device.cpu(), EncoderEngine.ONNXRUNTIME)).isTrue();
    assertThat(Backbones.runsOnOnnxRuntime(spec, Device.cpu(), EncoderEngine.PYTORCH)).isFalse();
    assertThat(Backbones.runsOnOnnxRuntime(spec, Device.gpu(0), EncoderEngine.AUTO)).isFalse();
    assertThatThrownBy(
            () -> Backbones.runsOnOnnxRuntime(spec, Device.gpu(0), EncoderEngine.ONNXRUNTIME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--engine onnxruntime")
        .hasMessageContaining("CPU only");
  }

  @Test
  void aDecoderRunsOnPyTorchAndOnnxruntimeSaysItRunsEncodersOnly() {
    BackboneSpec decoder =
        new BackboneSpec(
            "/models/qwen",
            new ModelDirectory(tmp),
            "qwen2",
            new BackboneOptions(Pooling.LAST, true, 256),
            "0".repeat(64));

    assertThat(Backbones.runsOnOnnxRuntime(decoder, Device.cpu(), EncoderEngine.AUTO)).isFalse();
    assertThatThrownBy(
            () -> Backbones.runsOnOnnxRuntime(decoder, Device.cpu(), EncoderEngine.ONNXRUNTIME))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--engine onnxruntime: it runs BERT encoders only, and /models/qwen is qwen2");
  }

  @Test
  void engineNamesParseInAnyCaseAndOthersAreRefusedListingTheChoices() {
    assertThat(EncoderEngine.parse("ONNXRuntime")).isEqualTo(EncoderEngine.ONNXRUNTIME);
    assertThat(EncoderEngine.parse("pytorch")).isEqualTo(EncoderEngine.PYTORCH);
    assertThatThrownBy(() -> EncoderEngine.parse("onnx"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected auto, pytorch or onnxruntime, got 'onnx'");
  }
}
