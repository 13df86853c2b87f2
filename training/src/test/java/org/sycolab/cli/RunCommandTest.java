package org.sycolab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.experiment.Experiment;
import org.sycolab.experiment.ExperimentFile;
import org.sycolab.experiment.ExperimentPlan;
import org.sycolab.experiment.Stage;
import org.sycolab.io.AtomicFiles;
import org.sycolab.run.RunManifest;

class RunCommandTest {

  @TempDir Path tmp;
  @RegisterExtension static final ClassFeatureCache CACHE = new ClassFeatureCache();

  private static final String SMALL =
      "name: small\n"
          + "device: cpu\n"
          + "data: {generate: {seed: 3, pairs: 120}}\n"
          + "heads: {seeds: [1], mixture: [0.5], epochs: 5}\n"
          + "pull: {n: [1, 16], beta: [1], bootstrap: 50}\n";

  private Path experiment(String yaml) throws Exception {
    Path file = tmp.resolve("exp.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private static RunManifest.Status status(Path dir) throws Exception {
    return RunManifest.read(dir.resolve("manifest.json")).status();
  }

  @Test
  void aRunWritesEveryStageAndAResumedOneSkipsWhatFinished() throws Exception {
    Path run = tmp.resolve("run");
    CliRun first =
        CliRun.of("run", experiment(SMALL).toString(), "--out", run.toString(), "--until", "pull");
    assertThat(first.status()).as(first.err()).isZero();
    for (String stage :
        List.of(
            "data",
            "features-pairs",
            "features-pools",
            "heads",
            "diagnose",
            "pull",
            "pull-mixture-0.5")) {
      assertThat(status(run.resolve(stage))).as(stage).isEqualTo(RunManifest.Status.COMPLETE);
    }
    assertThat(run.resolve("experiment.yaml")).hasContent(SMALL.strip());
    assertThat(run.resolve("heads/mixture-0.5-seed1/head.json")).exists();
    RunManifest stopped = RunManifest.read(run.resolve("manifest.json"));
    assertThat(stopped.status()).isEqualTo(RunManifest.Status.STOPPED);
    assertThat(stopped.seeds()).containsEntry("data", 3L).containsEntry("heads_1", 1L);
    assertThat(first.out()).contains("run: stopped after pull; continue with --resume " + run);

    CliRun rest = CliRun.of("run", "--resume", run.toString());
    assertThat(rest.status()).as(rest.err()).isZero();
    assertThat(rest.err())
        .contains("[1/9] data: finished earlier, skipped")
        .contains("[5/9] train: finished earlier, skipped")
        .contains("[8/9] pull-mixture-0.5: finished earlier, skipped")
        .contains("[9/9] report: done in");
    RunManifest complete = RunManifest.read(run.resolve("manifest.json"));
    assertThat(complete.status()).isEqualTo(RunManifest.Status.COMPLETE);
    assertThat(complete.outputs())
        .extracting(RunManifest.FileEntry::path)
        .contains(
            "data/manifest.json",
            "heads/manifest.json",
            "pull-mixture-0.5/manifest.json",
            "report.html",
            "report.md",
            "plots/truth-vs-lambda.png");
    assertThat(Files.readString(run.resolve("report.md")))
        .as("the report sees the run finished")
        .contains("complete")
        .doesNotContain("| running |");

    // A complete run stays as it is, whatever --until says.
    byte[] manifest = Files.readAllBytes(run.resolve("manifest.json"));
    CliRun nothing = CliRun.of("run", "--resume", run.toString(), "--until", "data");
    assertThat(nothing.status()).as(nothing.err()).isZero();
    assertThat(nothing.out()).contains("is complete; nothing to do");
    assertThat(run.resolve("manifest.json")).hasBinaryContent(manifest);

    // A report gone from a complete run is made again, and nothing else runs.
    Files.delete(run.resolve("report.html"));
    CliRun report = CliRun.of("run", "--resume", run.toString());
    assertThat(report.status()).as(report.err()).isZero();
    assertThat(report.err())
        .contains("[8/9] pull-mixture-0.5: finished earlier, skipped")
        .contains("[9/9] report: done in");
    assertThat(run.resolve("report.html")).exists();

    // A stage directory deleted by hand is said to be gone, and the stage runs again.
    AtomicFiles.deleteTree(run.resolve("pull-mixture-0.5"));
    CliRun gone = CliRun.of("run", "--resume", run.toString());
    assertThat(gone.status()).as(gone.err()).isZero();
    assertThat(gone.err())
        .contains("pull-mixture-0.5: pull-mixture-0.5/manifest.json is gone since the run recorded")
        .contains("[8/9] pull-mixture-0.5: done in");

    // An edited report is kept aside, not overwritten, when the report is drawn again.
    String drawn = Files.readString(run.resolve("report.md"));
    Files.writeString(run.resolve("report.md"), drawn + "\nmy note\n");
    CliRun redrawn = CliRun.of("run", "--resume", run.toString());
    assertThat(redrawn.status()).as(redrawn.err()).isZero();
    assertThat(redrawn.err())
        .contains("report: report.md was edited since it was written; the report is drawn again")
        .contains("[9/9] report: done in");
    assertThat(Files.readString(run.resolve("report.md"))).doesNotContain("my note");
    try (Stream<Path> aside = Files.list(run.resolve("set-aside"))) {
      Path kept = aside.findFirst().orElseThrow();
      assertThat(kept.getFileName().toString()).startsWith("report-");
      assertThat(Files.readString(kept.resolve("report.md"))).endsWith("my note\n");
    }

    // Moved elsewhere, it is still complete: the stages' command lines follow the directory.
    Path moved = tmp.resolve("moved");
    Files.move(run, moved);
    CliRun afterMove = CliRun.of("run", "--resume", moved.toString());
    assertThat(afterMove.status()).as(afterMove.err()).isZero();
    assertThat(afterMove.out()).contains("is complete; nothing to do");

    // An interrupted training: its manifest still says running and some heads are written.
    // Resuming starts it afresh and reruns what follows, to the same numbers.
    String csv = Files.readString(moved.resolve("pull/pull.csv"));
    Path trainManifest = moved.resolve("heads/manifest.json");
    Files.writeString(
        trainManifest, Files.readString(trainManifest).replace("\"complete\"", "\"running\""));
    CliRun resumed = CliRun.of("-q", "run", "--resume", moved.toString(), "--until", "pull");
    assertThat(resumed.status()).as(resumed.err()).isZero();
    assertThat(resumed.err()).as("-q: no progress lines").doesNotContain("[5/8]");
    for (String stage : List.of("heads", "diagnose", "pull", "pull-mixture-0.5")) {
      RunManifest m = RunManifest.read(moved.resolve(stage).resolve("manifest.json"));
      assertThat(m.status()).as(stage).isEqualTo(RunManifest.Status.COMPLETE);
      assertThat(m.commandLine()).as(stage + " ran again").contains("-q");
    }
    assertThat(RunManifest.read(moved.resolve("data/manifest.json")).commandLine())
        .doesNotContain("-q");
    assertThat(moved.resolve("pull/pull.csv")).as("same config, same numbers").hasContent(csv);

    // Heads made again by one process: a later process reruns what read the old ones.
    Files.delete(moved.resolve("heads/manifest.json"));
    assertThat(CliRun.of("run", "--resume", moved.toString(), "--until", "train").status())
        .isZero();
    CliRun later = CliRun.of("run", "--resume", moved.toString(), "--until", "pull");
    assertThat(later.status()).as(later.err()).isZero();
    assertThat(later.err())
        .contains("[5/8] train: finished earlier, skipped")
        .contains("[6/8] diagnose: done in")
        .contains("[7/8] pull: done in");
  }

  @Test
  void aResumeRerunsAFinishedStageWhoseOutputsChangedAndTheStagesAfterIt() throws Exception {
    Path run = tmp.resolve("run");
    CliRun first =
        CliRun.of("run", experiment(SMALL).toString(), "--out", run.toString(), "--until", "pull");
    assertThat(first.status()).as(first.err()).isZero();
    String csv = Files.readString(run.resolve("pull/pull.csv"));

    Files.writeString(run.resolve("pull/pull.csv"), csv.replaceFirst("\\d", "9"));
    CliRun edited = CliRun.of("run", "--resume", run.toString(), "--until", "pull");
    assertThat(edited.status()).as(edited.err()).isZero();
    assertThat(edited.err())
        .contains("pull: pull/pull.csv changed since it was written (sha256 ")
        .contains("; rerunning pull and the stages after it (its earlier outputs are kept in")
        .contains("[6/8] diagnose: finished earlier, skipped")
        .contains("[7/8] pull: done in")
        .contains("[8/8] pull-mixture-0.5: done in");
    assertThat(run.resolve("pull/pull.csv")).as("made again, same numbers").hasContent(csv);
    try (var aside = Files.list(run.resolve("set-aside"))) {
      Path kept = aside.findFirst().orElseThrow();
      assertThat(kept.getFileName().toString()).startsWith("pull-");
      assertThat(Files.readString(kept.resolve("pull.csv")))
          .as("the edit is kept")
          .isNotEqualTo(csv);
    }

    Path head = run.resolve("heads/agreeable-seed1");
    Path weights;
    try (var files = Files.list(head)) {
      weights = files.filter(f -> !f.getFileName().toString().endsWith(".json")).findFirst().get();
    }
    byte[] bytes = Files.readAllBytes(weights);
    bytes[bytes.length - 1] ^= 0x40;
    Files.write(weights, bytes);
    CliRun damaged = CliRun.of("run", "--resume", run.toString(), "--until", "pull");
    assertThat(damaged.status()).as(damaged.err()).isZero();
    assertThat(damaged.err())
        .contains("train: heads/agreeable-seed1/" + weights.getFileName() + " changed since")
        .contains("[5/8] train: done in")
        .contains("[6/8] diagnose: done in");
    assertThat(run.resolve("pull/pull.csv")).hasContent(csv);

    // A fixed experiment file: the stages whose settings changed run again, the others are kept.
    Path fixed = experiment(SMALL.replace("bootstrap: 50", "bootstrap: 40"));
    CliRun refixed =
        CliRun.of("run", fixed.toString(), "--resume", run.toString(), "--until", "pull");
    assertThat(refixed.status()).as(refixed.err()).isZero();
    assertThat(refixed.out()).contains("experiment.yaml replaced by " + fixed);
    assertThat(refixed.err())
        .contains("[5/8] train: finished earlier, skipped")
        .contains("[6/8] diagnose: finished earlier, skipped")
        .contains("[7/8] pull: done in");
    assertThat(run.resolve("experiment.yaml")).hasSameTextualContentAs(fixed);
    RunManifest manifest = RunManifest.read(run.resolve("manifest.json"));
    assertThat(manifest.config())
        .containsEntry("experiment_file", fixed.toAbsolutePath().normalize().toString())
        .containsKey("experiment_replaced_sha256");
    assertThat(RunManifest.read(run.resolve("pull/manifest.json")).commandLine())
        .containsSequence("--bootstrap", "40");

    // A stage the fixed experiment drops is set aside, so no report shows it as this run's.
    Path dropped =
        experiment(SMALL.replace("bootstrap: 50", "bootstrap: 40").replace("mixture: [0.5], ", ""));
    CliRun without =
        CliRun.of("run", dropped.toString(), "--resume", run.toString(), "--until", "pull");
    assertThat(without.status()).as(without.err()).isZero();
    assertThat(without.err())
        .contains(
            "pull-mixture-0.5: not in the fixed experiment; its results are moved to set-aside/");
    assertThat(run.resolve("pull-mixture-0.5")).doesNotExist();
  }

  @Test
  void jobArrayShardsAreMergedByTheNextResume() throws Exception {
    Path run = tmp.resolve("run");
    CliRun data =
        CliRun.of("run", experiment(SMALL).toString(), "--out", run.toString(), "--until", "data");
    assertThat(data.status()).as(data.err()).isZero();
    byte[] manifest = Files.readAllBytes(run.resolve("manifest.json"));
    for (String shard : List.of("0/2", "1/2")) {
      CliRun r = CliRun.of("run", "--resume", run.toString(), "--shard", shard);
      assertThat(r.status()).as(r.err()).isZero();
      assertThat(r.out()).contains("of shard " + shard);
    }
    assertThat(run.resolve("manifest.json"))
        .as("shards leave the run's manifest alone")
        .hasBinaryContent(manifest);
    assertThat(status(run)).isEqualTo(RunManifest.Status.STOPPED);
    assertThat(status(run.resolve("shards/pools-1of2"))).isEqualTo(RunManifest.Status.COMPLETE);

    CliRun merged = CliRun.of("run", "--resume", run.toString(), "--until", "embed");
    assertThat(merged.status()).as(merged.err()).isZero();
    assertThat(RunManifest.read(run.resolve("features-pairs/manifest.json")).commandLine())
        .contains("--merge", run.resolve("shards/pairs-0of2").toString());
    assertThat(merged.out()).contains("0 computed");

    // Merged shards may go: the features they carried are in the cache.
    Files.walk(run.resolve("shards"))
        .sorted(java.util.Comparator.reverseOrder())
        .forEach(path -> path.toFile().delete());
    CliRun again = CliRun.of("run", "--resume", run.toString(), "--until", "embed");
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(again.err()).contains("[3/4] embed-pairs: finished earlier, skipped");
  }

  @Test
  void theDeviceOnTheCommandLineWinsOverTheExperiments() throws Exception {
    Path exp = experiment(SMALL.replace("device: cpu", "device: cuda:7"));
    CliRun fromExperiment =
        CliRun.of("run", exp.toString(), "--out", tmp.resolve("a").toString(), "--until", "data");
    assertThat(fromExperiment.status()).isEqualTo(2);
    assertThat(fromExperiment.err()).contains("cuda:7");
    assertThat(tmp.resolve("a/data")).as("refused before any stage").doesNotExist();
    for (List<String> args :
        List.of(
            List.of("--device", "cpu", "run", exp.toString()),
            List.of("run", "--device", "cpu", exp.toString()))) {
      Path out = tmp.resolve("b" + args.get(0));
      List<String> line = new java.util.ArrayList<>(args);
      line.addAll(List.of("--out", out.toString(), "--until", "data"));
      CliRun r = CliRun.of(line.toArray(String[]::new));
      assertThat(r.status()).as(String.join(" ", args) + "\n" + r.err()).isZero();
      assertThat(RunManifest.read(out.resolve("manifest.json")).device()).isEqualTo("cpu");
    }
  }

  @Test
  void aDryRunChecksAndPrintsTheStagesAndCreatesNothing() throws Exception {
    Path out = tmp.resolve("planned");
    CliRun r = CliRun.of("run", experiment(SMALL).toString(), "--out", out.toString(), "--dry-run");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(": valid; stages into " + out.toAbsolutePath())
        .contains(
            "  train: sycolab --device cpu train --pairs "
                + out.toAbsolutePath()
                + "/data/pairs.jsonl")
        .contains("  report: sycolab --device cpu report " + out.toAbsolutePath());
    assertThat(out).doesNotExist();
    CliRun bad =
        CliRun.of(
            "run",
            experiment("name: x\ndata: {generate: {}}\npull: {n: [0]}\n").toString(),
            "--dry-run");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("pull: n must be at least 1");

    // What only a stage's own command checks is checked too, naming the experiment's field.
    Path exp =
        experiment("name: x\ndata: {generate: {}}\nheads: {hidden: 64, weight_decay: 1.0e+400}\n");
    CliRun stage = CliRun.of("run", exp.toString(), "--dry-run");
    assertThat(stage.status()).isEqualTo(2);
    assertThat(stage.err())
        .contains(exp + ": heads.weight_decay: expected at least 0, got Infinity");
    Files.writeString(exp, "name: x\ndata: {generate: {}}\nheads: {hidden: 64}\n");
    CliRun linear = CliRun.of("run", exp.toString(), "--out", out.toString());
    assertThat(linear.status()).isEqualTo(2);
    assertThat(linear.err())
        .contains(
            exp.toAbsolutePath()
                + ": heads.hidden, heads.architecture: train would refuse it: --hidden applies to"
                + " --head mlp only");
    assertThat(out).as("refused before the run directory is made").doesNotExist();
    Files.writeString(exp, "name: x\ndata: {generate: {}}\nbackbone: {max_length: 4}\n");
    CliRun embed = CliRun.of("run", exp.toString(), "--dry-run");
    assertThat(embed.status()).isEqualTo(2);
    assertThat(embed.err())
        .contains(
            exp.toAbsolutePath()
                + ": backbone.max_length: embed-pairs would refuse it: --max-length: max length"
                + " must be at least 8 tokens, got 4");
  }

  @Test
  void ownDataFilesAreValidatedThenCopiedIntoTheRun() throws Exception {
    CliRun gen = CliRun.of("generate", "--pairs", "200", "--out", tmp.resolve("mine").toString());
    assertThat(gen.status()).as(gen.err()).isZero();
    Path exp =
        experiment(
            "name: mine\ndata: {pairs: mine/pairs.jsonl, pools: mine/pools.jsonl}\n"
                + "heads: {epochs: 2}\npull: {bootstrap: 20, n: [4]}\n");
    Path run = tmp.resolve("run");
    CliRun r = CliRun.of("run", exp.toString(), "--out", run.toString(), "--until", "data");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(run.resolve("data/pairs.jsonl"))
        .hasSameBinaryContentAs(tmp.resolve("mine/pairs.jsonl"));
    assertThat(RunManifest.read(run.resolve("data/manifest.json")).inputs()).hasSize(2);

    Files.writeString(tmp.resolve("mine/pools.jsonl"), "{\"id\": 1}\n");
    Path other = tmp.resolve("other");
    CliRun bad = CliRun.of("run", exp.toString(), "--out", other.toString(), "--until", "data");
    assertThat(bad.status()).isEqualTo(1);
    assertThat(bad.err()).contains(tmp.resolve("mine/pools.jsonl") + ":1");
    assertThat(other.resolve("data/pools.jsonl")).doesNotExist();
    assertThat(status(other)).isEqualTo(RunManifest.Status.FAILED);
  }

  @Test
  void aFailedStageStopsTheRunAndSaysHowToResume() throws Exception {
    // A model directory that is there but holds no model: found only when embedding starts.
    Files.createDirectories(tmp.resolve("empty-model"));
    Path exp =
        experiment(
            "name: broken\ndata: {generate: {pairs: 50}}\n" + "backbone: {model: empty-model}\n");
    Path run = tmp.resolve("run");
    CliRun r = CliRun.of("run", exp.toString(), "--out", run.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err())
        .contains("sycolab run: error: embed-pairs: ")
        .contains("sycolab run: failed; fix the cause, then: sycolab run --resume " + run)
        .contains("in the experiment file: sycolab run " + exp + " --resume " + run);
    assertThat(status(run)).isEqualTo(RunManifest.Status.FAILED);
    assertThat(status(run.resolve("data"))).isEqualTo(RunManifest.Status.COMPLETE);
  }

  @Test
  void misuseIsRefusedBeforeAnyWork() throws Exception {
    Path exp = experiment(SMALL);
    Path run = tmp.resolve("run");
    Files.createDirectories(run);
    Files.writeString(run.resolve("experiment.yaml"), SMALL);

    CliRun taken = CliRun.of("run", exp.toString(), "--out", run.toString());
    assertThat(taken.status()).isEqualTo(2);
    assertThat(taken.err()).contains("already holds a run; continue it with: sycolab run --resume");

    Path users = Files.createDirectories(tmp.resolve("users/heads"));
    Files.writeString(users.resolve("mine.txt"), "x");
    CliRun full = CliRun.of("run", exp.toString(), "--out", users.getParent().toString());
    assertThat(full.status()).isEqualTo(2);
    assertThat(full.err())
        .contains("already holds heads, which a run writes and would replace; give a new or empty");
    assertThat(users.resolve("mine.txt")).hasContent("x");
    try (Stream<Path> left = Files.list(users.getParent())) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("heads");
    }
    Path beside = Files.createDirectories(tmp.resolve("beside/doctor"));
    Files.writeString(beside.resolveSibling("notes.txt"), "mine");
    CliRun besides =
        CliRun.of("run", exp.toString(), "--out", beside.getParent().toString(), "--dry-run");
    assertThat(besides.status()).as("what a run does not write may stay").isZero();

    Files.writeString(exp, SMALL.replace("pairs: 120", "pairs: 0"));
    CliRun broken = CliRun.of("run", exp.toString(), "--resume", run.toString());
    assertThat(broken.status()).isEqualTo(2);
    assertThat(broken.err()).contains(exp + ": data.generate.pairs: expected a positive integer");
    assertThat(run.resolve("experiment.yaml")).as("a bad fix replaces nothing").hasContent(SMALL);
    Files.writeString(exp, SMALL.replace("pairs: 120", "pairs: 300"));
    CliRun changed = CliRun.of("run", exp.toString(), "--resume", run.toString(), "--dry-run");
    assertThat(changed.status()).as(changed.err()).isZero();
    assertThat(changed.out()).contains("--pairs 300");
    assertThat(run.resolve("experiment.yaml")).hasContent(SMALL);

    assertThat(CliRun.of("run", exp.toString(), "--shard", "0/2").err())
        .contains("--shard needs --resume");
    assertThat(CliRun.of("run", "--resume", run.toString(), "--shard", "0/2").err())
        .contains("is not ready");
    assertThat(CliRun.of("run", exp.toString(), "--until", "lunch").err())
        .contains("--until: expected data, embed, train, diagnose, pull, audit or report");
    assertThat(CliRun.of("run").err()).contains("give an EXPERIMENT file, or --resume RUN");
    assertThat(CliRun.of("run", "--resume", tmp.toString()).err())
        .contains("no experiment.yaml there");

    Files.writeString(run.resolve("manifest.json"), "{\"status\": \"comp");
    CliRun corrupt = CliRun.of("run", "--resume", run.toString());
    assertThat(corrupt.status()).isEqualTo(1);
    assertThat(corrupt.err().strip())
        .startsWith("sycolab run: error: " + run.resolve("manifest.json") + ":1:")
        .contains("not a sycolab manifest: broken JSON")
        .doesNotContain("\n")
        .doesNotContain("jackson");

    Files.writeString(exp, "name: x\ndata: {generate: {pairs: 0}}\n");
    CliRun invalid = CliRun.of("run", exp.toString(), "--out", tmp.resolve("new").toString());
    assertThat(invalid.status()).isEqualTo(2);
    assertThat(invalid.err()).contains(exp + ": data.generate.pairs: expected a positive integer");
    assertThat(tmp.resolve("new")).doesNotExist();
  }

