package org.sycolab.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PullGridTest {

  @Test
  void rangesAreExactInDecimal() {
    assertThat(PullGrid.parseDecimals("0:1:0.1", "--lambda"))
        .containsExactly(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);
    assertThat(PullGrid.parseDecimals("0.25, 1", "--beta")).containsExactly(0.25, 1.0);
    assertThat(PullGrid.parseCounts("1,2, 64", "--n")).containsExactly(1, 2, 64);
  }

  @Test
  void gridIsSortedDeduplicatedAndAlwaysHasLambdaZero() {
    PullGrid grid = new PullGrid(List.of(1.0, 0.5, 0.5), List.of(4, 1, 4), List.of(2.0, 0.1));
    assertThat(grid.lambdas()).containsExactly(0.0, 0.5, 1.0);
    assertThat(grid.ns()).containsExactly(1, 4);
    assertThat(grid.betas()).containsExactly(0.1, 2.0);
    List<Setting> settings = grid.settings();
    // 3 λ × 2 n best-of-n, 3 λ × 2 β tilts, then π₀.
    assertThat(settings).hasSize(13);
    assertThat(settings.get(0)).isEqualTo(Setting.bestOfN(0, 1));
    assertThat(settings.get(5)).isEqualTo(Setting.bestOfN(1, 4));
    assertThat(settings.get(6)).isEqualTo(Setting.tilt(0, 0.1));
    assertThat(settings.get(12).selector()).isEqualTo(Setting.Selector.REFERENCE);
  }

  @Test
  void badGridsAreRefusedWithTheOptionNamed() {
    assertThatThrownBy(() -> PullGrid.parseDecimals("0:1", "--lambda"))
        .hasMessageContaining("--lambda range must be start:stop:step");
    assertThatThrownBy(() -> PullGrid.parseDecimals("1:0:0.1", "--lambda"))
        .hasMessageContaining("start <= stop and a positive step");
    assertThatThrownBy(() -> PullGrid.parseDecimals("0,a", "--beta"))
        .hasMessageContaining("--beta expects numbers");
    assertThatThrownBy(() -> new PullGrid(List.of(0.5), List.of(0), List.of()))
        .hasMessageContaining("n must be at least 1");
    assertThatThrownBy(() -> new PullGrid(List.of(0.5), List.of(1), List.of(0.0)))
        .hasMessageContaining("β must be positive");
    assertThatThrownBy(() -> new PullGrid(List.of(-0.1), List.of(1), List.of()))
        .hasMessageContaining("λ must lie in [0, 1]");
  }
}
