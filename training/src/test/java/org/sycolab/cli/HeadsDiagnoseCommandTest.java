package org.sycolab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.heads.HeadArchitecture;
import org.sycolab.heads.HeadDirectory;
import org.sycolab.heads.HeadWeights;
import org.sycolab.heads.SavedHead;
import org.sycolab.heads.VerdictClassifier;
import org.sycolab.run.RunManifest;
import tech.tablesaw.api.Table;

class HeadsDiagnoseCommandTest {

  // Data, features and heads are made once for the class: the tests only read them.
  @TempDir static Path shared;
  @TempDir Path tmp;
  @RegisterExtension static final ClassFeatureCache CACHE = new ClassFeatureCache();

  @BeforeAll
  static void trainHeads() throws Exception {
    CliRun data =
        CliRun.of("generate", "--pairs", "200", "--out", shared.resolve("data").toString());
    assertThat(data.status()).as(data.err()).isZero();
    CliRun train =
        CliRun.of(
            "train",
            "--pairs",
            shared.resolve("data/pairs.jsonl").toString(),
            "--epochs",
            "5",
            "--out",
            shared.resolve("heads").toString());
    assertThat(train.status()).as(train.err()).isZero();
  }

  private CliRun diagnose(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "heads",
                "diagnose",
                "--pairs",
                shared.resolve("data/pairs.jsonl").toString(),
                "--pools",
                shared.resolve("data/pools.jsonl").toString(),
                "--out",
                tmp.resolve("diagnose").toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void writesAndPrintsTheTables() throws Exception {
    CliRun r =
        diagnose(
            "--heads",
            shared.resolve("heads/agreeable-seed1").toString(),
            shared.resolve("heads/grounded-seed1").toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("pairwise accuracy", "2x2 decomposition", "agrees:truthful");
    assertThat(r.out())
        .contains("verdict against the truth", "grounded-seed1 (grounded): ")
        .contains("rule: " + VerdictClassifier.RULE);
    assertThat(r.out()).contains("pearson", "spearman");

    Path out = tmp.resolve("diagnose");
    List<String> accuracy = Files.readAllLines(out.resolve("accuracy.csv"));
    assertThat(accuracy.get(0))
        .isEqualTo("head,head_label,pair_label,group_by,group,pairs,accuracy");
    assertThat(accuracy)
        .anyMatch(line -> line.startsWith("agreeable-seed1,agreeable,grounded,premise,conflict,"));
    assertThat(accuracy).anyMatch(line -> line.contains(",family,pushback,"));
    assertThat(accuracy)
        .anyMatch(line -> line.startsWith("longer-answer,baseline,grounded,premise,conflict,"))
        .anyMatch(line -> line.startsWith("longer-answer,baseline,agreeable,family,pushback,"));
    List<String> decomposition = Files.readAllLines(out.resolve("decomposition.csv"));
    assertThat(decomposition).hasSize(1 + 2 * 5);
    assertThat(decomposition).anyMatch(line -> line.startsWith("grounded-seed1,grounded,length,"));

    Table verdict = Table.read().csv(out.resolve("verdict.csv").toFile());
    assertThat(verdict.stringColumn("head").asList())
        .containsExactly("agreeable-seed1", "grounded-seed1", "longer-answer");
    // The pools fill every cell, so every head has its four cell means.
    assertThat(verdict.doubleColumn("mean_z_disagrees_untruthful").isMissing().size()).isZero();
    assertThat(verdict.intColumn("conflict_pairs").get(0)).isPositive();
    assertThat(Files.readAllLines(out.resolve("correlation.csv"))).hasSize(2);
    RunManifest manifest = RunManifest.read(out.resolve("manifest.json"));
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.COMPLETE);
    assertThat(manifest.inputs()).hasSize(2 + 2 * 2);
    assertThat(manifest.outputs())
        .extracting(RunManifest.FileEntry::path)
        .contains("verdict.csv", "accuracy.csv", "decomposition.csv");
  }

  @Test
  void aHeadOfAnotherBackboneIsRefused() throws Exception {
    Path head = tmp.resolve("moved-head");
    Files.createDirectories(head);
    Path source = shared.resolve("heads/agreeable-seed1");
    Files.copy(source.resolve("head.safetensors"), head.resolve("head.safetensors"));
    Path json = Files.copy(source.resolve("head.json"), head.resolve("head.json"));
    Files.writeString(
        json, Files.readString(json).replaceAll("\"pooling\" : \"mean\"", "\"pooling\" : \"cls\""));
    CliRun r = diagnose("--heads", head.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("was trained on features of backbone builtin:minilm");
    assertThat(tmp.resolve("diagnose")).doesNotExist();
  }

  @Test
  void aHeadWithNaNWeightsIsRefusedBeforeAnythingIsWritten() throws Exception {
    SavedHead source = HeadDirectory.read(shared.resolve("heads/grounded-seed1"), line -> {});
    Map<String, float[]> tensors = new LinkedHashMap<>(source.weights().tensors());
    float[] weight = tensors.get(HeadArchitecture.LINEAR_WEIGHT).clone();
    weight[3] = Float.NaN;
    tensors.put(HeadArchitecture.LINEAR_WEIGHT, weight);
    Path head = tmp.resolve("grounded-seed1");
    Files.createDirectories(head);
    HeadDirectory.writeInto(
        head, source.card(), new HeadWeights(source.weights().architecture(), tensors));

    CliRun r = diagnose("--heads", head.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            "sycolab diagnose: error: "
                + head.resolve("head.safetensors")
                + ": linear.weight: contains NaN at [0, 3]; retrain the head (sycolab train)");
    assertThat(tmp.resolve("diagnose")).doesNotExist();
  }

  @Test
  void aHeadWithAFlippedWeightsByteIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path source = shared.resolve("heads/grounded-seed1");
    Path head = tmp.resolve("damaged/grounded-seed1");
    Files.createDirectories(head);
    Files.copy(source.resolve("head.json"), head.resolve("head.json"));
    byte[] weights = Files.readAllBytes(source.resolve("head.safetensors"));
    weights[weights.length - 5] ^= 0x04;
    Files.write(head.resolve("head.safetensors"), weights);

    CliRun r = diagnose("--heads", head.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo(
            "sycolab diagnose: error: "
                + head.resolve("head.safetensors")
                + ": its bytes do not match the SHA-256 in head.json (damaged?); retrain the head"
                + " or restore it");
    assertThat(tmp.resolve("diagnose")).doesNotExist();
  }

  @Test
  void aMissingHeadOrBadSplitIsReported() {
    CliRun missing = diagnose("--heads", shared.resolve("heads/nothing").toString());
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).contains("no such head directory");

    CliRun split =
        diagnose(
            "--heads", shared.resolve("heads/grounded-seed1").toString(), "--split", "holdout");
    assertThat(split.status()).isEqualTo(2);
    assertThat(split.err()).contains("--split must be train, dev, test or all");
  }
}
