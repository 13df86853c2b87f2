package org.sycolab.stage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.EncoderEngine;
import org.sycolab.backbone.ModelDirectory;
import org.sycolab.backbone.Pooling;
import org.sycolab.data.PairText;
import org.sycolab.data.Turn;

/** The features a stage reads: refused at once where the engine asked for cannot run. */
class FeatureVectorsTest {

  @TempDir Path tmp;

  @Test
  void onnxruntimeForADecoderIsRefusedBeforeTheCacheOrTheModelIsTouched() {
    BackboneSpec decoder =
        new BackboneSpec(
            "/models/qwen",
            new ModelDirectory(tmp.resolve("absent")),
            "qwen2",
            new BackboneOptions(Pooling.LAST, true, 256),
            "0".repeat(64));
    List<PairText> texts = List.of(new PairText(List.of(Turn.user("Is it?")), "Yes."));

    assertThatThrownBy(
            () ->
                FeatureVectors.of(
                    texts,
                    decoder,
                    Device.cpu(),
                    EncoderEngine.ONNXRUNTIME,
                    32,
                    StageConsole.SILENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--engine onnxruntime: it runs BERT encoders only, and /models/qwen is qwen2");
  }
}
