package org.sycolab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.engine.DeviceSpec;
import org.sycolab.features.Shard;
import org.sycolab.io.AtomicFiles;
import org.sycolab.run.Execution;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunManifest;
import org.sycolab.run.RunSpec;
import org.sycolab.stage.StageConsole;
import org.sycolab.stage.StageContext;
import org.sycolab.stage.StageOutcome;

/**
 * The runner with stages that only write their manifests: which stages run, in which order, with
 * which equivalent command lines, and what a resume skips, without computing anything.
 */
class ExperimentRunnerTest {

  private static final String EXPERIMENT =
      "name: t\n"
          + "device: cpu\n"
          + "data: {generate: {seed: 3, pairs: 120}}\n"
          + "heads: {seeds: [1], mixture: [0.5]}\n";

  @TempDir Path tmp;

  private final List<List<String>> invoked = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path experiment;
  private Path run;

  @BeforeEach
  void writeExperiment() throws Exception {
    experiment = Files.writeString(tmp.resolve("exp.yaml"), EXPERIMENT);
    run = tmp.resolve("run");
  }

  /**
   * A stage that records its command line and, when it has a directory, a complete manifest there
   * through the runner's context.
   */
  private StageOutcome finish(Stage stage, StageContext context) throws Exception {
    invoked.add(stage.commandLine());
    if (stage.directory() != null) {
      context
          .start("stage", RunDirectory.at(stage.directory()), Map.of(), Map.of(), "cpu")
          .complete();
    }
    return out -> out.println("ran " + stage.name());
  }

