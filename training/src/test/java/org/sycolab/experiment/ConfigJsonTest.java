package org.sycolab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.features.Shard;
import org.sycolab.stage.EmbedConfig;

class ConfigJsonTest {

  private static final Path RUN = Path.of("/runs/r1");

  private static EmbedConfig embed(Path run, String model) {
    return new EmbedConfig(
        run.resolve("data/pairs.jsonl"),
        model,
        BackboneOptions.DEFAULTS,
        32,
        Shard.parse("1/4"),
        List.of(),
        run.resolve("features-pairs"));
  }

  @Test
  void aConfigBecomesPlainValuesWithPathsInsideTheRunRelativeToIt() {
    @SuppressWarnings("unchecked")
    Map<String, Object> plain = (Map<String, Object>) ConfigJson.of(embed(RUN, "/models/m"), RUN);

    assertThat(plain)
        .containsOnlyKeys("in", "model", "options", "batch_size", "shard", "merge", "out")
        .containsEntry("in", "data/pairs.jsonl")
        .containsEntry("model", "/models/m")
        .containsEntry("batch_size", 32)
        .containsEntry("shard", "1/4")
        .containsEntry("merge", List.of())
        .containsEntry("out", "features-pairs");
    assertThat((Map<String, Object>) plain.get("options"))
        .containsEntry("pooling", null)
        .containsEntry("normalize", true)
        .containsEntry("max_length", 256)
        .containsEntry("precision", "FLOAT32");
  }

  @Test
  void theSameConfigInAMovedRunIsTheSameJsonAndAnotherIsNot() {
    Object here = ConfigJson.of(embed(RUN, "/models/m"), RUN);
    Path moved = Path.of("/elsewhere/r1");

    assertThat(ConfigJson.same(here, ConfigJson.of(embed(moved, "/models/m"), moved))).isTrue();
    assertThat(ConfigJson.same(here, ConfigJson.of(embed(RUN, "/models/n"), RUN))).isFalse();
    assertThat(ConfigJson.same(here, ConfigJson.of(embed(RUN, "/models/m"), moved)))
        .as("paths outside the run stay absolute")
        .isFalse();
  }

  @Test
  void numbersReadBackFromJsonEqualThoseWritten() {
    assertThat(ConfigJson.same(Map.of("seed", 1L), Map.of("seed", 1))).isTrue();
    assertThat(ConfigJson.same(Map.of("lr", 0.5), Map.of("lr", 0.5))).isTrue();
    assertThat(ConfigJson.same(Map.of("seed", 1L), Map.of("seed", 2))).isFalse();
  }
}
