package org.sycolab.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RewardScoresTest {

  @Test
  void standardisedScoresHaveMeanZeroAndUnitSpread() {
    RewardScores z =
        new RewardScores("s", new double[] {1, 2, 3}, new double[] {10, 0, 20}).standardised();
    assertThat(z.agreeable()).containsExactly(-1, 0, 1);
    assertThat(z.grounded()).containsExactly(0, -1, 1);
  }

  @Test
  void scoresWhoseSpreadOverflowsAreRefusedNotTurnedIntoZeros() {
    RewardScores huge = new RewardScores("s", new double[] {1e300, -1e300}, new double[] {1, 2});
    assertThatThrownBy(huge::standardised)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "s: the agreeable scores are too large to standardise (their mean or standard"
                + " deviation overflows); rescale them");
  }

  @Test
  void aConstantHeadIsRefused() {
    RewardScores flat = new RewardScores("s", new double[] {1, 2}, new double[] {3, 3});
    assertThatThrownBy(flat::standardised).hasMessageContaining("the grounded scores are the same");
  }
}
