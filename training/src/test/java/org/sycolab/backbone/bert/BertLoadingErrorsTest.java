package org.sycolab.backbone.bert;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.Backbones;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.safetensors.SafetensorsWriter;

/** What a user sees when a model directory is unusable: the file, the tensor, the reason. */
class BertLoadingErrorsTest {

  @TempDir Path tmp;

  private void open(Path dir) throws Exception {
    Backbones.open(dir.toString(), BackboneOptions.DEFAULTS, Device.cpu(), tmp.resolve("cache"))
        .close();
  }

  @Test
  void aTruncatedSafetensorsFileNamesTheFile() throws Exception {
    Path dir = TinyBertCheckpoint.write(tmp.resolve("m"), "");
    Path weights = dir.resolve("model.safetensors");
    try (FileChannel channel = FileChannel.open(weights, StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(weights) - 100);
    }
    assertThatThrownBy(() -> open(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("model.safetensors")
        .hasMessageContaining("truncated");
  }

  @Test
  void aDirectoryWithOnlyPickledWeightsIsRefusedWithTheReason() throws Exception {
    Path dir = TinyBertCheckpoint.write(tmp.resolve("m"), "");
    Files.delete(dir.resolve("model.safetensors"));
    Files.write(dir.resolve("pytorch_model.bin"), new byte[] {(byte) 0x80, 2});
    assertThatThrownBy(() -> open(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("pytorch_model.bin")
        .hasMessageContaining("arbitrary code")
        .hasMessageContaining("safetensors");
  }

  @Test
  void aTensorWhoseShapeDisagreesWithTheConfigIsNamed() throws Exception {
    Path dir = TinyBertCheckpoint.write(tmp.resolve("m"), "");
    Map<String, Object> config = TinyBertCheckpoint.CONFIG.toHfJson();
    config.put("intermediate_size", 48);
    TinyBertCheckpoint.writeConfig(dir, config);
    assertThatThrownBy(() -> open(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("model.safetensors")
        .hasMessageContaining("encoder.layer.0.intermediate.dense.weight")
        .hasMessageContaining("[32, 16]")
        .hasMessageContaining("[48, 16]");
  }

  @Test
  void aMissingTensorIsNamed() throws Exception {
    Path dir = TinyBertCheckpoint.write(tmp.resolve("m"), "");
    new SafetensorsWriter()
        .addFloats("embeddings.word_embeddings.weight", new float[30522 * 16], 30522, 16)
        .write(dir.resolve("model.safetensors"));
    assertThatThrownBy(() -> open(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("embeddings.position_embeddings.weight")
        .hasMessageContaining("missing");
  }

  @Test
  void anUnsupportedArchitectureListsTheSupportedOnes() throws Exception {
    Path dir = TinyBertCheckpoint.write(tmp.resolve("m"), "");
    TinyBertCheckpoint.writeConfig(dir, Map.of("model_type", "gpt2"));
    assertThatThrownBy(() -> open(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("config.json")
        .hasMessageContaining("'gpt2' is not supported")
        .hasMessageContaining("bert");
  }

  @Test
  void aMissingConfigFieldIsNamed() throws Exception {
    Path dir = TinyBertCheckpoint.write(tmp.resolve("m"), "");
    Map<String, Object> config = TinyBertCheckpoint.CONFIG.toHfJson();
    config.remove("num_attention_heads");
    TinyBertCheckpoint.writeConfig(dir, config);
    assertThatThrownBy(() -> open(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("config.json: num_attention_heads: missing");
  }

  @Test
  void aMissingTokenizerOrDirectoryIsNamed() throws Exception {
    Path dir = TinyBertCheckpoint.write(tmp.resolve("m"), "");
    Files.delete(dir.resolve("tokenizer.json"));
    assertThatThrownBy(() -> open(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("tokenizer.json: missing");
    assertThatThrownBy(() -> open(tmp.resolve("nowhere")))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("nowhere: does not exist");
  }

  @Test
  void aConfigWithASingleTokenTypeIsRefusedByField() throws Exception {
    Path dir = TinyBertCheckpoint.write(tmp.resolve("m"), "");
    Map<String, Object> config = TinyBertCheckpoint.CONFIG.toHfJson();
    config.put("type_vocab_size", 1);
    TinyBertCheckpoint.writeConfig(dir, config);
    assertThatThrownBy(() -> open(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("config.json: type_vocab_size: 1")
        .hasMessageContaining("token types 0 and 1");
  }
}
