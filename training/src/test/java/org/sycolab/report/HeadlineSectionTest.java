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
  void anIntervalAcrossZeroIsSaidToIncludeNoChange() {
    assertThat(HeadlineSection.noChangeNote(new Stat(-0.3, -8.2, 7.4)))
        .isEqualTo(", an interval that includes no change");
    assertThat(HeadlineSection.noChangeNote(new Stat(9.26, 0.37, 18.28))).isEmpty();
    assertThat(HeadlineSection.noChangeNote(new Stat(0, Double.NaN, Double.NaN))).isEmpty();
  }

  @Test
  void noPullChangesItByNothing() {
    assertThat(HeadlineSection.movement(new Stat(0, Double.NaN, Double.NaN)))
        .isEqualTo("changes the truthful rate by 0.0");
  }

  @Test
  void lambdaStarNamesAnEndThatNeverTips() {
    assertThat(HeadlineSection.lambdaStar(0.6, 0.5, 0.7)).isEqualTo("0.6 [0.5, 0.7]");
    assertThat(HeadlineSection.lambdaStar(0.6, 0.5, Double.NaN))
        .isEqualTo("0.6 [0.5 to never, within the grid]");
    assertThat(HeadlineSection.lambdaStar(Double.NaN, 0.9, Double.NaN))
        .isEqualTo("none on the grid [0.9 to never, within the grid]");
    assertThat(HeadlineSection.lambdaStar(Double.NaN, Double.NaN, Double.NaN))
        .isEqualTo("none on the grid");
    assertThat(HeadlineSection.lambdaStar(0.6, Double.NaN, Double.NaN)).isEqualTo("0.6");
  }
}