  /**
   * The command line a run prints and records for each stage is equivalent to the stage's config:
   * the stage's command makes the same config of it, field by field, defaults included.
   */
  @Test
  void eachStagesCommandLineMakesItsConfigAgain() throws Exception {
    for (String yaml :
        List.of(
            "name: x\ndata: {generate: {}}\n",
            "name: x\ndata: {generate: {seed: 7, pairs: 300, heldout_domain: capitals,"
                + " families: [pushback, bait], control_share: 0.25}}\n"
                + "backbone: {model: /models/m, pooling: cls, max_length: 64, batch_size: 8,"
                + " normalize: false, dtype: float32}\n"
                + "heads: {architecture: mlp, seeds: [4, 5], mixture: [0.25], epochs: 3,"
                + " hidden: 16, dropout: 0.2, minibatch: 8, lr: 0.01, weight_decay: 0.1,"
                + " margin: 0.5, centring: 0.01, patience: 2, heldout_domains: [units]}\n"
                + "pull: {lambda: '0:1:0.5', n: [1, 16], beta: [0.5], bootstrap: 50, seed: 9,"
                + " split: all, reference: uniform, truth_floor: 0.75}\n"
                + "audit: {model: /models/rm, max_length: 64, dtype: float16, batch_size: 4}\n")) {
      Path file = experiment(yaml);
      Experiment parsed = ExperimentFile.read(file);
      List<Stage> stages =
          new ExperimentPlan(parsed, tmp, tmp.resolve("run")).stages(List.of(), List.of());
      for (Stage stage : stages) {
        assertThat(stage.refusal()).as(stage.name()).isNull();
        assertThat(stage.config())
            .as(yaml + stage.name())
            .isEqualTo(CommandConfigs.of(stage.commandLine()));
      }
    }
  }

