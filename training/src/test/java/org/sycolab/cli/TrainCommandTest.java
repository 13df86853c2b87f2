package org.sycolab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.Backbones;
import org.sycolab.data.DataSplit;
import org.sycolab.data.Datasets;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import org.sycolab.heads.HeadCard;
import org.sycolab.heads.HeadDirectory;
import org.sycolab.heads.SavedHead;
import org.sycolab.heads.VerdictClass;
import org.sycolab.heads.VerdictClassifier;
import org.sycolab.run.RunManifest;
import tech.tablesaw.api.Table;

class TrainCommandTest {

  // One dataset and one feature cache for the class, so texts are embedded once.
  @TempDir static Path shared;
  @TempDir Path tmp;
  @RegisterExtension static final ClassFeatureCache CACHE = new ClassFeatureCache();
  private static Path pairs;

  @BeforeAll
  static void generateData() throws Exception {
    CliRun r = CliRun.of("generate", "--pairs", "200", "--out", shared.resolve("data").toString());
    assertThat(r.status()).as(r.err()).isZero();
    pairs = shared.resolve("data/pairs.jsonl");
  }

  private CliRun train(String out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of("train", "--pairs", pairs.toString(), "--out", tmp.resolve(out).toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void trainsOneHeadPerLabelAndSeedWithItsCard() throws Exception {
    CliRun r = train("run", "--seeds", "1,2", "--epochs", "4");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("agreeable-seed1", "grounded-seed2", "wrote 4 heads");

    Path run = tmp.resolve("run");
    List<String> csv = Files.readAllLines(run.resolve("heads.csv"));
    assertThat(csv).hasSize(5);
    assertThat(csv.get(0)).startsWith("head,label,seed,architecture,train_pairs,dev_pairs");
    String fingerprint =
        Backbones.describe("builtin:minilm", BackboneOptions.DEFAULTS, CACHE.directory())
            .fingerprint();
    for (String name : List.of("agreeable-seed1", "agreeable-seed2", "grounded-seed1")) {
      SavedHead head = HeadDirectory.read(run.resolve(name), line -> {});
      assertThat(head.card().label()).isEqualTo(name.substring(0, name.indexOf('-')));
      assertThat(head.card().backbone().fingerprint()).isEqualTo(fingerprint);
      assertThat(head.card().featureDimension()).isEqualTo(384);
      assertThat(head.card().metrics()).containsKeys("dev_accuracy", "test_accuracy");
      assertThat(head.card().history()).hasSizeBetween(2, 5);
      assertThat(head.card().data().trainPairs()).isPositive();
      head.requireBackbone(fingerprint, "builtin:minilm");
    }
    RunManifest manifest = RunManifest.read(run.resolve("manifest.json"));
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.COMPLETE);
    assertThat(manifest.outputs())
        .extracting(RunManifest.FileEntry::path)
        .contains("agreeable-seed1/head.json", "agreeable-seed1/head.safetensors", "heads.csv");
    assertThat(manifest.seeds()).containsEntry("head_seed_2", 2L);
  }

  @Test
  void judgesEveryHeadAgainstTheTruthOnTheTestSplitsGroundedPairs() throws Exception {
    CliRun r = train("judged", "--epochs", "3");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("verdict against the truth", "grounded-seed1 (grounded): ")
        .contains("longer-answer (baseline): ")
        .contains("rule: " + VerdictClassifier.RULE);

    Table verdict = Table.read().csv(tmp.resolve("judged").resolve("verdict.csv").toFile());
    assertThat(verdict.stringColumn("head").asList())
        .containsExactly("agreeable-seed1", "grounded-seed1", "longer-answer");
    long conflict = 0;
    long control = 0;
    for (PreferencePair pair : Datasets.readPairs(pairs, "--pairs")) {
      if (pair.label() == Label.GROUNDED && DataSplit.of(pair) == DataSplit.TEST) {
        String premise = pair.metaString("premise").orElse("");
        conflict += premise.equals("false") ? 1 : 0;
        control += premise.equals("true") ? 1 : 0;
      }
    }
    assertThat(conflict).isPositive();
    assertThat(verdict.intColumn("conflict_pairs").asList()).containsOnly((int) conflict);
    assertThat(verdict.intColumn("control_pairs").asList()).containsOnly((int) control);
    for (String id : verdict.stringColumn("verdict_class")) {
      assertThat(Arrays.stream(VerdictClass.values()).map(VerdictClass::id)).contains(id);
    }
    // No pools in train: the cell means are left empty.
    assertThat(verdict.column("mean_z_agrees_truthful").countMissing()).isEqualTo(3);
  }

  @Test
  void theSameSeedTrainsTheSameWeightsAndTables() throws Exception {
    assertThat(train("a", "--label", "grounded", "--head", "mlp", "--hidden", "16").status())
        .isZero();
    assertThat(train("b", "--label", "grounded", "--head", "mlp", "--hidden", "16").status())
        .isZero();
    // Results only, no timings: a rerun writes the same bytes.
    for (String file : List.of("grounded-seed1/head.safetensors", "heads.csv", "verdict.csv")) {
      assertThat(Files.mismatch(tmp.resolve("a").resolve(file), tmp.resolve("b").resolve(file)))
          .as(file)
          .isEqualTo(-1);
    }
  }

  @Test
  void aMixtureTrainsOnOnePairSetPerPromptControlsIncluded() throws Exception {
    CliRun r = train("mix", "--label", "mixture:0.5", "--epochs", "2");
    assertThat(r.status()).as(r.err()).isZero();
    SavedHead head = HeadDirectory.read(tmp.resolve("mix/mixture-0.5-seed1"), line -> {});
    assertThat(head.card().label()).isEqualTo("mixture:0.5");
    CliRun grounded = train("g", "--label", "grounded", "--epochs", "1");
    SavedHead all = HeadDirectory.read(tmp.resolve("g/grounded-seed1"), line -> {});
    assertThat(grounded.status()).isZero();
    // Every prompt gives the pairs of one label, control prompts (true premise) included: as
    // many training pairs as one label has.
    assertThat(head.card().data().trainPairs()).isEqualTo(all.card().data().trainPairs());
  }

  @Test
  void excludedDomainsLeaveEveryOneOfTheirPairsOut() throws Exception {
    List<PreferencePair> grounded =
        Datasets.readPairs(pairs, "--pairs").stream()
            .filter(pair -> pair.label() == Label.GROUNDED)
            .toList();
    long kept =
        grounded.stream()
            .filter(p -> !p.metaString("domain").orElseThrow().equals("units"))
            .count();
    assertThat(kept).isLessThan(grounded.size());

    CliRun r = train("held", "--label", "grounded", "--epochs", "1", "--exclude-domains", "units");
    assertThat(r.status()).as(r.err()).isZero();
    HeadCard.DataInfo data =
        HeadDirectory.read(tmp.resolve("held/grounded-seed1"), line -> {}).card().data();
    assertThat(data.trainPairs() + data.devPairs() + data.testPairs()).isEqualTo(kept);
    assertThat(RunManifest.read(tmp.resolve("held/manifest.json")).config())
        .containsEntry("excluded_domains", List.of("units"));

    CliRun typo = train("typo", "--exclude-domains", "unitz");
    assertThat(typo.status()).isEqualTo(2);
    assertThat(typo.err())
        .contains("--exclude-domains: no pair of " + pairs + " has meta.domain 'unitz'")
        .contains("units");
  }

  @Test
  void aDivergingRunFailsWithAdviceAndLeavesNoHead() throws Exception {
    CliRun r =
        train("bad", "--label", "agreeable", "--lr", "1e7", "--head", "mlp", "--margin", "5");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("lower the learning rate");
    Path run = tmp.resolve("bad");
    try (var entries = Files.list(run)) {
      assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("manifest.json");
    }
    assertThat(RunManifest.read(run.resolve("manifest.json")).status())
        .isEqualTo(RunManifest.Status.FAILED);
  }

  @Test
  void badArgumentsAreRefusedBeforeAnyWork() {
    CliRun label = train("x", "--label", "agreeable,honest");
    assertThat(label.status()).isEqualTo(2);
    assertThat(label.err()).contains("label must be agreeable, grounded or mixture:P");

    CliRun fraction = train("x", "--label", "mixture:1.5");
    assertThat(fraction.status()).isEqualTo(2);
    assertThat(fraction.err()).contains("mixture fraction must be in [0, 1]");

    CliRun pools =
        CliRun.of(
            "train",
            "--pairs",
            shared.resolve("data/pools.jsonl").toString(),
            "--out",
            tmp.resolve("x").toString());
    assertThat(pools.status()).isEqualTo(2);
    assertThat(pools.err()).contains("must hold preference pairs");

    CliRun minibatch = train("x", "--minibatch", "0");
    assertThat(minibatch.status()).isEqualTo(2);
    assertThat(minibatch.err()).contains("--minibatch must be positive, got 0");

    CliRun dropout = train("x", "--head", "mlp", "--dropout", "1.5");
    assertThat(dropout.status()).isEqualTo(2);
    assertThat(dropout.err()).contains("--dropout must be in [0, 1), got 1.5");

    CliRun hidden = train("x", "--hidden", "32");
    assertThat(hidden.status()).isEqualTo(2);
    assertThat(hidden.err()).contains("--hidden applies to --head mlp only");

    CliRun head = train("x", "--head", "transformer");
    assertThat(head.status()).isEqualTo(2);
    assertThat(head.err()).contains("head must be linear or mlp");
    assertThat(tmp.resolve("x")).doesNotExist();
  }
}
