package org.sycolab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.engine.DeviceSpec;
import org.sycolab.features.Shard;
import org.sycolab.run.Execution;
import org.sycolab.run.GitState;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunSpec;
import org.sycolab.stage.DiagnoseConfig;
import org.sycolab.stage.EmbedConfig;
import org.sycolab.stage.GenerateConfig;
import org.sycolab.stage.PullConfig;
import org.sycolab.stage.ReportConfig;
import org.sycolab.stage.StageConsole;
import org.sycolab.stage.StageContext;

class ExperimentPlanTest {

  @TempDir Path tmp;

  private Experiment read(String yaml) throws Exception {
    Path file = tmp.resolve("exp.yaml");
    Files.writeString(file, yaml);
    return ExperimentFile.read(file);
  }

  private static Stage named(List<Stage> stages, String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void stagesFollowTheDataFlowAndCarryEveryGivenValue() throws Exception {
    Experiment e =
        read(
            "name: x\ndata: {generate: {seed: 7, pairs: 300, heldout_domain: capitals,"
                + " control_share: 0.25}}\n"
                + "backbone: {model: /models/m, pooling: cls, max_length: 64, batch_size: 8,"
                + " normalize: false, dtype: float16}\n"
                + "heads: {architecture: mlp, seeds: [4, 5], mixture: [0.25], epochs: 3,"
                + " heldout_domains: [units]}\n"
                + "pull: {lambda: '0:1:0.5', n: [1, 16], bootstrap: 50, seed: 9, split: all,"
                + " truth_floor: 0.75}\n");
    Path run = tmp.resolve("run");
    List<Stage> stages = new ExperimentPlan(e, tmp, run).stages(List.of(), List.of());

    assertThat(stages)
        .extracting(Stage::name)
        .containsExactly(
            "data",
            "validate",
            "embed-pairs",
            "embed-pools",
            "train",
            "diagnose",
            "pull",
            "pull-mixture-0.25",
            "train-heldout-units",
            "pull-heldout-units",
            "report");
    String r = run.toAbsolutePath().toString();
    assertThat(named(stages, "data").commandLine())
        .containsExactly(
            "generate",
            "--seed",
            "7",
            "--pairs",
            "300",
            "--heldout-domain",
            "capitals",
            "--control-share",
            "0.25",
            "--out",
            r + "/data");
    assertThat(named(stages, "embed-pools").commandLine())
        .containsExactly(
            "embed",
            "--in",
            r + "/data/pools.jsonl",
            "--model",
            "/models/m",
            "--pooling",
            "cls",
            "--max-length",
            "64",
            "--dtype",
            "float16",
            "--no-normalize",
            "--batch-size",
            "8",
            "--out",
            r + "/features-pools");
    assertThat(String.join(" ", named(stages, "train").commandLine()))
        .contains("--label agreeable,grounded,mixture:0.25")
        .contains("--head mlp")
        .contains("--epochs 3")
        .contains("--seeds 4,5")
        .contains("--model /models/m")
        .endsWith("--out " + r + "/heads");
    assertThat(String.join(" ", named(stages, "diagnose").commandLine()))
        .contains("--heads " + r + "/heads/agreeable-seed4 " + r + "/heads/grounded-seed4 ")
        .contains("--split all");
    assertThat(String.join(" ", named(stages, "pull").commandLine()))
        .contains(
            "--agreeable "
                + r
                + "/heads/agreeable-seed4 "
                + r
                + "/heads/agreeable-seed5 --grounded "
                + r
                + "/heads/grounded-seed4 "
                + r
                + "/heads/grounded-seed5")
        .contains("--lambda 0,0.5,1 --n 1,16 --beta 0.1,0.2,0.5,1,2 --reference uniform")
        .contains("--bootstrap 50 --seed 9 --truth-floor 0.75");
    // The choice is the main sweep's: the ablations have no menu to choose from.
    assertThat(String.join(" ", named(stages, "pull-mixture-0.25").commandLine()))
        .doesNotContain("--truth-floor");
    assertThat(String.join(" ", named(stages, "pull-heldout-units").commandLine()))
        .doesNotContain("--truth-floor");
    assertThat(String.join(" ", named(stages, "pull-mixture-0.25").commandLine()))
        .contains(
            "--agreeable " + r + "/heads/mixture-0.25-seed4 " + r + "/heads/mixture-0.25-seed5")
        .contains("--lambda 0,1 --n 1,16 --beta none")
        .endsWith("--out " + r + "/pull-mixture-0.25");
    assertThat(String.join(" ", named(stages, "train-heldout-units").commandLine()))
        .contains("--label agreeable,grounded --exclude-domains units --head mlp")
        .endsWith("--out " + r + "/heads-heldout-units");
    assertThat(String.join(" ", named(stages, "pull-heldout-units").commandLine()))
        .contains("--agreeable " + r + "/heads-heldout-units/agreeable-seed4 ")
        .contains("--grounded " + r + "/heads-heldout-units/grounded-seed4 ")
        .contains("--lambda 0,0.5,1 --n 1,16 --beta none")
        .endsWith("--out " + r + "/pull-heldout-units");
    assertThat(named(stages, "report").commandLine()).containsExactly("report", r);
    assertThat(named(stages, "report").directory()).isNull();
  }

  @Test
  void ownDataFilesAreCopiedFromBesideTheExperimentFile() throws Exception {
    Experiment e = read("name: x\ndata: {pairs: d/pairs.jsonl, pools: /abs/pools.jsonl}\n");
    Stage data = new ExperimentPlan(e, tmp, tmp.resolve("run")).stages(List.of(), List.of()).get(0);
    assertThat(data.config())
        .isEqualTo(
            new DataCopy(
                tmp.resolve("d/pairs.jsonl"),
                Path.of("/abs/pools.jsonl"),
                tmp.resolve("run").toAbsolutePath().resolve("data")));
    assertThat(data.commandLine()).as("no command copies data").isEmpty();
    assertThat(data.describe("--device cpu"))
        .isEqualTo("validate and copy " + tmp.resolve("d/pairs.jsonl") + " and /abs/pools.jsonl");
  }

  @Test
  void defaultsAreTheDefaultModelAndSeedOne() throws Exception {
    Experiment e = read("name: x\ndata: {generate: {}}\n");
    List<Stage> stages =
        new ExperimentPlan(e, tmp, tmp.resolve("run")).stages(List.of(), List.of());
    assertThat(String.join(" ", named(stages, "train").commandLine()))
        .contains("--label agreeable,grounded --head linear --epochs 30")
        .contains("--seeds 1 --model builtin:minilm --max-length 256 --dtype float32")
        .doesNotContain("--hidden");
    assertThat(stages).extracting(Stage::name).doesNotContain("pull-mixture-0");
  }

  @Test
  void shardsAndMergesNameTheirDirectories() throws Exception {
    Experiment e = read("name: x\ndata: {generate: {}}\n");
    Path run = tmp.resolve("run").toAbsolutePath();
    ExperimentPlan plan = new ExperimentPlan(e, tmp, run);
    List<Stage> shard = plan.shard(Shard.parse("1/4"));
    assertThat(shard)
        .extracting(Stage::directory)
        .containsExactly(run.resolve("shards/pairs-1of4"), run.resolve("shards/pools-1of4"));
    assertThat(String.join(" ", shard.get(0).commandLine())).contains("--shard 1/4");
    Path merged = run.resolve("shards/pairs-0of2");
    Stage embed = named(plan.stages(List.of(merged), List.of()), "embed-pairs");
    assertThat(String.join(" ", embed.commandLine())).contains("--merge " + merged);
  }

  @Test
  void aStageIsFinishedOnlyWhenItsManifestIsCompleteForTheSameConfig() throws Exception {
    Experiment e = read("name: x\ndata: {generate: {}}\n");
    Path run = tmp.resolve("run").toAbsolutePath();
    Stage data = new ExperimentPlan(e, tmp, run).stages(List.of(), List.of()).get(0);
    assertThat(data.isFinished(run)).isFalse();

    Execution started = start(data, run);
    assertThat(data.isFinished(run)).as("still running").isFalse();
    started.complete();
    assertThat(data.isFinished(run)).isTrue();

    Stage fewer =
        new ExperimentPlan(read("name: x\ndata: {generate: {pairs: 5}}\n"), tmp, run)
            .stages(List.of(), List.of())
            .get(0);
    start(fewer, run).complete();
    assertThat(data.isFinished(run)).as("another config").isFalse();
    assertThat(data.earlier(run).older()).isFalse();
    assertThat(fewer.isFinished(run)).isTrue();

    Files.writeString(data.directory().resolve("manifest.json"), "{ truncated");
    assertThat(data.isFinished(run)).as("unreadable manifest").isFalse();
  }

  @Test
  void aMovedRunAndMergedShardsStillCountAsTheSameConfig() throws Exception {
    Experiment e = read("name: x\ndata: {generate: {}}\n");
    Path before = tmp.resolve("before").toAbsolutePath();
    Path shard = before.resolve("shards/pairs-0of2");
    Stage embedBefore =
        named(new ExperimentPlan(e, tmp, before).stages(List.of(shard), List.of()), "embed-pairs");
    Path pairs = Files.createDirectories(before.resolve("data")).resolve("pairs.jsonl");
    Files.writeString(pairs, "{}\n");
    Execution embedded = start(embedBefore, before);
    embedded.recordInput(pairs);
    embedded.complete();

    Path after = tmp.resolve("after").toAbsolutePath();
    Files.move(before, after);
    Stage embedAfter =
        named(new ExperimentPlan(e, tmp, after).stages(List.of(), List.of()), "embed-pairs");
    assertThat(embedAfter.isFinished(after))
        .as("moved, its input read where the run is now, shards merged earlier")
        .isTrue();

    Stage otherModel =
        named(
            new ExperimentPlan(
                    read("name: x\ndata: {generate: {}}\nbackbone: {model: /m}\n"), tmp, after)
                .stages(List.of(), List.of()),
            "embed-pairs");
    assertThat(otherModel.isFinished(after)).as("another model").isFalse();

    Files.writeString(after.resolve("data/pairs.jsonl"), "{\"made\": \"again\"}\n");
    assertThat(embedAfter.isFinished(after)).as("its moved input changed").isFalse();
  }

  @Test
  void aStageWhoseInputsChangedSinceRunsAgain() throws Exception {
    Experiment e = read("name: x\ndata: {generate: {}}\n");
    Path run = tmp.resolve("run").toAbsolutePath();
    Stage train = named(new ExperimentPlan(e, tmp, run).stages(List.of(), List.of()), "train");
    Path pairs = Files.createDirectories(run.resolve("data")).resolve("pairs.jsonl");
    Files.writeString(pairs, "{}\n");
    Execution done = start(train, run);
    done.recordInput(pairs);
    done.complete();
    assertThat(train.isFinished(run)).isTrue();
    Files.writeString(pairs, "{\"made\": \"again\"}\n");
    assertThat(train.isFinished(run)).as("its pairs were made again").isFalse();
  }

  @Test
  void aManifestWithoutTheStagesConfigIsNotFinished() throws Exception {
    Experiment e = read("name: x\ndata: {generate: {}}\n");
    Path run = tmp.resolve("run").toAbsolutePath();
    Stage train = named(new ExperimentPlan(e, tmp, run).stages(List.of(), List.of()), "train");
    List<String> line = new java.util.ArrayList<>(List.of("--device", "cpu"));
    line.addAll(train.commandLine());
    RunSpec spec = new RunSpec("train", line, Map.of(), Map.of(), Map.of(), "cpu", (GitState) null);
    Execution.start(RunDirectory.at(train.directory()), spec, java.time.Clock.systemUTC())
        .complete();
    assertThat(train.isFinished(run)).as("the same command line, no recorded config").isFalse();
    assertThat(train.earlier(run).older()).isTrue();
  }

  @Test
  void copiedDataIsFinishedWhileItsSourcesKeepTheirContent() throws Exception {
    Path pairs = tmp.resolve("pairs.jsonl");
    Files.writeString(pairs, "{}\n");
    Experiment e = read("name: x\ndata: {pairs: pairs.jsonl, pools: pairs.jsonl}\n");
    Path run = tmp.resolve("run").toAbsolutePath();
    Stage data = new ExperimentPlan(e, tmp, run).stages(List.of(), List.of()).get(0);
    Execution copy = start(data, run);
    copy.recordInput(pairs);
    copy.complete();
    assertThat(data.isFinished(run)).isTrue();
    Files.writeString(pairs, "{\"changed\": true}\n");
    assertThat(data.isFinished(run)).as("source edited since").isFalse();
  }

  /** Starts {@code stage}'s execution in {@code run} as the runner records it. */
  private static Execution start(Stage stage, Path run) throws Exception {
    List<String> line = new java.util.ArrayList<>(List.of("--device", "cpu"));
    line.addAll(stage.commandLine());
    return StageContext.standalone(Device.cpu(), StageConsole.SILENT)
        .called(DeviceSpec.CPU, line, stage.recorded(run))
        .start("stage", RunDirectory.at(stage.directory()), Map.of(), Map.of(), "cpu");
  }

  @Test
  void aDryRunLineQuotesTheWordsAShellWouldSplit() throws Exception {
    Experiment e = read("name: x\ndata: {generate: {}}\n");
    Path run = tmp.resolve("my run's dir").toAbsolutePath();
    Stage report = named(new ExperimentPlan(e, tmp, run).stages(List.of(), List.of()), "report");
    assertThat(report.describe("--device cpu"))
        .isEqualTo("sycolab --device cpu report '" + run.toString().replace("'", "'\\''") + "'");
    assertThat(Stage.shellWord("--lambda")).isEqualTo("--lambda");
    assertThat(Stage.shellWord("0,0.5,1")).isEqualTo("0,0.5,1");
    assertThat(Stage.shellWord("a b")).isEqualTo("'a b'");
    assertThat(Stage.shellWord("")).isEqualTo("''");
  }

  @Test
  void aStagesMessageLeadsToTheExperimentsFieldsItsOptionsComeFrom() {
    assertThat(ExperimentPlan.fields(Stage.Step.PULL, "--seed 3 with --bootstrap 0 and --model m"))
        .containsExactly("pull.seed", "pull.bootstrap", "backbone.model");
    assertThat(ExperimentPlan.fields(Stage.Step.DATA, "--seed: expected a number"))
        .containsExactly("data.generate.seed");
    assertThat(ExperimentPlan.fields(Stage.Step.REPORT, "no options here")).isEmpty();
  }

  @Test
  void eachCommandStageCarriesItsConfigOrWhatItsCommandWouldRefuse() throws Exception {
    Experiment e = read("name: x\ndata: {generate: {}}\nheads: {seeds: [2], hidden: 64}\n");
    Path run = tmp.resolve("run").toAbsolutePath();
    List<Stage> stages = new ExperimentPlan(e, tmp, run).stages(List.of(), List.of());

    assertThat(named(stages, "data").config()).isInstanceOf(GenerateConfig.class);
    assertThat(named(stages, "data").refusal()).isNull();
    assertThat(named(stages, "embed-pairs").config()).isInstanceOf(EmbedConfig.class);
    assertThat(named(stages, "diagnose").config())
        .isInstanceOf(DiagnoseConfig.class)
        .extracting("heads")
        .isEqualTo(
            List.of(run.resolve("heads/agreeable-seed2"), run.resolve("heads/grounded-seed2")));
    assertThat(named(stages, "pull").config()).isInstanceOf(PullConfig.class);
    assertThat(named(stages, "report").config()).isEqualTo(new ReportConfig(run));
    Stage train = named(stages, "train");
    assertThat(train.config()).isNull();
    assertThat(train.refusal()).isEqualTo("--hidden applies to --head mlp only");
  }
}