  /**
   * What an experiment leaves out takes the default of the stage's command: each stage of an
   * experiment that names nothing is the config its command makes of a command line that gives only
   * the files.
   */
  @Test
  void whatAnExperimentLeavesOutTakesItsCommandsDefaults() throws Exception {
    Path run = tmp.resolve("run").toAbsolutePath();
    Experiment empty = ExperimentFile.read(experiment("name: x\ndata: {generate: {}}\n"));
    List<Stage> stages = new ExperimentPlan(empty, tmp, run).stages(List.of(), List.of());
    String pairs = run.resolve("data/pairs.jsonl").toString();
    String pools = run.resolve("data/pools.jsonl").toString();
    String agreeable = run.resolve("heads/agreeable-seed1").toString();
    String grounded = run.resolve("heads/grounded-seed1").toString();
    Map<String, List<String>> bare =
        Map.of(
            "data", List.of("generate", "--out", run.resolve("data").toString()),
            "validate", List.of("validate", pairs, pools),
            "embed-pairs",
                List.of("embed", "--in", pairs, "--out", run.resolve("features-pairs").toString()),
            "embed-pools",
                List.of("embed", "--in", pools, "--out", run.resolve("features-pools").toString()),
            "train", List.of("train", "--pairs", pairs, "--out", run.resolve("heads").toString()),
            "diagnose",
                List.of(
                    "heads",
                    "diagnose",
                    "--heads",
                    agreeable,
                    grounded,
                    "--pairs",
                    pairs,
                    "--pools",
                    pools,
                    "--out",
                    run.resolve("diagnose").toString()),
            "pull",
                List.of(
                    "pull",
                    "--pools",
                    pools,
                    "--agreeable",
                    agreeable,
                    "--grounded",
                    grounded,
                    "--out",
                    run.resolve("pull").toString()),
            "report", List.of("report", run.toString()));
    assertThat(stages).extracting(Stage::name).containsExactlyInAnyOrderElementsOf(bare.keySet());
    for (Stage stage : stages) {
      assertThat(stage.config())
          .as(stage.name())
          .isEqualTo(CommandConfigs.of(bare.get(stage.name())));
    }
  }

