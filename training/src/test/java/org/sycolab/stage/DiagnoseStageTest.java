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
import org.sycolab.heads.HeadArchitecture;
import org.sycolab.heads.HeadVerdict;
import org.sycolab.heads.HeadVerdicts;
import org.sycolab.heads.LongerAnswer;
import org.sycolab.heads.VerdictClassifier;
import org.sycolab.report.ResultCsv;
import org.sycolab.run.RunLayout;
import org.sycolab.run.RunManifest;
import tech.tablesaw.api.Table;

class DiagnoseStageTest {

  // Data, features and heads are made once for the class: the tests only read them.
  @TempDir static Path shared;
  @TempDir Path tmp;
  @RegisterExtension static final ClassFeatureCache CACHE = new ClassFeatureCache();
  private static StageData data;
  private static TrainOutcome trained;

  @BeforeAll
  static void trainHeads() throws Exception {
    data = StageData.writeInto(shared);
    TrainConfig config =
        new TrainConfig(
            data.pairs,
            TrainConfig.targets(List.of("agreeable", "grounded")),
            new TrainConfig.Head(HeadArchitecture.Kind.LINEAR, 256, 0.1),
            TrainConfig.hyperparameters(3, 64, 1e-2, 0.01, 0, 0, 10, 1),
            List.of(1L),
            List.of(),
            "builtin:minilm",
            BackboneOptions.DEFAULTS,
            32,
            shared.resolve("heads"));
    trained = new TrainStage(context()).run(config);
  }

  private static StageContext context() {
    return StageContext.standalone(Device.cpu(), StageConsole.SILENT);
  }

  private DiagnoseConfig config(List<Path> heads, String split) {
    return new DiagnoseConfig(
        heads, data.pairs, data.pools, new EvaluationSplit(split), null, 32, tmp.resolve("out"));
  }

  private static List<Path> headDirectories() {
    return trained.heads().stream().map(TrainedHead::directory).toList();
  }

  @Test
  void returnsEveryTableAsWritten() throws Exception {
    DiagnoseOutcome result = new DiagnoseStage(context()).run(config(headDirectories(), "dev"));

    Path out = tmp.resolve("out");
    assertThat(result.directory()).isEqualTo(out.toAbsolutePath());
    assertThat(result.pairs())
        .isEqualTo(
            (int) data.data.pairs().stream().filter(p -> DataSplit.of(p) == DataSplit.DEV).count());
    assertThat(result.candidates())
        .isEqualTo(
            data.data.pools().stream()
                .filter(p -> DataSplit.of(p) == DataSplit.DEV)
                .mapToInt(p -> p.candidates().size())
                .sum());
    assertThat(result.verdicts())
        .extracting(HeadVerdict::head)
        .containsExactly("agreeable-seed1", "grounded-seed1", LongerAnswer.NAME);
    assertThat(result.verdicts())
        .allMatch(
            verdict -> verdict.cells().isPresent() || verdict.head().equals(LongerAnswer.NAME));

    assertThat(Files.readAllBytes(out.resolve(RunLayout.VERDICT_FILE)))
        .isEqualTo(csv(HeadVerdicts.table(result.verdicts())));
    assertThat(Files.readAllBytes(out.resolve(RunLayout.ACCURACY_FILE)))
        .isEqualTo(csv(result.accuracy()));
    assertThat(Files.readAllBytes(out.resolve(RunLayout.DECOMPOSITION_FILE)))
        .isEqualTo(csv(result.decomposition()));
    assertThat(result.correlation()).isPresent();
    assertThat(Files.readAllBytes(out.resolve(DiagnoseStage.CORRELATION_FILE)))
        .isEqualTo(csv(result.correlation().orElseThrow()));

    RunManifest manifest = RunManifest.read(out.resolve(RunManifest.FILE_NAME));
    assertThat(manifest.command()).isEqualTo(DiagnoseStage.NAME);
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.COMPLETE);
    assertThat(manifest.config())
        .containsEntry("split", "dev")
        .containsEntry("model", "builtin:minilm");
    assertThat(manifest.inputs()).hasSize(2 + 2 * 2);

    String nl = System.lineSeparator();
    String printed = Printed.of(result);
    assertThat(printed)
        .startsWith(
            result.pairs()
                + " pairs and "
                + result.candidates()
                + " candidates of split dev"
                + nl
                + nl
                + "verdict against the truth")
        .contains("rule: " + VerdictClassifier.RULE + nl + nl)
        .contains(
            "pairwise accuracy, beside picking the longer answer (per family and domain in"
                + " accuracy.csv)")
        .contains("2x2 decomposition of z-scored candidate scores")
        .containsPattern(nl + nl + " *correlation *" + nl)
        .endsWith(nl + nl + "wrote " + out.toAbsolutePath() + nl);
    assertThat(printed).as("doubles rounded to 4 places").doesNotContainPattern("\\d\\.\\d{5}");
  }

  @Test
  void oneHeadHasNoCorrelations() throws Exception {
    DiagnoseOutcome result =
        new DiagnoseStage(context()).run(config(headDirectories().subList(1, 2), "dev"));
    assertThat(result.correlation()).isEmpty();
    assertThat(Printed.of(result)).doesNotContain("correlation");
    assertThat(tmp.resolve("out").resolve(DiagnoseStage.CORRELATION_FILE)).doesNotExist();
    assertThat(result.verdicts())
        .extracting(HeadVerdict::head)
        .containsExactly("grounded-seed1", LongerAnswer.NAME);
  }

  @Test
  void aSplitWithoutRecordsIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path train = tmp.resolve("train-only.jsonl");
    Files.write(
        train,
        Files.readAllLines(data.pairs).stream()
            .filter(line -> line.contains("\"train\""))
            .toList());
    DiagnoseConfig config =
        new DiagnoseConfig(
            headDirectories(),
            train,
            data.pools,
            new EvaluationSplit("test"),
            null,
            32,
            tmp.resolve("out"));
    assertThatThrownBy(() -> new DiagnoseStage(context()).run(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no pairs in " + train + " belong to split test; choose another --split");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  private static byte[] csv(Table table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ResultCsv.write(table, bytes);
    return bytes.toByteArray();
  }
}
