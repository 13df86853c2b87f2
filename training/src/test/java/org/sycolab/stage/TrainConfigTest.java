package org.sycolab.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.heads.HeadArchitecture;
import org.sycolab.heads.TrainingConfig;
import org.sycolab.heads.TrainingTarget;

class TrainConfigTest {

  private static final TrainConfig.Head LINEAR =
      new TrainConfig.Head(HeadArchitecture.Kind.LINEAR, 256, 0.1);

  private static TrainConfig config(List<Long> seeds, int batchSize) {
    return new TrainConfig(
        Path.of("pairs.jsonl"),
        TrainConfig.targets(List.of("agreeable", "mixture:0.5")),
        LINEAR,
        TrainingConfig.defaults(99),
        seeds,
        List.of(),
        "builtin:minilm",
        BackboneOptions.DEFAULTS,
        batchSize,
        null);
  }

  @Test
  void theHyperparametersAreCheckedNamingTheirOptions() {
    assertThatThrownBy(() -> TrainConfig.hyperparameters(0, 64, 1e-2, 0, 0, 0, 10, 1))
        .hasMessage("--epochs must be positive, got 0");
    assertThatThrownBy(() -> TrainConfig.hyperparameters(1, 0, 1e-2, 0, 0, 0, 10, 1))
        .hasMessage("--minibatch must be positive, got 0");
    assertThatThrownBy(() -> TrainConfig.hyperparameters(1, 1, 1e-2, 0, 0, 0, 0, 1))
        .hasMessage("--patience must be positive, got 0");
    assertThatThrownBy(() -> TrainConfig.hyperparameters(1, 1, Double.NaN, 0, 0, 0, 1, 1))
        .hasMessage("--lr must be positive, got NaN");
    assertThatThrownBy(() -> TrainConfig.hyperparameters(1, 1, 1, -1, 0, 0, 1, 1))
        .hasMessage("--weight-decay must be zero or positive, got -1.0");
    assertThatThrownBy(
            () -> TrainConfig.hyperparameters(1, 1, 1, 0, 0, Double.POSITIVE_INFINITY, 1, 1))
        .hasMessage("--centring must be zero or positive, got Infinity");
    assertThat(TrainConfig.hyperparameters(5, 8, 0.5, 0.1, 0.2, 0.3, 2, 7))
        .isEqualTo(new TrainingConfig(5, 8, 0.5, 0.1, 0.2, 0.3, 2, 7));
  }

  @Test
  void anMlpHeadNeedsHiddenUnitsAndADropoutBelowOne() {
    assertThatThrownBy(() -> new TrainConfig.Head(HeadArchitecture.Kind.MLP, 0, 0.1))
        .hasMessage("--hidden must be positive, got 0");
    assertThatThrownBy(() -> new TrainConfig.Head(HeadArchitecture.Kind.MLP, 16, 1.0))
        .hasMessage("--dropout must be in [0, 1), got 1.0");
    assertThat(new TrainConfig.Head(HeadArchitecture.Kind.MLP, 16, 0.5).architecture(384))
        .isEqualTo(HeadArchitecture.mlp(384, 16, 0.5));
    assertThat(new TrainConfig.Head(HeadArchitecture.Kind.LINEAR, 0, 2).architecture(384))
        .isEqualTo(HeadArchitecture.linear(384));
  }

  @Test
  void labelsAndSeedsAreEachGivenOnce() {
    assertThat(TrainConfig.targets(List.of("grounded", "mixture:0.25")))
        .containsExactly(TrainingTarget.parse("grounded"), TrainingTarget.parse("mixture:0.25"));
    assertThatThrownBy(() -> TrainConfig.targets(List.of("agreeable", "agreeable", "honest")))
        .hasMessage("--label lists agreeable twice");
    assertThatThrownBy(() -> TrainConfig.targets(List.of("honest")))
        .hasMessageStartingWith("label must be agreeable, grounded or mixture:P");
    assertThatThrownBy(() -> config(List.of(1L, 2L, 1L), 32))
        .hasMessage("--seeds lists a seed twice: [1, 2, 1]");
    assertThatThrownBy(() -> config(List.of(1L), 0))
        .hasMessage("--batch-size must be positive, got 0");
  }

  @Test
  void theTrainingSeedIsTheFirstHeadSeed() {
    assertThat(config(List.of(3L, 4L), 32).training()).isEqualTo(TrainingConfig.defaults(3));
  }
}
