package org.sycolab.backbone.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import org.sycolab.backbone.EncoderEngine;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.ModelDirectory;
import org.sycolab.backbone.TestModels;
import org.sycolab.backbone.bert.BertBackbone;

/**
 * The check that lets ONNX Runtime run an encoder under the backbone's own fingerprint: the
 * built-in model passes once and is not checked again; a model directory of the same files runs on
 * ONNX Runtime under the built-in model's fingerprint; a verdict that the engines disagree (planted
 * by checking against a reference that pools otherwise) makes {@code auto} fall back to PyTorch and
 * {@code onnxruntime} refuse.
 */
class OnnxGraphCheckTest {

  @TempDir Path tmp;

  @Test
  void theBuiltinModelPassesAndItsVerdictIsKeptSoItIsCheckedOnce() throws Exception {
    BackboneSpec spec =
        Backbones.describe("builtin:minilm", BackboneOptions.DEFAULTS, TestModels.cache());
    OnnxGraphCheck check = OnnxGraphCheck.under(tmp);
    try (Backbone onnx = OnnxEncoderBackbone.load(spec)) {
      OnnxGraphCheck.Verdict first =
          check.verdict(spec, onnx, () -> BertBackbone.load(spec, Device.cpu()));
      assertThat(first.agrees()).isTrue();
      assertThat(first.maxDifference()).isBetween(0.0, OnnxGraphCheck.TOLERANCE);
      try (Stream<Path> kept = Files.list(tmp.resolve(OnnxGraphCheck.DIRECTORY))) {
        assertThat(kept.toList()).hasSize(1);
      }

      OnnxGraphCheck.Verdict again =
          check.verdict(
              spec,
              onnx,
              () -> {
                throw new AssertionError("a kept verdict is not checked again");
              });
      assertThat(again).isEqualTo(first);
    }
  }

  @Test
  void theProbeCutsOneInputAtTheMaxLength() throws Exception {
    try (Backbone backbone = TestModels.minilm()) {
      List<Integer> lengths =
          OnnxGraphCheck.probe(BackboneOptions.MAX_LENGTH).stream()
              .map(t -> backbone.tokenize(t).length())
              .toList();
      assertThat(lengths).contains(BackboneOptions.MAX_LENGTH);
      assertThat(lengths.stream().mapToInt(Integer::intValue).min().orElseThrow()).isLessThan(32);
    }
  }

  @Test
  void aModelDirectoryOfTheSameFilesRunsOnOnnxRuntimeUnderTheSameFingerprint() throws Exception {
    Path dir = copyOfMinilm(tmp.resolve("all-MiniLM-L6-v2"));
    BackboneSpec builtin =
        Backbones.describe("builtin:minilm", BackboneOptions.DEFAULTS, TestModels.cache());
    BackboneSpec spec =
        Backbones.describe(dir.toString(), BackboneOptions.DEFAULTS, tmp.resolve("cache"));
    assertThat(spec.fingerprint()).isEqualTo(builtin.fingerprint());

    try (Backbone backbone =
        Backbones.open(spec, Device.cpu(), EncoderEngine.AUTO, tmp.resolve("cache"))) {
      assertThat(backbone).isInstanceOf(OnnxEncoderBackbone.class);
    }
  }

  @Test
  void aDisagreementFallsBackToPyTorchUnderAutoAndIsRefusedUnderOnnxruntime() throws Exception {
    Path cache = tmp.resolve("cache");
    BackboneSpec spec =
        Backbones.describe("builtin:minilm", BackboneOptions.DEFAULTS, TestModels.cache());
    BackboneSpec unscaled =
        Backbones.describe(
            "builtin:minilm", new BackboneOptions(null, false, 256), TestModels.cache());
    try (Backbone onnx = OnnxEncoderBackbone.load(spec)) {
      OnnxGraphCheck.Verdict planted =
          OnnxGraphCheck.under(cache)
              .verdict(spec, onnx, () -> BertBackbone.load(unscaled, Device.cpu()));
      assertThat(planted.agrees()).isFalse();
      assertThat(planted.maxDifference()).isGreaterThan(0.01);
    }

    try (Backbone backbone = Backbones.open(spec, Device.cpu(), EncoderEngine.AUTO, cache)) {
      assertThat(backbone).isInstanceOf(BertBackbone.class);
    }
    assertThatThrownBy(() -> Backbones.open(spec, Device.cpu(), EncoderEngine.ONNXRUNTIME, cache))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("--engine onnxruntime: builtin:minilm: ")
        .hasMessageContaining("differ from sycolab's PyTorch blocks")
        .hasMessageContaining(cache.resolve(OnnxGraphCheck.DIRECTORY).toString())
        .hasMessageContaining("delete it to check again")
        .hasMessageEndingWith("; use --engine pytorch");
  }

  @Test
  void aDamagedVerdictIsCheckedAgainAndACacheThatCannotKeepOneCostsOnlyTheCheck() throws Exception {
    BackboneSpec spec =
        Backbones.describe("builtin:minilm", BackboneOptions.DEFAULTS, TestModels.cache());
    try (Backbone onnx = OnnxEncoderBackbone.load(spec)) {
      OnnxGraphCheck.Verdict first =
          OnnxGraphCheck.under(tmp)
              .verdict(spec, onnx, () -> BertBackbone.load(spec, Device.cpu()));
      Files.writeString(first.file(), "{\"agrees\": tru");
      int[] opened = {0};
      OnnxGraphCheck.Verdict again =
          OnnxGraphCheck.under(tmp)
              .verdict(
                  spec,
                  onnx,
                  () -> {
                    opened[0]++;
                    return BertBackbone.load(spec, Device.cpu());
                  });
      assertThat(opened[0]).as("the damaged verdict was checked again").isEqualTo(1);
      assertThat(again.agrees()).isTrue();
      assertThat(new ObjectMapper().readTree(first.file().toFile()).get("agrees").asBoolean())
          .isTrue();

      // A cache root that is a file: no verdict can be kept under it.
      Files.writeString(tmp.resolve("blocked-root"), "");
      OnnxGraphCheck.Verdict unkept =
          OnnxGraphCheck.under(tmp.resolve("blocked-root"))
              .verdict(spec, onnx, () -> BertBackbone.load(spec, Device.cpu()));
      assertThat(unkept.agrees()).isTrue();
    }
  }

  /** The built-in model's files as a Hugging Face model directory. */
  static Path copyOfMinilm(Path dir) throws Exception {
    Path source = TestModels.minilmDirectory().path();
    Files.createDirectories(dir);
    for (String file :
        List.of(HfConfig.FILE_NAME, ModelDirectory.SINGLE_WEIGHTS, ModelDirectory.TOKENIZER)) {
      Files.copy(source.resolve(file), dir.resolve(file));
    }
    return dir;
  }
}
