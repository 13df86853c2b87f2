package org.sycolab.backbone.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.PaddedBatch;
import org.sycolab.backbone.Pooling;
import org.sycolab.backbone.TestModels;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.backbone.bert.TinyBertCheckpoint;
import org.sycolab.data.PairText;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.probes.GeneratorConfig;
import org.sycolab.data.probes.ProbeGenerator;
import org.sycolab.features.TextSlot;

/**
 * Encoders run by ONNX Runtime as fused graphs against the same encoders on sycolab's PyTorch
 * blocks (today's vectors), and against ONNX Runtime running the published export of the built-in
 * model, pooled in plain Java in double precision (an independent reference), on probe texts of
 * many lengths in length-sorted batches, as the embed command batches them.
 */
class OnnxEncoderBackboneTest {

  private static final double TOLERANCE = 1e-4;

  @TempDir Path tmp;

  @Test
  void vectorsMatchThePyTorchBlocksForEveryPooling() throws Exception {
    List<PairText> texts = probeTexts(96);
    for (BackboneOptions options :
        List.of(
            BackboneOptions.DEFAULTS,
            new BackboneOptions(Pooling.CLS, false, 128),
            new BackboneOptions(Pooling.LAST, true, 64))) {
      BackboneSpec spec = Backbones.describe("builtin:minilm", options, TestModels.cache());
      try (Backbone pytorch = Backbones.open(spec, Device.cpu());
          Backbone onnx = OnnxEncoderBackbone.load(spec)) {
        assertThat(onnx.fingerprint()).isEqualTo(pytorch.fingerprint());
        assertThat(onnx.dimension()).isEqualTo(384);
        assertThat(maxDifference(onnx, pytorch, texts))
            .as("largest difference with %s", options)
            .isLessThanOrEqualTo(TOLERANCE);
      }
    }
  }

  @Test
  void aBatchOfOneAndABatchWithoutPaddingMatchThePyTorchBlocks() throws Exception {
    BackboneSpec spec =
        Backbones.describe("builtin:minilm", BackboneOptions.DEFAULTS, TestModels.cache());
    try (Backbone pytorch = Backbones.open(spec, Device.cpu());
        Backbone onnx = OnnxEncoderBackbone.load(spec)) {
      TokenizedInput one = onnx.tokenize(probeTexts(1).get(0));
      List<TokenizedInput> single = List.of(one);
      List<TokenizedInput> same = List.of(one, one, one);
      assertThat(maxDifference(onnx.embed(single), pytorch.embed(single)))
          .isLessThanOrEqualTo(TOLERANCE);
      assertThat(maxDifference(onnx.embed(same), pytorch.embed(same)))
          .isLessThanOrEqualTo(TOLERANCE);
    }
  }

  @Test
  void aSmallRandomEncoderWithAModelPrefixMatchesThePyTorchBlocks() throws Exception {
    Path dir = TinyBertCheckpoint.write(tmp.resolve("tiny"), "bert.");
    BackboneSpec spec =
        Backbones.describe(dir.toString(), BackboneOptions.DEFAULTS, tmp.resolve("cache"));
    try (Backbone pytorch = Backbones.open(spec, Device.cpu());
        Backbone onnx = OnnxEncoderBackbone.load(spec)) {
      assertThat(onnx.dimension()).isEqualTo(TinyBertCheckpoint.CONFIG.hiddenSize());
      assertThat(maxDifference(onnx, pytorch, probeTexts(40))).isLessThanOrEqualTo(TOLERANCE);
    }
  }

  @Test
  void meanPooledVectorsMatchOnnxRuntimeRunningThePublishedExport() throws Exception {
    BackboneSpec spec =
        Backbones.describe("builtin:minilm", BackboneOptions.DEFAULTS, TestModels.cache());
    try (Backbone onnx = OnnxEncoderBackbone.load(spec)) {
      List<TokenizedInput> batch = new ArrayList<>();
      probeTexts(24).forEach(text -> batch.add(onnx.tokenize(text)));
      int shortest = batch.stream().mapToInt(TokenizedInput::length).min().orElseThrow();
      int longest = batch.stream().mapToInt(TokenizedInput::length).max().orElseThrow();
      assertThat(shortest).as("rows are padded").isLessThan(longest - 10);

      assertThat(maxDifference(onnx.embed(batch), referenceMeanPooled(batch)))
          .isLessThanOrEqualTo(1e-5);
    }
  }