  /**
   * An audit section left at its defaults takes {@code sycolab score}'s: its stages are the configs
   * of score command lines that give only the model and the files.
   */
  @Test
  void anAuditLeftAtItsDefaultsTakesTheScoreCommands() throws Exception {
    Path run = tmp.resolve("run").toAbsolutePath();
    Experiment audited =
        ExperimentFile.read(experiment("name: x\ndata: {generate: {}}\naudit: {model: rm}\n"));
    List<Stage> stages = new ExperimentPlan(audited, tmp, run).stages(List.of(), List.of());
    String model = tmp.toAbsolutePath().resolve("rm").toString();
    for (String texts : List.of("pairs", "pools")) {
      Stage stage =
          stages.stream().filter(s -> s.name().equals("audit-" + texts)).findFirst().orElseThrow();
      assertThat(stage.config())
          .isEqualTo(
              CommandConfigs.of(
                  List.of(
                      "score",
                      "--model",
                      model,
                      "--in",
                      run.resolve("data/" + texts + ".jsonl").toString(),
                      "--out",
                      run.resolve("audit-" + texts).toString())));
    }
    Stage pull =
        stages.stream().filter(s -> s.name().equals("pull-audit")).findFirst().orElseThrow();
    assertThat(pull.config())
        .isEqualTo(
            CommandConfigs.of(
                List.of(
                    "pull",
                    "--pools",
                    run.resolve("data/pools.jsonl").toString(),
                    "--reward",
                    run.resolve("audit-pools/scores.csv").toString(),
                    "--grounded",
                    run.resolve("heads/grounded-seed1").toString(),
                    "--out",
                    run.resolve("pull-audit").toString())));
    assertThat(stages.get(stages.size() - 1).name()).isEqualTo("report");
  }

