package org.sycolab.backbone.bert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.Backbones;
import org.sycolab.backbone.NamedBlock;
import org.sycolab.backbone.Pooling;
import org.sycolab.backbone.TestModels;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.backbone.safetensors.SafetensorsWriter;
import org.sycolab.data.PairText;
import org.sycolab.data.Turn;

class BertBackboneTest {

  @TempDir Path tmp;

  private static final List<PairText> TEXTS =
      List.of(
          new PairText(List.of(Turn.user("Is the moon made of cheese?")), "No, it is rock."),
          new PairText(
              List.of(Turn.user("Tell me more about the history of the printing press")),
              "Gutenberg built a press with movable metal type around 1440 in Mainz, and within"
                  + " decades presses had spread across Europe."),
          new PairText(List.of(Turn.user("2+2?")), "4"));

  /** The model on sycolab's PyTorch blocks, the path these tests check. */
  private Backbone open(Path dir, BackboneOptions options) throws Exception {
    return Backbones.open(
        Backbones.describe(dir.toString(), options, tmp.resolve("cache")), Device.cpu());
  }

  @Test
  void meanPoolingAveragesTheHiddenStatesOfRealTokensOnly() throws Exception {
    Path dir = TinyBertCheckpoint.write(tmp.resolve("tiny"), "");
    BackboneOptions raw = new BackboneOptions(Pooling.MEAN, false, 64);
    try (BertBackbone backbone = (BertBackbone) open(dir, raw)) {
      List<TokenizedInput> batch = TEXTS.stream().map(backbone::tokenize).toList();
      float[] hidden = backbone.lastHiddenState(batch);
      float[][] pooled = backbone.embed(batch);
      int longest = batch.stream().mapToInt(TokenizedInput::length).max().orElseThrow();
      int h = backbone.dimension();
      for (int row = 0; row < batch.size(); row++) {
        int n = batch.get(row).length();
        for (int j = 0; j < h; j++) {
          double sum = 0;
          for (int t = 0; t < n; t++) {
            sum += hidden[(row * longest + t) * h + j];
          }
          assertThat(pooled[row][j]).isCloseTo((float) (sum / n), within(1e-5f));
        }
      }
    }
  }

  @Test
  void clsPoolingTakesTheFirstTokenAndNormalisingGivesUnitLength() throws Exception {
    Path dir = TinyBertCheckpoint.write(tmp.resolve("tiny"), "");
    try (BertBackbone cls = (BertBackbone) open(dir, new BackboneOptions(Pooling.CLS, false, 64));
        Backbone unit = open(dir, new BackboneOptions(Pooling.CLS, true, 64))) {
      List<TokenizedInput> batch = TEXTS.stream().map(cls::tokenize).toList();
      float[] hidden = cls.lastHiddenState(batch);
      float[][] first = cls.embed(batch);
      float[][] normalised = unit.embed(batch);
      int longest = batch.stream().mapToInt(TokenizedInput::length).max().orElseThrow();
      int h = cls.dimension();
      for (int row = 0; row < batch.size(); row++) {
        double norm = 0;
        for (int j = 0; j < h; j++) {
          assertThat(first[row][j]).isEqualTo(hidden[row * longest * h + j]);
          norm += first[row][j] * first[row][j];
        }
        for (int j = 0; j < h; j++) {
          assertThat(normalised[row][j])
              .isCloseTo((float) (first[row][j] / Math.sqrt(norm)), within(1e-5f));
        }
      }
      assertThat(cls.fingerprint()).isNotEqualTo(unit.fingerprint());
    }
  }

  @Test
  void paddingNeverChangesARowsVector() throws Exception {
    try (Backbone backbone = TestModels.minilm()) {
      List<TokenizedInput> batch = TEXTS.stream().map(backbone::tokenize).toList();
      float[][] together = backbone.embed(batch);
      for (int row = 0; row < batch.size(); row++) {
        float[] alone = backbone.embed(List.of(batch.get(row)))[0];
        for (int j = 0; j < alone.length; j++) {
          assertThat(together[row][j]).isCloseTo(alone[j], within(1e-5f));
        }
      }
    }
  }