  @Test
  void aTensorMissingFromTheWeightsIsNamedWithTheFile() throws Exception {
    Path dir = TinyBertCheckpoint.write(tmp.resolve("tiny"), "");
    Map<String, Object> config = TinyBertCheckpoint.CONFIG.toHfJson();
    config.put("num_hidden_layers", 3);
    TinyBertCheckpoint.writeConfig(dir, config);
    BackboneSpec spec =
        Backbones.describe(dir.toString(), BackboneOptions.DEFAULTS, tmp.resolve("cache"));

    assertThatThrownBy(() -> OnnxEncoderBackbone.load(spec))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("model.safetensors")
        .hasMessageContaining("encoder.layer.2.")
        .hasMessageContaining("missing");
  }

  /** Probe texts of mixed lengths, as the embed command reads them. */
  static List<PairText> probeTexts(int count) {
    List<PreferencePair> pairs =
        ProbeGenerator.standard().generate(GeneratorConfig.of(3, count)).pairs();
    return TextSlot.of(pairs).stream().limit(count).map(TextSlot::text).toList();
  }

  /** The largest difference over length-sorted batches of 32, as the embed command batches. */
  private static double maxDifference(Backbone onnx, Backbone pytorch, List<PairText> texts) {
    double max = 0;
    for (List<TokenizedInput> batch : sortedBatches(pytorch, texts, 32)) {
      float[][] expected = pytorch.embed(batch);
      float[][] actual = onnx.embed(batch);
      assertThat(actual).hasDimensions(batch.size(), onnx.dimension());
      max = Math.max(max, maxDifference(actual, expected));
    }
    return max;
  }

  private static List<List<TokenizedInput>> sortedBatches(
      Backbone backbone, List<PairText> texts, int size) {
    List<TokenizedInput> inputs = new ArrayList<>();
    texts.forEach(text -> inputs.add(backbone.tokenize(text)));
    inputs.sort(Comparator.comparingInt(TokenizedInput::length));
    List<List<TokenizedInput>> batches = new ArrayList<>();
    for (int from = 0; from < inputs.size(); from += size) {
      batches.add(inputs.subList(from, Math.min(from + size, inputs.size())));
    }
    return batches;
  }

  static double maxDifference(float[][] a, float[][] b) {
    assertThat(a).hasSameDimensionsAs(b);
    double max = 0;
    for (int row = 0; row < a.length; row++) {
      for (int i = 0; i < a[row].length; i++) {
        max = Math.max(max, Math.abs((double) a[row][i] - b[row][i]));
      }
    }
    return max;
  }

  /**
   * ONNX Runtime running the model's published export, mean-pooled over real tokens and unit-scaled
   * in doubles.
   */
  private static float[][] referenceMeanPooled(List<TokenizedInput> batch) throws Exception {
    PaddedBatch padded = PaddedBatch.of(batch);
    float[] hidden = PublishedExport.lastHiddenState(batch);
    int width = hidden.length / (padded.rows() * padded.length());
    float[][] vectors = new float[padded.rows()][width];
    for (int row = 0; row < padded.rows(); row++) {
      int tokens = batch.get(row).length();
      double[] sum = new double[width];
      for (int t = 0; t < tokens; t++) {
        for (int h = 0; h < width; h++) {
          sum[h] += hidden[(row * padded.length() + t) * width + h];
        }
      }
      double norm = 0;
      for (int h = 0; h < width; h++) {
        sum[h] /= tokens;
        norm += sum[h] * sum[h];
      }
      for (int h = 0; h < width; h++) {
        vectors[row][h] = (float) (sum[h] / Math.sqrt(norm));
      }
    }
    return vectors;
  }
}
