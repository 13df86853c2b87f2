package org.sycolab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sycolab.features.Shard;

class RunnerConfigTest {

  private static final Path FILE = Path.of("exp.yaml");
  private static final Path RUN = Path.of("run");

  private static RunnerConfig config(
      Path file, Path resume, Path out, Stage.Step until, Shard shard) {
    return new RunnerConfig(file, resume, out, until, shard, false, null, List.of());
  }

  @Test
  void optionsThatDoNotGoTogetherAreRefusedNamingThem() {
    assertThatThrownBy(() -> config(null, null, null, null, null))
        .hasMessage("give an EXPERIMENT file, or --resume RUN");
    assertThatThrownBy(() -> config(FILE, RUN, RUN, null, null))
        .hasMessage("--out and --resume cannot be used together");
    assertThatThrownBy(() -> config(FILE, null, null, null, new Shard(0, 2)))
        .hasMessage("--shard needs --resume RUN: a run whose data is ready");
    assertThatThrownBy(() -> config(null, RUN, null, Stage.Step.DATA, new Shard(0, 2)))
        .hasMessage("--shard embeds one slice and stops; drop --until");
  }

  @Test
  void untilNamesAStageInAnyCaseAndTheReportIsTheDefault() {
    assertThat(RunnerConfig.until(" Pull ")).isEqualTo(Stage.Step.PULL);
    assertThat(RunnerConfig.until(null)).isNull();
    assertThat(config(FILE, null, null, null, null).last()).isEqualTo(Stage.Step.REPORT);
    assertThat(config(FILE, null, null, Stage.Step.EMBED, null).last()).isEqualTo(Stage.Step.EMBED);
    assertThatThrownBy(() -> RunnerConfig.until("lunch"))
        .hasMessage(
            "--until: expected data, embed, train, diagnose, pull, audit or report, got 'lunch'");
  }
}