  @Test
  void aShardedCheckpointAndAPrefixedOneGiveTheSameVectorsAsASingleFile() throws Exception {
    Path single = TinyBertCheckpoint.write(tmp.resolve("single"), "");
    Path prefixed = TinyBertCheckpoint.write(tmp.resolve("prefixed"), "bert.");
    Path sharded = tmp.resolve("sharded");
    Files.createDirectories(sharded);
    Files.copy(single.resolve("config.json"), sharded.resolve("config.json"));
    Files.copy(single.resolve("tokenizer.json"), sharded.resolve("tokenizer.json"));
    Map<String, NamedBlock.Slot> slots = new LinkedHashMap<>();
    new BertEncoder(TinyBertCheckpoint.CONFIG).collectTensors("", slots);
    SafetensorsWriter first = new SafetensorsWriter();
    SafetensorsWriter second = new SafetensorsWriter();
    Map<String, String> weightMap = new LinkedHashMap<>();
    TinyBertCheckpoint.tensors(7)
        .forEach(
            (name, values) -> {
              boolean early = name.startsWith("embeddings") || name.contains("layer.0.");
              (early ? first : second).addFloats(name, values, slots.get(name).shape().getShape());
              weightMap.put(name, early ? "model-1-of-2.safetensors" : "model-2-of-2.safetensors");
            });
    first.write(sharded.resolve("model-1-of-2.safetensors"));
    second.write(sharded.resolve("model-2-of-2.safetensors"));
    Files.write(
        sharded.resolve("model.safetensors.index.json"),
        new ObjectMapper()
            .writeValueAsBytes(Map.of("metadata", Map.of(), "weight_map", weightMap)));

    BackboneOptions options = new BackboneOptions(Pooling.MEAN, true, 64);
    List<float[][]> results = new ArrayList<>();
    for (Path dir : List.of(single, sharded, prefixed)) {
      try (Backbone backbone = open(dir, options)) {
        results.add(backbone.embed(TEXTS.stream().map(backbone::tokenize).toList()));
      }
    }
    assertThat(results.get(1)).isDeepEqualTo(results.get(0));
    assertThat(results.get(2)).isDeepEqualTo(results.get(0));
  }

  @Test
  void legacyLayerNormNamesGammaAndBetaLoadAsWeightAndBias() throws Exception {
    Path modern = TinyBertCheckpoint.write(tmp.resolve("modern"), "");
    Path legacy = tmp.resolve("legacy");
    Files.createDirectories(legacy);
    Files.copy(modern.resolve("config.json"), legacy.resolve("config.json"));
    Files.copy(modern.resolve("tokenizer.json"), legacy.resolve("tokenizer.json"));
    Map<String, NamedBlock.Slot> slots = new LinkedHashMap<>();
    new BertEncoder(TinyBertCheckpoint.CONFIG).collectTensors("", slots);
    SafetensorsWriter writer = new SafetensorsWriter();
    TinyBertCheckpoint.tensors(7)
        .forEach(
            (name, values) ->
                writer.addFloats(
                    name.replace("LayerNorm.weight", "LayerNorm.gamma")
                        .replace("LayerNorm.bias", "LayerNorm.beta"),
                    values,
                    slots.get(name).shape().getShape()));
    writer.write(legacy.resolve("model.safetensors"));

    BackboneOptions options = new BackboneOptions(Pooling.MEAN, true, 64);
    float[][] expected;
    try (Backbone backbone = open(modern, options)) {
      expected = backbone.embed(TEXTS.stream().map(backbone::tokenize).toList());
    }
    try (Backbone backbone = open(legacy, options)) {
      assertThat(backbone.embed(TEXTS.stream().map(backbone::tokenize).toList()))
          .isDeepEqualTo(expected);
    }
  }
}
