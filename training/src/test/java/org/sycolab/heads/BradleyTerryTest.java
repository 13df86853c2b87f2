package org.sycolab.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BradleyTerryTest {

  // Three pairs: (2, 1), (0, 0), (-1, 1).
  private static final float[] SCORES = {2, 1, 0, 0, -1, 1};

  @Test
  void objectiveIsTheMeanNegativeLogSigmoidOfTheDifference() {
    // -log σ(1) = log(1 + e^-1) = 0.3132617; -log σ(0) = log 2 = 0.6931472;
    // -log σ(-2) = log(1 + e^2) = 2.1269280; mean = 3.1333369 / 3 = 1.0444456.
    assertThat(BradleyTerry.objective(SCORES, 0, 0)).isCloseTo(1.0444456, within(1e-7));
  }

  @Test
  void marginAndCentringEnterAsDefined() {
    // margin 1: -log σ(0) + -log σ(-1) + -log σ(-3) = 0.6931472 + 1.3132617 + 3.0485874 = 5.0549963
    // centring 0.5: (r_c + r_r)² = 9, 0, 0 → 0.5 · 3 = 1.5 on top of the mean 1.6849988.
    assertThat(BradleyTerry.objective(SCORES, 1, 0.5)).isCloseTo(1.6849988 + 1.5, within(1e-7));
  }

  @Test
  void accuracyCountsTiesAsHalf() {
    assertThat(BradleyTerry.accuracy(SCORES)).isEqualTo(0.5);
  }

  @Test
  void largeDifferencesDoNotOverflow() {
    assertThat(BradleyTerry.objective(new float[] {0, 1000}, 0, 0)).isCloseTo(1000, within(1e-9));
    assertThat(BradleyTerry.objective(new float[] {1000, 0}, 0, 0)).isZero();
  }

  @Test
  void oddScoreArraysAreRejected() {
    assertThatThrownBy(() -> BradleyTerry.accuracy(new float[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("interleaved");
  }
}
