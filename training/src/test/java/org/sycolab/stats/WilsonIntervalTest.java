package org.sycolab.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

  @Test
  void eightOfTenMatchesTheHandWorkedInterval() {
    // p̂ = 0.8, z²/n = 0.384146; centre (0.8 + 0.192073) / 1.384146 = 0.716740; half-width
    // 1.959964·√(0.016 + 0.384146/40) / 1.384146 = 0.226578: [0.490162, 0.943318].
    WilsonInterval interval = WilsonInterval.of95(8, 10);
    assertThat(interval.lo()).isCloseTo(0.490162, within(1e-6));
    assertThat(interval.hi()).isCloseTo(0.943318, within(1e-6));
  }

  @Test
  void noSuccessesStillGiveAnIntervalAboveZero() {
    // p̂ = 0: the interval is [0, z²/n / (1 + z²/n)] = [0, 0.384146 / 1.384146].
    WilsonInterval interval = WilsonInterval.of95(0, 10);
    assertThat(interval.lo()).isZero();
    assertThat(interval.hi()).isCloseTo(0.384146 / 1.384146, within(1e-6));
    assertThat(interval.contains(0)).isTrue();
    assertThat(interval.contains(0.5)).isFalse();
  }

  /** At 0 or 1 rounding put an end a few ulps beside the share, outside its own interval. */
  @Test
  void everyIntervalHoldsItsShareAtTheEnds() {
    for (int trials = 1; trials <= 400; trials++) {
      assertThat(WilsonInterval.of95(0, trials).contains(0)).as("0 of %d", trials).isTrue();
      assertThat(WilsonInterval.of95(trials, trials).contains(1))
          .as("%d of %d", trials, trials)
          .isTrue();
    }
  }

  @Test
  void aHalfSuccessCounts() {
    // 7.5 of 10 (a tie counted half): centre (0.75 + 0.192073) / 1.384146 = 0.680617; half-width
    // 1.959964·√(0.01875 + 0.0096037) / 1.384146 = 0.238436.
    WilsonInterval interval = WilsonInterval.of95(7.5, 10);
    assertThat(interval.lo()).isCloseTo(0.442181, within(1e-6));
    assertThat(interval.hi()).isCloseTo(0.919052, within(1e-6));
  }

  @Test
  void badCountsAreRefused() {
    assertThatThrownBy(() -> WilsonInterval.of95(1, 0)).hasMessageContaining("at least one trial");
    assertThatThrownBy(() -> WilsonInterval.of95(11, 10)).hasMessageContaining("[0, 10]");
  }
}
