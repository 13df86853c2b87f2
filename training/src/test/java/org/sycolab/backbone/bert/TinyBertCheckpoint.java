package org.sycolab.backbone.bert;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.NamedBlock;
import org.sycolab.backbone.TestModels;
import org.sycolab.backbone.safetensors.SafetensorsWriter;

/** Writes small random BERT model directories (MiniLM's tokenizer, hidden size 16) for tests. */
public final class TinyBertCheckpoint {

  public static final BertConfig CONFIG = new BertConfig(30522, 16, 2, 4, 32, 64, 2, 1e-12);

  private TinyBertCheckpoint() {}

  /** Every tensor of the tiny model, by Hugging Face name, with seeded random values. */
  static Map<String, float[]> tensors(long seed) {
    Map<String, NamedBlock.Slot> slots = new LinkedHashMap<>();
    new BertEncoder(CONFIG).collectTensors("", slots);
    Random random = new Random(seed);
    Map<String, float[]> tensors = new LinkedHashMap<>();
    slots.forEach(
        (name, slot) -> {
          float[] values = new float[(int) slot.shape().size()];
          for (int i = 0; i < values.length; i++) {
            values[i] =
                name.endsWith("LayerNorm.weight")
                    ? 1f + 0.1f * (float) random.nextGaussian()
                    : 0.2f * (float) random.nextGaussian();
          }
          tensors.put(name, values);
        });
    return tensors;
  }

  /**
   * Writes config.json, model.safetensors (names prefixed by {@code prefix}) and tokenizer.json.
   */
  public static Path write(Path dir, String prefix) throws IOException {
    Files.createDirectories(dir);
    Map<String, NamedBlock.Slot> slots = new LinkedHashMap<>();
    new BertEncoder(CONFIG).collectTensors("", slots);
    SafetensorsWriter writer = new SafetensorsWriter();
    tensors(7)
        .forEach(
            (name, values) ->
                writer.addFloats(prefix + name, values, slots.get(name).shape().getShape()));
    writer.write(dir.resolve("model.safetensors"));
    writeConfig(dir, CONFIG.toHfJson());
    Files.copy(TestModels.minilmDirectory().tokenizer(), dir.resolve("tokenizer.json"));
    return dir;
  }

  public static void writeConfig(Path dir, Map<String, Object> config) throws IOException {
    Files.write(dir.resolve(HfConfig.FILE_NAME), new ObjectMapper().writeValueAsBytes(config));
  }
}
