package org.sycolab.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadlineSectionTest {

  @Test
  void aPositivePullLowersTheTruthfulRate() {
    assertThat(HeadlineSection.movement(new Stat(9.26, 0.37, 18.28)))
        .isEqualTo("lowers the truthful rate by 9.3 [0.4, 18.3]");
  }

  @Test
  void aNegativePullRaisesItByItsSizeWithTheIntervalTurnedAround() {
    assertThat(HeadlineSection.movement(new Stat(-4.0, -7.5, -0.5)))
        .isEqualTo("raises the truthful rate by 4.0 [0.5, 7.5]");
  }

  @Test
  void noPullChangesItByNothing() {
    assertThat(HeadlineSection.movement(new Stat(0, Double.NaN, Double.NaN)))
        .isEqualTo("changes the truthful rate by 0.0");
  }
}
