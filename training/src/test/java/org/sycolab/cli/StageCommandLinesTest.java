package org.sycolab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.Pooling;
import org.sycolab.backbone.Precision;
import org.sycolab.data.Label;
import org.sycolab.data.TextLimits;
import org.sycolab.data.formats.Format;
import org.sycolab.features.Shard;
import org.sycolab.heads.HeadArchitecture;
import org.sycolab.heads.TrainingConfig;
import org.sycolab.pull.PullGrid;
import org.sycolab.pull.Reference;
import org.sycolab.stage.DiagnoseConfig;
import org.sycolab.stage.EmbedConfig;
import org.sycolab.stage.EvaluationSplit;
import org.sycolab.stage.GenerateConfig;
import org.sycolab.stage.ImportConfig;
import org.sycolab.stage.PullConfig;
import org.sycolab.stage.ReportConfig;
import org.sycolab.stage.StageConfig;
import org.sycolab.stage.TrainConfig;
import org.sycolab.stage.ValidateConfig;

/**
 * Every stage config's command line makes the same config again through its command, for values a
 * run never writes (scores files, a shard with merges, a relocated model, an import's label).
 */
class StageCommandLinesTest {

  private static final Path DIR = Path.of("/data/x");

  private static void roundTrips(StageConfig config) throws Exception {
    assertThat(CommandConfigs.of(config.commandLine()))
        .as(String.join(" ", config.commandLine()))
        .isEqualTo(config);
  }

  @Test
  void embeddingASliceWithMergesAndEveryBackboneOption() throws Exception {
    roundTrips(
        new EmbedConfig(
            DIR.resolve("pairs.jsonl"),
            "/models/qwen",
            new BackboneOptions(Pooling.LAST, false, 64, Precision.parse("float16")),
            7,
            Shard.parse("2/5"),
            List.of(DIR.resolve("a"), DIR.resolve("b")),
            null));
  }

  @Test
  void trainingLinearAndMlpHeads() throws Exception {
    for (TrainConfig.Head head :
        List.of(
            new TrainConfig.Head(HeadArchitecture.Kind.LINEAR, 256, 0.1),
            new TrainConfig.Head(HeadArchitecture.Kind.MLP, 17, 0.35))) {
      roundTrips(
          new TrainConfig(
              DIR.resolve("pairs.jsonl"),
              TrainConfig.targets(List.of("grounded", "mixture:0.125")),
              head,
              new TrainingConfig(4, 16, 3e-4, 1e-5, 0.25, 0.001, 3, 9),
              List.of(9L, 11L),
              List.of("units", "capitals"),
              "builtin:minilm",
              BackboneOptions.DEFAULTS,
              32,
              DIR.resolve("heads")));
    }
  }

  @Test
  void pullingScoresFilesAndRelocatedHeads() throws Exception {
    roundTrips(
        new PullConfig(
            DIR.resolve("pools.jsonl"),
            new PullConfig.Scores(List.of(DIR.resolve("s1.csv"), DIR.resolve("s2.csv"))),
            new EvaluationSplit("all"),
            PullGrid.parse("0.25,1", "3", "none"),
            Reference.LOGPROB,
            0,
            5,
            null,
            null,
            32,
            null));
    roundTrips(
        new PullConfig(
            DIR.resolve("pools.jsonl"),
            new PullConfig.Heads(List.of(DIR.resolve("a1")), List.of(DIR.resolve("g1"))),
            new EvaluationSplit("dev"),
            PullGrid.parse("0:1:0.05", "1,2", "0.05,3"),
            Reference.UNIFORM,
            200,
            2,
            0.8,
            "/models/moved",
            4,
            DIR.resolve("pull")));
  }

  @Test
  void pullingAnAuditedRewardAloneAndWeighedAgainstGroundedHeads() throws Exception {
    PullConfig alone =
        new PullConfig(
            DIR.resolve("pools.jsonl"),
            new PullConfig.Reward(
                List.of(DIR.resolve("rm1.csv"), DIR.resolve("rm2.csv")), List.of()),
            new EvaluationSplit("all"),
            PullGrid.parse("0", "1,16", "0.5"),
            Reference.UNIFORM,
            100,
            3,
            null,
            null,
            32,
            DIR.resolve("audit"));
    roundTrips(alone);
    assertThat(alone.commandLine()).doesNotContain("--lambda", "--grounded");
    roundTrips(
        new PullConfig(
            DIR.resolve("pools.jsonl"),
            new PullConfig.Reward(
                List.of(DIR.resolve("rm.csv")), List.of(DIR.resolve("g1"), DIR.resolve("g2"))),
            new EvaluationSplit("test"),
            PullGrid.parse("0:1:0.25", "4", "none"),
            Reference.LOGPROB,
            10,
            5,
            0.7,
            "/models/moved",
            8,
            null));
  }

  @Test
  void theOtherStages() throws Exception {
    roundTrips(
        new DiagnoseConfig(
            List.of(DIR.resolve("a1"), DIR.resolve("g1"), DIR.resolve("m1")),
            DIR.resolve("pairs.jsonl"),
            DIR.resolve("pools.jsonl"),
            new EvaluationSplit("all"),
            "/models/moved",
            8,
            null));
    roundTrips(
        GenerateConfig.of(5, 40, "capitals", List.of("bait", "pushback"), 0.0, DIR.resolve("d")));
    roundTrips(GenerateConfig.of(5, 40, "units", List.of(), 1.0, null));
    roundTrips(new ValidateConfig(List.of(DIR.resolve("p.jsonl")), new TextLimits(99)));
    roundTrips(new ReportConfig(DIR));
    roundTrips(new ImportConfig(Format.TRL, Label.GROUNDED, List.of(DIR.resolve("t.jsonl")), DIR));
    roundTrips(
        new ImportConfig(
            Format.TRUTHFULQA, null, List.of(DIR.resolve("a.csv"), DIR.resolve("b.csv")), null));
  }
}
