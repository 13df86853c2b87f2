package org.sycolab.backbone.reward;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.decoder.TinyDecoderCheckpoint;
import org.sycolab.backbone.safetensors.SafetensorsWriter;
import org.sycolab.backbone.safetensors.ShardedSafetensors;

/**
 * Tiny random reward models: a {@link TinyDecoderCheckpoint}'s decoder saved as a Hugging Face
 * {@code <Type>ForSequenceClassification} (no {@code lm_head}, a (1,64) {@code score.weight} of
 * seeded random values, {@code id2label} with one label, optionally a {@code pad_token_id}).
 */
final class TinyRewardModel {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TinyRewardModel() {}

  /** The architecture name transformers gives a decoder's sequence classifier. */
  static String architecture(String modelType) {
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
  static Path writeDecoder(
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

  /** The score head's weight, 0.3·N(0,1) from a seed of its own. */
  static float[] scoreWeight(long seed) {
    Random random = new Random(seed * 31 + 5);
    float[] weight = new float[TinyDecoderCheckpoint.HIDDEN];
    for (int i = 0; i < weight.length; i++) {
      weight[i] = (float) (0.3 * random.nextGaussian());
    }
    return weight;
  }

  /** Replaces {@code dir}'s config.json. */
  static void writeConfig(Path dir, ObjectNode config) throws IOException {
    Files.write(
        dir.resolve(HfConfig.FILE_NAME),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(config));
  }

  /** {@code dir}'s config.json as an object to edit. */
  static ObjectNode readConfig(Path dir) throws IOException {
    return (ObjectNode) JSON.readTree(dir.resolve(HfConfig.FILE_NAME).toFile());
  }
}