  /** A run with an audit section scores the pairs and pools and reports the audit. */
  @Test
  void anAuditedRewardModelIsScoredAuditedAndReported() throws Exception {
    Path rm =
        org.sycolab.backbone.reward.TinyRewardModel.writeDecoder(
            org.sycolab.backbone.decoder.TinyDecoderCheckpoint.qwen2(),
            tmp.resolve("rm"),
            org.sycolab.backbone.decoder.TinyTokenizer.QWEN25_TEMPLATE,
            null);
    Path run = tmp.resolve("run");
    CliRun r =
        CliRun.of(
            "run",
            experiment(
                    "name: audited\ndevice: cpu\ndata: {generate: {seed: 3, pairs: 120}}\n"
                        + "heads: {seeds: [1], epochs: 5}\n"
                        + "pull: {n: [1, 4], beta: none, bootstrap: 20}\n"
                        + "audit: {model: "
                        + rm.getFileName()
                        + ", max_length: 512}\n")
                .toString(),
            "--out",
            run.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err())
        .contains("audit-pairs: done in")
        .contains("audit-pools: done in")
        .contains("pull-audit: done in");
    assertThat(status(run.resolve("audit-pairs"))).isEqualTo(RunManifest.Status.COMPLETE);
    assertThat(run.resolve("audit-pairs/audit.csv")).exists();
    assertThat(Files.readAllLines(run.resolve("audit-pools/scores.csv")).get(0))
        .isEqualTo("pool_id,candidate,reward");
    // Resumed as it is, nothing reruns; with a new audit.max_length, the audit stages do.
    CliRun again = CliRun.of("run", "--resume", run.toString());
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(again.out()).contains("is complete; nothing to do");
    Path fixed = tmp.resolve("fixed.yaml");
    Files.writeString(
        fixed,
        Files.readString(run.resolve("experiment.yaml"))
            .replace("max_length: 512", "max_length: 480"));
    CliRun refixed = CliRun.of("run", fixed.toString(), "--resume", run.toString());
    assertThat(refixed.status()).as(refixed.err()).isZero();
    assertThat(refixed.err())
        .contains("pull: finished earlier, skipped")
        .contains("audit-pairs: done in")
        .contains("audit-pools: done in")
        .contains("pull-audit: done in");
    assertThat(Files.readString(run.resolve("report.md")))
        .contains("Audited reward model")
        .contains("Qwen2ForSequenceClassification")
        .contains("prefers the sycophantic answer")
        .contains("truthful rate of best-of-n, all pools: the reward model alone")
        .contains("On the menu at best-of-4: the reward model alone is truthful");
  }

  /** The demo experiment's dry run prints every stage's command line, every value written out. */
  @Test
  void theDemosDryRunPrintsEveryStagesCommandLine() throws Exception {
    Path out = tmp.resolve("x").toAbsolutePath();
    CliRun r = CliRun.of("run", "../experiments/demo.yaml", "--dry-run", "--out", out.toString());
    assertThat(r.status()).as(r.err()).isZero();
    String expected;
    try (var in = RunCommandTest.class.getResourceAsStream("demo-dry-run.txt")) {
      expected = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    List<String> lines = r.out().lines().toList();
    assertThat(lines.subList(1, lines.size()))
        .containsExactlyElementsOf(expected.replace("RUN", out.toString()).lines().toList());
  }
}