  private ExperimentRunner runner(StageInvoker invoker) {
    StageContext context =
        StageContext.standalone(Device.cpu(), StageConsole.printing(new PrintWriter(err, true)));
    return new ExperimentRunner(
        context, invoker, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  private ExperimentRunner runner() {
    return runner(this::finish);
  }

  private static RunnerConfig start(Path file, Path out, Stage.Step until) {
    return new RunnerConfig(file, null, out, until, null, false, null, List.of());
  }

  private static RunnerConfig resume(Path run, Stage.Step until) {
    return new RunnerConfig(null, run, null, until, null, false, null, List.of());
  }

  /** The command of each stage invoked: the first word of its command line. */
  private List<String> commands() {
    return invoked.stream().map(line -> line.get(0)).toList();
  }

  @Test
  void theInvokerGetsEveryStagesCommandLineInOrderWithTheGlobalOptions() throws Exception {
    RunnerConfig config =
        new RunnerConfig(experiment, null, run, Stage.Step.TRAIN, null, false, null, List.of("-v"));
    RunnerResult result = runner().run(config);

    assertThat(result.succeeded()).isTrue();
    Path dir = run.toAbsolutePath().normalize();
    assertThat(result.lines())
        .containsExactly("run: stopped after train; continue with --resume " + dir);
    assertThat(commands()).containsExactly("generate", "validate", "embed", "embed", "train");
    assertThat(invoked.get(0)).endsWith("--out", dir.resolve("data").toString());
    assertThat(invoked.get(4)).contains("agreeable,grounded,mixture:0.5");
    assertThat(out.toString()).contains("ran data\nran validate\nran embed-pairs\n");
    RunManifest train = RunManifest.read(dir.resolve("heads").resolve(RunManifest.FILE_NAME));
    assertThat(train.commandLine())
        .as("the equivalent command line, with the global options")
        .startsWith("--device", "cpu", "-v", "train")
        .endsWith("--out", dir.resolve("heads").toString());
    assertThat(train.config())
        .containsKey("stage_config")
        .containsEntry("run_directory", dir.toString());
    assertThat(err.toString()).contains("[1/5] data\n").contains("[5/5] train: done in");
    RunManifest manifest = RunManifest.read(dir.resolve(RunManifest.FILE_NAME));
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.STOPPED);
    assertThat(manifest.outputs())
        .extracting(RunManifest.FileEntry::path)
        .containsExactly(
            "data/manifest.json",
            "features-pairs/manifest.json",
            "features-pools/manifest.json",
            "heads/manifest.json");
    assertThat(dir.resolve("experiment.yaml")).hasContent(EXPERIMENT);
  }

  @Test
  void aResumeSkipsTheFinishedStagesAndRunsOnlyWhatKeepsNoRecord() throws Exception {
    runner().run(start(experiment, run, Stage.Step.TRAIN));
    invoked.clear();

    RunnerResult resumed = runner().run(resume(run, Stage.Step.TRAIN));

    assertThat(resumed.succeeded()).isTrue();
    assertThat(commands()).as("validation keeps no record").containsExactly("validate");
    assertThat(err.toString())
        .contains("[1/5] data: finished earlier, skipped")
        .contains("[5/5] train: finished earlier, skipped");
  }

  @Test
  void aStageDeletedByHandRunsAgainWithTheStagesAfterIt() throws Exception {
    runner().run(start(experiment, run, Stage.Step.TRAIN));
    invoked.clear();
    Files.delete(run.resolve("features-pools").resolve(RunManifest.FILE_NAME));

    runner().run(resume(run, Stage.Step.TRAIN));

    assertThat(commands()).containsExactly("validate", "embed", "train");
    assertThat(err.toString())
        .contains(
            "embed-pools: features-pools/manifest.json is gone since the run recorded it;"
                + " rerunning embed-pools and the stages after it");
  }

  @Test
  void aStageAnOlderSycolabRecordedIsSetAsideAndRunsAgain() throws Exception {
    runner().run(start(experiment, run, Stage.Step.TRAIN));
    invoked.clear();
    Path pools = run.resolve("features-pools");
    AtomicFiles.deleteTree(pools);
    RunSpec older =
        new RunSpec("embed", List.of("embed"), Map.of(), Map.of(), Map.of(), "cpu", null);
    Execution.start(RunDirectory.at(pools), older, java.time.Clock.systemUTC()).complete();

    runner().run(resume(run, Stage.Step.TRAIN));

    assertThat(commands()).containsExactly("validate", "embed", "train");
    assertThat(err.toString())
        .contains(
            "embed-pools: its manifest was written by an older sycolab and records no"
                + " stage_config to compare; rerunning embed-pools and the stages after it"
                + " (its earlier outputs are kept in set-aside/features-pools-");
    try (var aside = Files.list(run.resolve("set-aside"))) {
      Path kept = aside.findFirst().orElseThrow();
      assertThat(RunManifest.read(kept.resolve(RunManifest.FILE_NAME)).commandLine())
          .containsExactly("embed");
    }
  }

  @Test
  void aFailedStageStopsTheRunAndFailsItsManifest() throws Exception {
    StageInvoker failingEmbed =
        (stage, context) -> {
          if (stage.commandLine().get(0).equals("embed")) {
            throw new IllegalArgumentException("no such model");
          }
          return finish(stage, context);
        };

    assertThatThrownBy(() -> runner(failingEmbed).run(start(experiment, run, Stage.Step.TRAIN)))
        .isInstanceOfSatisfying(
            StageFailedException.class,
            e -> {
              assertThat(e.stage()).isEqualTo("embed-pairs");
              assertThat(e.getCause()).hasMessage("no such model");
              assertThat(e.next())
                  .startsWith(
                      "sycolab run: failed; fix the cause, then: sycolab run --resume "
                          + run.toAbsolutePath().normalize())
                  .contains("if the fix is in the experiment file: sycolab run ");
            });
    Path dir = run.toAbsolutePath().normalize();
    assertThat(RunManifest.read(dir.resolve(RunManifest.FILE_NAME)).status())
        .isEqualTo(RunManifest.Status.FAILED);
  }

  @Test
  void aStageThatFindsItsInputWantingStopsTheRunWithoutThrowing() throws Exception {
    StageInvoker problemsInTheData =
        (stage, context) -> {
          if (stage.commandLine().get(0).equals("validate")) {
            return new StageOutcome() {
              @Override
              public void print(PrintWriter o) {
                o.println("pairs.jsonl:3: chosen: missing");
              }

              @Override
              public boolean succeeded() {
                return false;
              }
            };
          }
          return finish(stage, context);
        };

    RunnerResult result = runner(problemsInTheData).run(start(experiment, run, Stage.Step.TRAIN));

    assertThat(result.succeeded()).isFalse();
    assertThat(commands()).containsExactly("generate");
    assertThat(out.toString()).contains("pairs.jsonl:3: chosen: missing");
    assertThat(err.toString())
        .contains("[2/5] validate: failed")
        .contains("sycolab run: failed; fix the cause, then: sycolab run --resume ");
    assertThat(RunManifest.read(run.resolve(RunManifest.FILE_NAME)).status())
        .isEqualTo(RunManifest.Status.FAILED);
  }

  @Test
  void whatAStageWouldRefuseIsRefusedBeforeTheRunDirectoryExists() throws Exception {
    Files.writeString(
        experiment, EXPERIMENT.replace("mixture: [0.5]", "mixture: [0.5], hidden: 64"));

    assertThatThrownBy(() -> runner().run(start(experiment, run, null)))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessage(
            experiment.toAbsolutePath()
                + ": heads.hidden, heads.architecture: train would refuse it: --hidden applies to"
                + " --head mlp only");
    assertThat(invoked).isEmpty();
    assertThat(run).doesNotExist();
  }

  @Test
  void whatAStageWouldRefuseInTheRunsOwnExperimentIsRefusedBeforeAResumeDoesAnything()
      throws Exception {
    runner().run(start(experiment, run, Stage.Step.EMBED));
    invoked.clear();
    Path kept = run.resolve("experiment.yaml");
    Files.writeString(kept, EXPERIMENT.replace("mixture: [0.5]", "mixture: [0.5], hidden: 64"));

    assertThatThrownBy(() -> runner().run(resume(run, Stage.Step.TRAIN)))
        .isInstanceOf(InvalidExperimentException.class)
        .hasMessage(
            kept.toAbsolutePath().normalize()
                + ": heads.hidden, heads.architecture: train would refuse it: --hidden applies to"
                + " --head mlp only");
    assertThat(invoked).isEmpty();
    assertThat(run.resolve("features-pools").resolve(RunManifest.FILE_NAME)).exists();
  }

  @Test
  void aDryRunListsTheStagesAndRunsAndCreatesNothing() throws Exception {
    RunnerConfig config =
        new RunnerConfig(
            experiment, null, run, Stage.Step.DATA, null, true, DeviceSpec.CPU, List.of("-q"));

    RunnerResult result = runner().run(config);

    Path dir = run.toAbsolutePath().normalize();
    assertThat(result.lines())
        .containsExactly(
            experiment.toAbsolutePath() + ": valid; stages into " + dir + ":",
            "  data: sycolab --device cpu -q generate --seed 3 --pairs 120 --heldout-domain units"
                + " --control-share 0.5 --out "
                + dir.resolve("data"),
            "  validate: sycolab --device cpu -q validate --max-chars 20000 "
                + dir.resolve("data/pairs.jsonl")
                + " "
                + dir.resolve("data/pools.jsonl"));
    assertThat(invoked).isEmpty();
    assertThat(run).doesNotExist();
  }

  @Test
  void aShardEmbedsItsSliceIntoTheShardsAndLeavesTheRunsManifestAlone() throws Exception {
    runner().run(start(experiment, run, Stage.Step.DATA));
    byte[] manifest = Files.readAllBytes(run.resolve(RunManifest.FILE_NAME));
    invoked.clear();

    RunnerConfig shard =
        new RunnerConfig(null, run, null, null, Shard.parse("1/2"), false, null, List.of());
    RunnerResult result = runner().run(shard);

    assertThat(result.succeeded()).isTrue();
    Path dir = run.toAbsolutePath().normalize();
    assertThat(invoked)
        .extracting(line -> line.get(line.size() - 1))
        .containsExactly(
            dir.resolve("shards/pairs-1of2").toString(),
            dir.resolve("shards/pools-1of2").toString());
    assertThat(invoked).allSatisfy(line -> assertThat(line).containsSequence("--shard", "1/2"));
    assertThat(run.resolve(RunManifest.FILE_NAME)).hasBinaryContent(manifest);
  }

  @Test
  void aCompleteRunHasNothingToDo() throws Exception {
    runner().run(start(experiment, run, null));
    invoked.clear();

    RunnerResult again = runner().run(resume(run, Stage.Step.DATA));

    assertThat(again.lines())
        .containsExactly(
            "run: " + run.toAbsolutePath().normalize() + " is complete; nothing to do");
    assertThat(invoked).isEmpty();
  }
}
