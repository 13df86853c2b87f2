package org.sycolab.backbone.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.Precision;
import org.sycolab.backbone.safetensors.ShardedSafetensors;

/** Which directories hold a causal language model, and what describing one refuses. */
class CausalModelSpecTest {

  @TempDir Path tmp;

  private CausalModelSpec describe(Path dir) throws Exception {
    return CausalModelSpec.describe(dir, Precision.FLOAT32, 4096, tmp.resolve("cache"));
  }

  private static void writeConfig(Path dir, ObjectNode config) throws Exception {
    Files.write(dir.resolve(HfConfig.FILE_NAME), new ObjectMapper().writeValueAsBytes(config));
  }

  @Test
  void describesTiedAndUntiedModelsAndCapsTheLengthByTheContext() throws Exception {
    CausalModelSpec untied =
        describe(TinyDecoderCheckpoint.llama().writeModel(tmp.resolve("llama"), null));
    CausalModelSpec tied =
        describe(TinyDecoderCheckpoint.qwen2().writeModel(tmp.resolve("qwen2"), null));
    assertThat(untied.tiedEmbeddings()).isFalse();
    assertThat(tied.tiedEmbeddings()).isTrue();
    assertThat(untied.maxLength()).isEqualTo(TinyDecoderCheckpoint.MAX_POSITIONS);
    assertThat(untied.fingerprint()).isNotEqualTo(tied.fingerprint()).hasSize(64);
  }

  @Test
  void refusesPickledWeightsNamingTheFile() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("bin"));
    writeConfig(dir, TinyDecoderCheckpoint.llama().config());
    TinyTokenizer.write(dir, false);
    Files.write(dir.resolve("pytorch_model.bin"), new byte[] {(byte) 0x80, 2});
    assertThatThrownBy(() -> describe(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("pytorch_model.bin");
  }

  @Test
  void refusesUntiedWeightsWithoutTheOutputHeadNamingFileAndTensor() throws Exception {
    TinyDecoderCheckpoint checkpoint = TinyDecoderCheckpoint.llama();
    // The tied checkpoint's weights have no lm_head.weight; its config then claims untied.
    Path dir = checkpoint.withTiedEmbeddings(true).writeModel(tmp.resolve("untied"), null);
    ObjectNode config = checkpoint.config();
    config.remove("tie_word_embeddings");
    writeConfig(dir, config);
    assertThatThrownBy(() -> describe(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(dir.resolve(ShardedSafetensors.SINGLE_FILE).toString())
        .hasMessageContaining("lm_head.weight")
        .hasMessageContaining("tie_word_embeddings is absent (false)");
  }

  @Test
  void refusesASequenceClassifierNamingItsArchitecture() throws Exception {
    Path dir = TinyDecoderCheckpoint.qwen2().writeModel(tmp.resolve("rm"), null);
    ObjectNode config = TinyDecoderCheckpoint.qwen2().config();
    config.putArray("architectures").add("Qwen2ForSequenceClassification");
    writeConfig(dir, config);
    assertThatThrownBy(() -> describe(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(dir.resolve(HfConfig.FILE_NAME).toString())
        .hasMessageContaining("architectures")
        .hasMessageContaining("Qwen2ForSequenceClassification is not a causal language model");
  }

  @Test
  void refusesAnEncoderNamingItsModelType() throws Exception {
    Path dir = TinyDecoderCheckpoint.llama().writeModel(tmp.resolve("bert"), null);
    ObjectNode config = new ObjectMapper().createObjectNode();
    config.putArray("architectures").add("BertModel");
    config.put("model_type", "bert");
    config.put("hidden_size", 64);
    writeConfig(dir, config);
    assertThatThrownBy(() -> describe(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(dir.resolve(HfConfig.FILE_NAME).toString())
        .hasMessageContaining("model_type")
        .hasMessageContaining("'bert' is not a Llama-family decoder");
  }
}
