package org.sycolab.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.cli.ClassFeatureCache;
import org.sycolab.data.DataSplit;
import org.sycolab.data.Label;
import org.sycolab.heads.HeadArchitecture;
import org.sycolab.heads.HeadDirectory;
import org.sycolab.heads.HeadVerdicts;
import org.sycolab.heads.LongerAnswer;
import org.sycolab.heads.TrainingConfig;
import org.sycolab.heads.TrainingTarget;
import org.sycolab.heads.VerdictClassifier;
import org.sycolab.report.ResultCsv;
import org.sycolab.run.RunLayout;
import org.sycolab.run.RunManifest;
import tech.tablesaw.api.Table;

class TrainStageTest {

  @TempDir static Path shared;
  @TempDir Path tmp;
  @RegisterExtension static final ClassFeatureCache CACHE = new ClassFeatureCache();
  private static StageData data;

  @BeforeAll
  static void writeData() throws Exception {
    data = StageData.writeInto(shared);
  }

  private static TrainConfig config(List<String> labels, List<Long> seeds, Path out) {
    return new TrainConfig(
        data.pairs,
        TrainConfig.targets(labels),
        new TrainConfig.Head(HeadArchitecture.Kind.LINEAR, 256, 0.1),
        TrainConfig.hyperparameters(3, 64, 1e-2, 0.01, 0, 0, 10, 1),
        seeds,
        List.of(),
        "builtin:minilm",
        BackboneOptions.DEFAULTS,
        32,
        out);
  }

  @Test
  void returnsEveryHeadTableAndVerdictAsWritten() throws Exception {
    RecordingConsole console = new RecordingConsole();
    Path out = tmp.resolve("heads");
    TrainOutcome result =
        new TrainStage(StageContext.standalone(Device.cpu(), console))
            .run(config(List.of("agreeable", "grounded"), List.of(1L, 2L), out));

    assertThat(result.directory()).isEqualTo(out.toAbsolutePath());
    assertThat(result.heads())
        .extracting(TrainedHead::name)
        .containsExactly("agreeable-seed1", "agreeable-seed2", "grounded-seed1", "grounded-seed2");
    for (TrainedHead head : result.heads()) {
      assertThat(head.directory()).isEqualTo(result.directory().resolve(head.name()));
      assertThat(head.card().toJson())
          .isEqualTo(HeadDirectory.read(head.directory(), line -> {}).card().toJson());
      assertThat(head.card().weightsFile()).isNotNull();
      assertThat(head.card().label()).isEqualTo(head.target().toString());
    }
    assertThat(head(result, "grounded-seed2").card().training().seed()).isEqualTo(2);

    assertThat(Files.readAllBytes(out.resolve(RunLayout.HEADS_FILE)))
        .isEqualTo(csv(result.summary()));
    assertThat(result.summary().stringColumn("head").asList())
        .containsExactly("agreeable-seed1", "agreeable-seed2", "grounded-seed1", "grounded-seed2");
    assertThat(Files.readAllBytes(out.resolve(RunLayout.VERDICT_FILE)))
        .isEqualTo(csv(HeadVerdicts.table(result.verdicts())));
    assertThat(result.verdicts())
        .extracting(verdict -> verdict.head())
        .containsExactly(
            "agreeable-seed1",
            "agreeable-seed2",
            "grounded-seed1",
            "grounded-seed2",
            LongerAnswer.NAME);
    long truth =
        data.data.pairs().stream()
            .filter(p -> p.label() == Label.GROUNDED && DataSplit.of(p) == DataSplit.TEST)
            .count();
    assertThat(result.truthPairs()).isPositive().isEqualTo((int) truth);
    String nl = System.lineSeparator();
    assertThat(Printed.of(result))
        .startsWith(
            result.summary().printAll()
                + nl
                + nl
                + "on the test split's "
                + truth
                + " grounded pairs (the 2x2 cell means need pools: sycolab heads diagnose)"
                + nl
                + "verdict against the truth")
        .contains(nl + "rule: " + VerdictClassifier.RULE + nl)
        .endsWith("wrote 4 heads to " + out.toAbsolutePath() + nl);

    RunManifest manifest = RunManifest.read(out.resolve(RunManifest.FILE_NAME));
    assertThat(manifest.command()).isEqualTo(TrainStage.NAME);
    assertThat(manifest.commandLine()).isEmpty();
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.COMPLETE);
    assertThat(manifest.config())
        .containsEntry("labels", List.of("agreeable", "grounded"))
        .containsEntry("head", "linear")
        .containsEntry("split_source", "meta");
    assertThat(manifest.seeds()).containsEntry("head_seed_1", 1L).containsEntry("head_seed_2", 2L);
    assertThat(manifest.outputs())
        .extracting(RunManifest.FileEntry::path)
        .contains("grounded-seed2/head.json", RunLayout.HEADS_FILE, RunLayout.VERDICT_FILE);

    // The console hears the work: one progress display per head, and every epoch as a detail.
    assertThat(console.progress)
        .contains("train agreeable-seed1 epochs 3 3", "train grounded-seed2 epochs 3 3");
    assertThat(console.details)
        .anyMatch(line -> line.startsWith("grounded-seed1: epoch 0 train loss "))
        .anyMatch(line -> line.startsWith("grounded-seed1: epoch 3 train loss "));
    assertThat(console.infos).anyMatch(line -> line.startsWith("features: "));
  }

  @Test
  void pairsThatCannotTrainAHeadAreRefusedBeforeAnythingIsWritten() {
    Path out = tmp.resolve("refused");
    TrainConfig typo =
        new TrainConfig(
            data.pairs,
            List.of(TrainingTarget.parse("grounded")),
            new TrainConfig.Head(HeadArchitecture.Kind.LINEAR, 256, 0.1),
            TrainingConfig.defaults(1),
            List.of(1L),
            List.of("unitz"),
            "builtin:minilm",
            BackboneOptions.DEFAULTS,
            32,
            out);
    TrainStage stage = new TrainStage(StageContext.standalone(Device.cpu(), StageConsole.SILENT));
    assertThatThrownBy(() -> stage.run(typo))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "--exclude-domains: no pair of " + data.pairs + " has meta.domain 'unitz'");
    assertThat(out).doesNotExist();
  }

  private static TrainedHead head(TrainOutcome result, String name) {
    return result.heads().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
  }

  private static byte[] csv(Table table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ResultCsv.write(table, bytes);
    return bytes.toByteArray();
  }
}
