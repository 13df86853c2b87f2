package org.sycolab.backbone.reward;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.bert.TinyBertCheckpoint;
import org.sycolab.backbone.decoder.TinyDecoderCheckpoint;
import org.sycolab.backbone.safetensors.SafetensorsWriter;
import org.sycolab.backbone.safetensors.ShardedSafetensors;
import org.sycolab.backbone.safetensors.TensorInfo;

/**
 * Tiny random reward models: a {@link TinyDecoderCheckpoint}'s decoder saved as a Hugging Face
 * {@code <Type>ForSequenceClassification} (no {@code lm_head}, a (1,64) {@code score.weight} of
 * seeded random values, {@code id2label} with one label, optionally a {@code pad_token_id}).
 */
public final class TinyRewardModel {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TinyRewardModel() {}

  /** The architecture name transformers gives a decoder's sequence classifier. */
  public static String architecture(String modelType) {
    return switch (modelType) {
      case "llama" -> "LlamaForSequenceClassification";
      case "qwen2" -> "Qwen2ForSequenceClassification";
      default -> "MistralForSequenceClassification";
    };
  }

  /**
   * Writes a decoder reward model into {@code dir} with the chat template {@code template} and the
   * padding token {@code padTokenId} (null for none); returns {@code dir}.
   */
  public static Path writeDecoder(
      TinyDecoderCheckpoint base, Path dir, String template, Integer padTokenId)
      throws IOException {
    base.writeModel(dir, template);
    ObjectNode config = base.config();
    config.putArray("architectures").add(architecture(base.modelType()));
    config.putObject("id2label").put("0", "LABEL_0");
    config.putObject("label2id").put("LABEL_0", 0);
    if (padTokenId != null) {
      config.put("pad_token_id", padTokenId);
    }
    writeConfig(dir, config);
    Map<String, long[]> shapes = base.shapes();
    SafetensorsWriter writer = new SafetensorsWriter().metadata("format", "pt");
    base.tensors()
        .forEach(
            (name, values) -> {
              if (!name.equals("lm_head.weight")) {
                writer.addFloats(name, values, shapes.get(name));
              }
            });
    writer.addFloats("score.weight", scoreWeight(base.seed()), 1, TinyDecoderCheckpoint.HIDDEN);
    writer.write(dir.resolve(ShardedSafetensors.SINGLE_FILE));
    return dir;
  }

  /**
   * Writes a BERT reward model into {@code dir}: {@link TinyBertCheckpoint}'s encoder under {@code
   * bert.}, a pooler and a one-output classifier of seeded random values; returns its tensors.
   */
  public static Map<String, float[]> writeBert(Path dir) throws IOException {
    TinyBertCheckpoint.write(dir, "bert.");
    Map<String, Object> config = new LinkedHashMap<>(TinyBertCheckpoint.CONFIG.toHfJson());
    config.put("architectures", List.of("BertForSequenceClassification"));
    config.put("id2label", Map.of("0", "LABEL_0"));
    TinyBertCheckpoint.writeConfig(dir, config);
    int hidden = TinyBertCheckpoint.CONFIG.hiddenSize();
    Random random = new Random(11);
    Map<String, long[]> head = new LinkedHashMap<>();
    head.put("bert.pooler.dense.weight", new long[] {hidden, hidden});
    head.put("bert.pooler.dense.bias", new long[] {hidden});
    head.put("classifier.weight", new long[] {1, hidden});
    head.put("classifier.bias", new long[] {1});
    Map<String, float[]> added = new LinkedHashMap<>();
    SafetensorsWriter writer = new SafetensorsWriter();
    try (ShardedSafetensors encoder = ShardedSafetensors.openDirectory(dir)) {
      for (TensorInfo info : encoder.tensors()) {
        writer.addFloats(info.name(), encoder.readFloats(info.name()), info.shape());
      }
    }
    head.forEach(
        (name, shape) -> {
          float[] values = new float[(int) Arrays.stream(shape).reduce(1, Math::multiplyExact)];
          for (int i = 0; i < values.length; i++) {
            values[i] = (float) (0.4 * random.nextGaussian());
          }
          writer.addFloats(name, values, shape);
          added.put(name, values);
        });
    writer.write(dir.resolve(ShardedSafetensors.SINGLE_FILE));
    return added;
  }

  /** The score head's weight, 0.3·N(0,1) from a seed of its own. */
  public static float[] scoreWeight(long seed) {
    Random random = new Random(seed * 31 + 5);
    float[] weight = new float[TinyDecoderCheckpoint.HIDDEN];
    for (int i = 0; i < weight.length; i++) {
      weight[i] = (float) (0.3 * random.nextGaussian());
    }
    return weight;
  }

  /** Replaces {@code dir}'s config.json. */
  public static void writeConfig(Path dir, ObjectNode config) throws IOException {
    Files.write(
        dir.resolve(HfConfig.FILE_NAME),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(config));
  }

  /** {@code dir}'s config.json as an object to edit. */
  public static ObjectNode readConfig(Path dir) throws IOException {
    return (ObjectNode) JSON.readTree(dir.resolve(HfConfig.FILE_NAME).toFile());
  }
}
