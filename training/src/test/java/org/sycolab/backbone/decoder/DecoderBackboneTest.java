package org.sycolab.backbone.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.Pooling;
import org.sycolab.backbone.Precision;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.backbone.safetensors.DType;
import org.sycolab.backbone.safetensors.SafetensorsWriter;
import org.sycolab.data.PairText;
import org.sycolab.data.Role;
import org.sycolab.data.Turn;

/**
 * The decoder backbone against {@link ReferenceDecoder}, a plain-Java forward pass written
 * independently from the published architecture, on tiny random checkpoints.
 */
class DecoderBackboneTest {

  private static final BackboneOptions RAW_LAST = new BackboneOptions(Pooling.LAST, false, 64);

  @TempDir Path tmp;

  /**
   * Each a different model: untied llama; qwen2, tied, with q/k/v biases and rope theta 1e6;
   * mistral; a tied llama with attention biases and llama3 rope scaling; a llama with MLP biases.
   */
  static List<TinyDecoderCheckpoint> architectures() {
    return List.of(
        TinyDecoderCheckpoint.llama(),
        TinyDecoderCheckpoint.qwen2(),
        TinyDecoderCheckpoint.mistral(),
        TinyDecoderCheckpoint.llama()
            .withAttentionBias(true)
            .withLlama3RopeScaling(true)
            .withTiedEmbeddings(true),
        TinyDecoderCheckpoint.llama().withMlpBias(true));
  }

  /** Ids of uneven lengths, all below the tiny vocabulary. */
  private static List<TokenizedInput> inputs(int... lengths) {
    List<TokenizedInput> inputs = new ArrayList<>();
    for (int n : lengths) {
      long[] ids = new long[n];
      for (int t = 0; t < n; t++) {
        ids[t] = (7L * t + 13L * n) % TinyDecoderCheckpoint.VOCAB;
      }
      inputs.add(new TokenizedInput(ids, new long[n]));
    }
    return inputs;
  }

  private static DecoderBackbone open(Path dir, BackboneOptions options) throws Exception {
    BackboneSpec spec = Backbones.describe(dir.toString(), options, dir.resolve("unused-cache"));
    return (DecoderBackbone) Backbones.open(spec, Device.cpu());
  }

  /** Measured: at most 3.9e-6 from the double-precision reference over these inputs. */
  @ParameterizedTest
  @MethodSource("architectures")
  void hiddenStatesMatchTheIndependentReference(TinyDecoderCheckpoint checkpoint) throws Exception {
    Path dir = checkpoint.writeModel(tmp.resolve("m"), null);
    ReferenceDecoder reference = checkpoint.reference();
    try (DecoderBackbone backbone = open(dir, RAW_LAST)) {
      for (TokenizedInput input : inputs(1, 5, 23)) {
        float[] ours = backbone.lastHiddenState(List.of(input));
        double[][] expected = reference.hiddenStates(input.ids());
        int h = TinyDecoderCheckpoint.HIDDEN;
        for (int t = 0; t < input.length(); t++) {
          for (int i = 0; i < h; i++) {
            assertThat((double) ours[t * h + i])
                .as("%s position %d unit %d", checkpoint.modelType(), t, i)
                .isCloseTo(expected[t][i], within(5e-5));
          }
        }
      }
    }
  }

  @Test
  void paddingAndBatchCompanyNeverChangeARowsVector() throws Exception {
    Path dir = TinyDecoderCheckpoint.qwen2().writeModel(tmp.resolve("m"), null);
    List<TokenizedInput> batch = inputs(3, 17, 9, 1);
    for (Pooling pooling : Pooling.values()) {
      try (DecoderBackbone backbone = open(dir, new BackboneOptions(pooling, true, 64))) {
        float[][] together = backbone.embed(batch);
        for (int row = 0; row < batch.size(); row++) {
          float[] alone = backbone.embed(List.of(batch.get(row)))[0];
          assertThat(together[row])
              .as("%s pooling, row %d", pooling.id(), row)
              .containsExactly(alone, within(2e-5f));
        }
      }
    }
  }

  @Test
  void lastPoolingIsTheLastRealTokensStateAndNormalisingGivesUnitLength() throws Exception {
    TinyDecoderCheckpoint checkpoint = TinyDecoderCheckpoint.llama();
    Path dir = checkpoint.writeModel(tmp.resolve("m"), null);
    List<TokenizedInput> batch = inputs(6, 11);
    try (DecoderBackbone raw = open(dir, RAW_LAST);
        DecoderBackbone unit = open(dir, new BackboneOptions(Pooling.LAST, true, 64))) {
      float[][] rawVectors = raw.embed(batch);
      float[][] unitVectors = unit.embed(batch);
      for (int row = 0; row < batch.size(); row++) {
        float[] expected = checkpoint.reference().lastTokenState(batch.get(row).ids());
        assertThat(rawVectors[row]).containsExactly(expected, within(2e-4f));
        double norm = 0;
        for (float v : unitVectors[row]) {
          norm += v * v;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1, within(1e-5));
      }
    }
  }

