package org.sycolab.backbone.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.ModelFormatException;

/** {@link DecoderConfig} on the config.json files of published models. */
class DecoderConfigTest {

  @TempDir Path tmp;

  private DecoderConfig published(String name) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    try (InputStream in = getClass().getResourceAsStream("configs/" + name + ".json")) {
      Files.copy(in, dir.resolve(HfConfig.FILE_NAME));
    }
    return DecoderConfig.from(HfConfig.read(dir));
  }

  private DecoderConfig edited(String json) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("edited"));
    Files.writeString(dir.resolve(HfConfig.FILE_NAME), json);
    return DecoderConfig.from(HfConfig.read(dir));
  }

  @Test
  void smolLm2() throws Exception {
    assertThat(published("smollm2-135m"))
        .isEqualTo(
            new DecoderConfig(
                "llama", 49152, 576, 1536, 30, 9, 3, 64, 1e-5, 100000, null, false, false, false,
                8192));
  }

  @Test
  void llama31WithLlama3RopeScaling() throws Exception {
    assertThat(published("llama-3.1-8b"))
        .isEqualTo(
            new DecoderConfig(
                "llama",
                128256,
                4096,
                14336,
                32,
                32,
                8,
                128,
                1e-5,
                500000,
                new DecoderConfig.RopeScaling(8, 1, 4, 8192),
                false,
                false,
                false,
                131072));
  }

  @Test
  void qwen25WithItsBiasesAndTheWindowOff() throws Exception {
    assertThat(published("qwen2.5-0.5b-instruct"))
        .isEqualTo(
            new DecoderConfig(
                "qwen2", 151936, 896, 4864, 24, 14, 2, 64, 1e-6, 1e6, null, true, false, false,
                32768));
  }

  @Test
  void qwen25AsTransformers5SavesIt() throws Exception {
    DecoderConfig config = published("qwen2.5-1.5b-instruct-transformers5");
    assertThat(config.ropeTheta()).as("from rope_parameters").isEqualTo(1e6);
    assertThat(config.ropeScaling()).isNull();
    assertThat(config.maxPositions()).isEqualTo(32768);
    assertThat(config.headSize()).isEqualTo(128);
    assertThat(config.kvHeads()).isEqualTo(2);
  }

  @Test
  void mistralsSlidingWindowCapsTheLength() throws Exception {
    DecoderConfig config = published("mistral-7b-v0.1");
    assertThat(config.maxPositions()).isEqualTo(4096);
    assertThat(config.kvHeads()).isEqualTo(8);
    assertThat(config.qkvBias()).isFalse();
  }

  @Test
  void llama3ScalingInRopeParametersAndItsRequiredFields() throws Exception {
    String base =
        "{\"model_type\": \"llama\", \"vocab_size\": 10, \"hidden_size\": 8,"
            + " \"intermediate_size\": 16, \"num_hidden_layers\": 1, \"num_attention_heads\": 2,";
    DecoderConfig config =
        edited(
            base
                + " \"rope_parameters\": {\"rope_type\": \"llama3\", \"rope_theta\": 500000.0,"
                + " \"factor\": 32.0, \"low_freq_factor\": 1.0, \"high_freq_factor\": 4.0,"
                + " \"original_max_position_embeddings\": 8192}}");
    assertThat(config.ropeTheta()).isEqualTo(500000);
    assertThat(config.ropeScaling()).isEqualTo(new DecoderConfig.RopeScaling(32, 1, 4, 8192));

    assertThatThrownBy(
            () -> edited(base + " \"rope_scaling\": {\"type\": \"llama3\", \"factor\": 8.0}}"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("config.json: rope_scaling.low_freq_factor: missing");
    assertThatThrownBy(() -> edited(base + " \"rope_scaling\": {\"type\": \"dynamic\"}}"))
        .hasMessageContaining("rope_scaling.type: 'dynamic' is not supported");
    assertThatThrownBy(
            () ->
                edited(
                    base.replace("\"hidden_size\": 8", "\"hidden_size\": 9")
                        + " \"rms_norm_eps\": 1e-6}"))
        .hasMessageContaining("hidden_size: 9 is not a multiple of num_attention_heads 2");
  }
}
