package org.sycolab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
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
    assertThat(run.resolve("pull/pull.csv")).exists();
    RunManifest manifest = RunManifest.read(run.resolve("manifest.json"));
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.STOPPED);
    assertThat(manifest.outputs())
        .extracting(RunManifest.FileEntry::path)
        .contains("data/manifest.json", "heads/manifest.json", "pull-mixture-0.5/manifest.json");
    assertThat(manifest.seeds()).containsEntry("data", 3L).containsEntry("heads_1", 1L);
    assertThat(first.out()).contains("run: stopped after pull; continue with --resume " + run);

    CliRun again = CliRun.of("run", "--resume", run.toString(), "--until", "pull");
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(again.err())
        .contains("[1/8] data: finished earlier, skipped")
        .contains("[5/8] train: finished earlier, skipped")
        .contains("[8/8] pull-mixture-0.5: finished earlier, skipped");

    // An interrupted training: its manifest still says running and some heads are written.
    // Resuming starts it afresh and reruns what follows.
    String csv = Files.readString(run.resolve("pull/pull.csv"));
    Path trainManifest = run.resolve("heads/manifest.json");
    Files.writeString(
        trainManifest, Files.readString(trainManifest).replace("\"complete\"", "\"running\""));
    CliRun resumed = CliRun.of("run", "--resume", run.toString(), "--until", "pull");
    assertThat(resumed.status()).as(resumed.err()).isZero();
    assertThat(resumed.err())
        .contains("[4/8] embed-pools: finished earlier, skipped")
        .contains("[5/8] train: done in")
        .contains("[6/8] diagnose: done in")
        .contains("[8/8] pull-mixture-0.5: done in");
    assertThat(status(run.resolve("heads"))).isEqualTo(RunManifest.Status.COMPLETE);
    assertThat(run.resolve("pull/pull.csv")).as("same config, same numbers").hasContent(csv);
  }

  @Test
  void jobArrayShardsAreMergedByTheNextResume() throws Exception {
    Path run = tmp.resolve("run");
    CliRun data =
        CliRun.of("run", experiment(SMALL).toString(), "--out", run.toString(), "--until", "data");
    assertThat(data.status()).as(data.err()).isZero();
    for (String shard : List.of("0/2", "1/2")) {
      CliRun r = CliRun.of("run", "--resume", run.toString(), "--shard", shard);
      assertThat(r.status()).as(r.err()).isZero();
      assertThat(r.out()).contains("of shard " + shard);
    }
    assertThat(status(run)).as("shards leave the run's manifest alone").isNotNull();
    assertThat(status(run.resolve("shards/pools-1of2"))).isEqualTo(RunManifest.Status.COMPLETE);

    CliRun merged = CliRun.of("run", "--resume", run.toString(), "--until", "embed");
    assertThat(merged.status()).as(merged.err()).isZero();
    assertThat(RunManifest.read(run.resolve("features-pairs/manifest.json")).commandLine())
        .contains("--merge", run.resolve("shards/pairs-0of2").toString());
    assertThat(merged.out()).contains("0 computed");
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
    Path exp =
        experiment(
            "name: broken\ndata: {generate: {pairs: 50}}\n"
                + "backbone: {model: "
                + tmp.resolve("no-such-model")
                + "}\n");
    Path run = tmp.resolve("run");
    CliRun r = CliRun.of("run", exp.toString(), "--out", run.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err())
        .contains("[3/8] embed-pairs: failed")
        .contains("then: sycolab run --resume " + run);
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

    Files.writeString(exp, SMALL.replace("pairs: 120", "pairs: 300"));
    CliRun changed = CliRun.of("run", exp.toString(), "--resume", run.toString());
    assertThat(changed.status()).isEqualTo(2);
    assertThat(changed.err()).contains("differs from the experiment");

    assertThat(CliRun.of("run", exp.toString(), "--shard", "0/2").err())
        .contains("--shard needs --resume");
    assertThat(CliRun.of("run", "--resume", run.toString(), "--shard", "0/2").err())
        .contains("is not ready");
    assertThat(CliRun.of("run", exp.toString(), "--until", "lunch").err())
        .contains("--until: expected data, embed, train, diagnose, pull or report");
    assertThat(CliRun.of("run").err()).contains("give an EXPERIMENT file, or --resume RUN");
    assertThat(CliRun.of("run", "--resume", tmp.toString()).err())
        .contains("no experiment.yaml there");

    Files.writeString(exp, "name: x\ndata: {generate: {pairs: 0}}\n");
    CliRun invalid = CliRun.of("run", exp.toString(), "--out", tmp.resolve("new").toString());
    assertThat(invalid.status()).isEqualTo(2);
    assertThat(invalid.err()).contains(exp + ": data.generate.pairs: expected a positive integer");
    assertThat(tmp.resolve("new")).doesNotExist();
  }
}
