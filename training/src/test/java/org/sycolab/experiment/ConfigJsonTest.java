package org.sycolab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.features.Shard;
import org.sycolab.pull.PullGrid;
import org.sycolab.pull.Reference;
import org.sycolab.stage.EmbedConfig;
import org.sycolab.stage.EvaluationSplit;
import org.sycolab.stage.PullConfig;

class ConfigJsonTest {

  private static final Path RUN = Path.of("/runs/r1");

  @TempDir Path tmp;

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

  private static PullConfig pull(PullConfig.Source source) {
    return new PullConfig(
        RUN.resolve("data/pools.jsonl"),
        source,
        new EvaluationSplit("all"),
        PullGrid.parse("0", "4", "none"),
        Reference.UNIFORM,
        0,
        1,
        null,
        null,
        32,
        RUN.resolve("pull"));
  }

  @Test
  void anAuditedRewardIsRecordedWithItsFilesAndHeadsAndIsNotAScoresTable() {
    Path rm = Path.of("/scores/rm.csv");
    @SuppressWarnings("unchecked")
    Map<String, Object> plain =
        (Map<String, Object>)
            ConfigJson.of(
                pull(new PullConfig.Reward(List.of(rm), List.of(RUN.resolve("heads/g1")))), RUN);

    assertThat(plain.get("source"))
        .isEqualTo(Map.of("files", List.of("/scores/rm.csv"), "grounded", List.of("heads/g1")));
    Object alone = ConfigJson.of(pull(new PullConfig.Reward(List.of(rm), List.of())), RUN);
    assertThat(ConfigJson.same(alone, ConfigJson.of(pull(new PullConfig.Scores(List.of(rm))), RUN)))
        .isFalse();
    assertThat(ConfigJson.same(alone, plain)).isFalse();
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
  void everyStageOfAFullPlanIsRecordedAndMatchesItselfInAMovedRun() throws Exception {
    Path file =
        Files.writeString(
            tmp.resolve("exp.yaml"),
            "name: x\ndata: {generate: {seed: 7, pairs: 300, families: [bait]}}\n"
                + "backbone: {model: /models/m, pooling: cls, normalize: false}\n"
                + "heads: {architecture: mlp, seeds: [4, 5], mixture: [0.25],"
                + " heldout_domains: [units]}\n"
                + "pull: {n: [1, 16], truth_floor: 0.75}\n");
    Experiment experiment = ExperimentFile.read(file);
    Path here = Path.of("/runs/here");
    Path moved = Path.of("/runs/moved");
    List<Stage> stages = new ExperimentPlan(experiment, tmp, here).stages(List.of(), List.of());
    List<Stage> after = new ExperimentPlan(experiment, tmp, moved).stages(List.of(), List.of());
    for (int i = 0; i < stages.size(); i++) {
      Object plain = ConfigJson.of(stages.get(i).config(), here);
      assertThat(ConfigJson.same(plain, ConfigJson.of(after.get(i).config(), moved)))
          .as(stages.get(i).name())
          .isTrue();
    }
  }

  @Test
  void aValueWithNoPlainFormIsRefused() {
    record Odd(java.util.Optional<Path> path) {}

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ConfigJson.of(new Odd(java.util.Optional.empty()), RUN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.util.Optional");
  }

  @Test
  void numbersReadBackFromJsonEqualThoseWritten() {
    assertThat(ConfigJson.same(Map.of("seed", 1L), Map.of("seed", 1))).isTrue();
    assertThat(ConfigJson.same(Map.of("lr", 0.5), Map.of("lr", 0.5))).isTrue();
    assertThat(ConfigJson.same(Map.of("seed", 1L), Map.of("seed", 2))).isFalse();
  }
}