  @Test
  void aShardedCheckpointGivesExactlyTheVectorsOfTheSingleFile() throws Exception {
    Path single = TinyDecoderCheckpoint.qwen2().writeModel(tmp.resolve("single"), null);
    Path sharded =
        TinyDecoderCheckpoint.qwen2().withShards(3).writeModel(tmp.resolve("sharded"), null);
    assertThat(Files.exists(sharded.resolve("model.safetensors.index.json"))).isTrue();
    List<TokenizedInput> batch = inputs(4, 12);
    try (DecoderBackbone a = open(single, RAW_LAST);
        DecoderBackbone b = open(sharded, RAW_LAST)) {
      float[][] va = a.embed(batch);
      float[][] vb = b.embed(batch);
      for (int row = 0; row < batch.size(); row++) {
        assertThat(vb[row]).containsExactly(va[row]);
      }
    }
  }

  @Test
  void halfPrecisionCheckpointsLoadAsTheValuesTheyStore() throws Exception {
    List<TokenizedInput> batch = inputs(8);
    try (DecoderBackbone f32 =
        open(TinyDecoderCheckpoint.llama().writeModel(tmp.resolve("f32"), null), RAW_LAST)) {
      float[] full = f32.embed(batch)[0];
      for (DType type : List.of(DType.BF16, DType.F16)) {
        TinyDecoderCheckpoint half = TinyDecoderCheckpoint.llama().withDtype(type);
        try (DecoderBackbone backbone =
            open(half.writeModel(tmp.resolve(type.name()), null), RAW_LAST)) {
          float[] ours = backbone.embed(batch)[0];
          // Exactly the model the rounded weights define...
          assertThat(ours)
              .as("%s against the reference on the stored values", type)
              .containsExactly(half.reference().lastTokenState(batch.get(0).ids()), within(2e-4f));
          // ...which is close to the float32 one: bfloat16 keeps 8 bits of mantissa.
          assertThat(ours).as("%s against float32", type).containsExactly(full, within(0.1f));
        }
      }
    }
  }

  @Test
  void float16ComputeStaysCloseToFloat32() throws Exception {
    Path dir = TinyDecoderCheckpoint.qwen2().writeModel(tmp.resolve("m"), null);
    List<TokenizedInput> batch = inputs(5, 14);
    BackboneOptions half = new BackboneOptions(Pooling.LAST, true, 64, Precision.FLOAT16);
    try (DecoderBackbone f32 = open(dir, new BackboneOptions(Pooling.LAST, true, 64));
        DecoderBackbone f16 = open(dir, half)) {
      float[][] a = f32.embed(batch);
      float[][] b = f16.embed(batch);
      for (int row = 0; row < batch.size(); row++) {
        assertThat(b[row]).containsExactly(a[row], within(2e-2f));
      }
      assertThat(f16.fingerprint()).isNotEqualTo(f32.fingerprint());
    }
  }

  @Test
  void float16OverflowIsRefusedInsteadOfCachingInfinities() throws Exception {
    TinyDecoderCheckpoint checkpoint = TinyDecoderCheckpoint.llama();
    Path dir = checkpoint.writeModel(tmp.resolve("m"), null);
    // A final norm weight of 10⁶ is fine in float32 and beyond float16's range (65,504).
    SafetensorsWriter writer = new SafetensorsWriter();
    checkpoint
        .tensors()
        .forEach(
            (name, values) -> {
              float[] written = values;
              if (name.equals("model.norm.weight")) {
                written = new float[values.length];
                Arrays.fill(written, 1e6f);
              }
              writer.addFloats(name, written, checkpoint.shapes().get(name));
            });
    writer.write(dir.resolve("model.safetensors"));
    List<TokenizedInput> batch = inputs(6);
    try (DecoderBackbone f32 = open(dir, RAW_LAST)) {
      for (float value : f32.embed(batch)[0]) {
        assertThat(Float.isFinite(value)).isTrue();
      }
    }
    BackboneOptions half = new BackboneOptions(Pooling.LAST, false, 64, Precision.FLOAT16);
    try (DecoderBackbone f16 = open(dir, half)) {
      assertThatThrownBy(() -> f16.embed(batch))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("non-finite vectors in float16")
          .hasMessageContaining("use --dtype float32");
    }
  }

