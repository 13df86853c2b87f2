package org.sycolab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.decoder.TinyDecoderCheckpoint;
import org.sycolab.backbone.decoder.TinyTokenizer;
import org.sycolab.backbone.torchscript.TorchScriptFixture;
import org.sycolab.features.FeatureChunk;
import org.sycolab.run.RunManifest;

/**
 * {@code sycolab embed --model M} on tiny random llama and qwen2 checkpoints and a TorchScript
 * module.
 */
class DecoderEmbedCommandTest {

  @TempDir Path tmp;
  private Path cache;

  @BeforeEach
  void isolateFeatureCache() throws Exception {
    cache = TestCaches.create(tmp.resolve("cache"));
    TestCaches.use(cache);
  }

  @AfterEach
  void restore() throws Exception {
    TestCaches.release();
    TestCaches.unlink(cache);
  }

  private Path pairs() {
    Path data = tmp.resolve("data");
    CliRun r = CliRun.of("generate", "--pairs", "12", "--out", data.toString());
    assertThat(r.status()).as(r.err()).isZero();
    return data.resolve("pairs.jsonl");
  }

  @Test
  void embedsWithTinyLlamaAndQwen2CheckpointsAndRecordsTheDecoderSettings() throws Exception {
    Path pairs = pairs();
    for (TinyDecoderCheckpoint checkpoint :
        List.of(TinyDecoderCheckpoint.llama(), TinyDecoderCheckpoint.qwen2().withShards(2))) {
      Path model =
          checkpoint.writeModel(tmp.resolve(checkpoint.modelType()), TinyTokenizer.QWEN25_TEMPLATE);
      Path out = tmp.resolve("features-" + checkpoint.modelType());
      CliRun r =
          CliRun.of(
              "embed",
              "--in",
              pairs.toString(),
              "--model",
              model.toString(),
              "--out",
              out.toString());
      assertThat(r.status()).as(r.err()).isZero();
      assertThat(r.out())
          .containsPattern("embedded (\\d+) distinct texts .*: 0 from cache, \\1 computed");

      FeatureChunk features = FeatureChunk.read(out.resolve("features.safetensors"));
      assertThat(features.dimension()).isEqualTo(TinyDecoderCheckpoint.HIDDEN);
      for (float[] vector : features.vectors()) {
        double norm = 0;
        for (float v : vector) {
          norm += v * v;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1, within(1e-5));
      }
      Map<String, Object> config = RunManifest.read(out.resolve("manifest.json")).config();
      assertThat(config)
          .containsEntry("model_type", checkpoint.modelType())
          .containsEntry("pooling", "last")
          .containsEntry("dtype", "float32");
    }
  }

  @Test
  void embedsWithATorchScriptModuleNamedByItsFile() throws Exception {
    Path pairs = pairs();
    Path module = TorchScriptFixture.write(tmp.resolve("ts"));
    Path out = tmp.resolve("features-ts");
    CliRun r =
        CliRun.of(
            "embed",
            "--in",
            pairs.toString(),
            "--model",
            module.toString(),
            "--out",
            out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(FeatureChunk.read(out.resolve("features.safetensors")).dimension())
        .isEqualTo(TorchScriptFixture.WIDTH);
    assertThat(RunManifest.read(out.resolve("manifest.json")).config())
        .containsEntry("model_type", "torchscript")
        .containsEntry("pooling", "last");

    // The directory alone holds a .pt and no safetensors: the error says what to pass instead.
    CliRun directory =
        CliRun.of("embed", "--in", pairs.toString(), "--model", module.getParent().toString());
    assertThat(directory.status()).isEqualTo(1);
    assertThat(directory.err()).contains("naming its .pt file itself as the model");
  }

  @Test
  void float16ComputeIsRecordedAndGivesFiniteFeatures() throws Exception {
    Path model =
        TinyDecoderCheckpoint.llama()
            .writeModel(tmp.resolve("llama"), TinyTokenizer.QWEN25_TEMPLATE);
    Path out = tmp.resolve("features-f16");
    CliRun r =
        CliRun.of(
            "embed",
            "--in",
            pairs().toString(),
            "--model",
            model.toString(),
            "--dtype",
            "float16",
            "--out",
            out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    FeatureChunk features = FeatureChunk.read(out.resolve("features.safetensors"));
    assertThat(features.vectors()).isNotEmpty();
    for (float[] vector : features.vectors()) {
      assertThat(vector).hasSize(TinyDecoderCheckpoint.HIDDEN);
      for (float v : vector) {
        assertThat(Float.isFinite(v)).as("a float16 feature is finite").isTrue();
      }
    }
    assertThat(RunManifest.read(out.resolve("manifest.json")).config())
        .containsEntry("model_type", "llama")
        .containsEntry("dtype", "float16");
  }

  @Test
  void bfloat16IsRefusedAsAComputeTypeWithTheReason() throws Exception {
    Path model =
        TinyDecoderCheckpoint.llama()
            .writeModel(tmp.resolve("llama"), TinyTokenizer.QWEN25_TEMPLATE);
    CliRun r =
        CliRun.of(
            "embed", "--in", pairs().toString(), "--model", model.toString(), "--dtype", "bf16");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("no bfloat16 arrays").contains("float16");
  }
}