  @Test
  void aConversationIsEmbeddedThroughItsChatTemplate() throws Exception {
    TinyDecoderCheckpoint checkpoint = TinyDecoderCheckpoint.qwen2();
    Path dir = checkpoint.writeModel(tmp.resolve("m"), TinyTokenizer.QWEN25_TEMPLATE);
    PairText text = new PairText(List.of(new Turn(Role.USER, "Is 7 prime?")), "Yes, 7 is prime.");
    try (Backbone backbone =
        Backbones.open(dir.toString(), new BackboneOptions(null, false, 256), Device.cpu(), tmp)) {
      TokenizedInput input = backbone.tokenize(text);
      List<Long> expected = new ArrayList<>();
      for (String[] message :
          new String[][] {
            {"system", TinyTokenizer.QWEN25_DEFAULT_SYSTEM},
            {"user", "Is 7 prime?"},
            {"assistant", "Yes, 7 is prime."}
          }) {
        expected.add(TinyTokenizer.IM_START);
        add(expected, TinyTokenizer.bytes(message[0] + "\n" + message[1]));
        expected.add(TinyTokenizer.IM_END);
        add(expected, TinyTokenizer.bytes("\n"));
      }
      assertThat(input.ids())
          .containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
      float[] vector = backbone.embed(List.of(input))[0];
      assertThat(vector)
          .containsExactly(checkpoint.reference().lastTokenState(input.ids()), within(2e-4f));
    }
  }

  private static void add(List<Long> out, long[] ids) {
    for (long id : ids) {
      out.add(id);
    }
  }

  /** Rewrites config.json with {@code field} set to {@code value}. */
  private static void setConfig(Path dir, String field, Object value) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode config = (ObjectNode) json.readTree(dir.resolve("config.json").toFile());
    config.set(field, json.valueToTree(value));
    json.writeValue(dir.resolve("config.json").toFile(), config);
  }

  @Test
  void theChatTemplateIsPartOfTheFingerprint() throws Exception {
    Path dir = TinyDecoderCheckpoint.llama().writeModel(tmp.resolve("m"), null);
    String plain = Backbones.describe(dir.toString(), RAW_LAST, tmp).fingerprint();
    TinyTokenizer.writeConfig(dir, TinyTokenizer.LLAMA3_TEMPLATE, "<|begin_of_text|>");
    BackboneSpec templated = Backbones.describe(dir.toString(), RAW_LAST, tmp);
    assertThat(templated.fingerprint()).isNotEqualTo(plain);
    assertThat(
            Backbones.describe(dir.toString(), BackboneOptions.DEFAULTS, tmp).options().pooling())
        .as("decoders pool at the last token unless told otherwise")
        .isEqualTo(Pooling.LAST);
  }

  @Test
  void anUnsupportedArchitectureIsRefusedWithTheSupportedOnesListed() throws Exception {
    Path dir = TinyDecoderCheckpoint.llama().writeModel(tmp.resolve("m"), null);
    setConfig(dir, "model_type", "gpt2");
    assertThatThrownBy(() -> Backbones.describe(dir.toString(), RAW_LAST, tmp))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("config.json: model_type: 'gpt2' is not supported")
        .hasMessageContaining("bert, llama, qwen2, mistral");
  }

  @Test
  void unsupportedRopeScalingAndActivationNameTheField() throws Exception {
    Path dir = TinyDecoderCheckpoint.llama().writeModel(tmp.resolve("m"), null);
    setConfig(dir, "rope_scaling", Map.of("rope_type", "yarn", "factor", 4));
    assertThatThrownBy(() -> Backbones.describe(dir.toString(), RAW_LAST, tmp))
        .hasMessageContaining("rope_scaling.rope_type: 'yarn' is not supported");
    setConfig(dir, "rope_scaling", null);
    setConfig(dir, "hidden_act", "gelu");
    assertThatThrownBy(() -> Backbones.describe(dir.toString(), RAW_LAST, tmp))
        .hasMessageContaining("hidden_act: 'gelu' is not supported");
  }

  @Test
  void aSlidingWindowCapsTheInputLength() throws Exception {
    BackboneOptions options = new BackboneOptions(null, true, 256);
    Path mistral = TinyDecoderCheckpoint.mistral().writeModel(tmp.resolve("mistral"), null);
    setConfig(mistral, "sliding_window", 32);
    assertThat(Backbones.describe(mistral.toString(), options, tmp).options().maxLength())
        .isEqualTo(32);

    // Qwen2 names a window in every checkpoint but uses it only with use_sliding_window.
    Path qwen2 = TinyDecoderCheckpoint.qwen2().writeModel(tmp.resolve("qwen2"), null);
    setConfig(qwen2, "sliding_window", 32);
    assertThat(Backbones.describe(qwen2.toString(), options, tmp).options().maxLength())
        .isEqualTo(256);
    setConfig(qwen2, "use_sliding_window", true);
    assertThat(Backbones.describe(qwen2.toString(), options, tmp).options().maxLength())
        .isEqualTo(32);
  }
}
