package org.sycolab.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TiltTest {
  private static final double EPS = 1e-12;

  @Test
  void poolOfThreeMatchesTheHandWorkedTilt() {
    // β = 1, rewards 0, ln 2, ln 4, uniform π₀: π ∝ (1, 2, 4) = (1/7, 2/7, 4/7).
    double[] reference = {1.0 / 3, 1.0 / 3, 1.0 / 3};
    double[] p = Tilt.probabilities(new double[] {0, Math.log(2), Math.log(4)}, reference, 1);
    assertThat(p).containsExactly(new double[] {1.0 / 7, 2.0 / 7, 4.0 / 7}, within(EPS));
    // KL = Σ p ln(3p) = 1/7 ln(3/7) + 2/7 ln(6/7) + 4/7 ln(12/7)
    double kl = Math.log(3.0 / 7) / 7 + 2 * Math.log(6.0 / 7) / 7 + 4 * Math.log(12.0 / 7) / 7;
    assertThat(Divergence.kl(p, reference)).isCloseTo(kl, within(EPS));
  }

  @Test
  void nonUniformReferenceMultipliesIn() {
    // π₀ = (0.5, 0.25, 0.25), rewards (0, 0, ln 2), β = 1: π ∝ (0.5, 0.25, 0.5) = (0.4, 0.2, 0.4).
    double[] p =
        Tilt.probabilities(new double[] {0, 0, Math.log(2)}, new double[] {0.5, 0.25, 0.25}, 1);
    assertThat(p).containsExactly(new double[] {0.4, 0.2, 0.4}, within(EPS));
  }

  @Test
  void largeBetaKeepsTheReferenceAndSmallBetaTakesTheArgmax() {
    double[] reward = {0.4, -1.2, 2.0, 1.9};
    double[] reference = {0.1, 0.2, 0.3, 0.4};
    assertThat(Tilt.probabilities(reward, reference, 1e12))
        .containsExactly(reference, within(1e-9));
    assertThat(Tilt.probabilities(reward, reference, 1e-6))
        .containsExactly(new double[] {0, 0, 1, 0}, within(EPS));
    // Tied maxima split in proportion to π₀ as β → 0.
    assertThat(Tilt.probabilities(new double[] {1, 3, 3, 0}, reference, 1e-6))
        .containsExactly(new double[] {0, 0.4, 0.6, 0}, within(EPS));
  }

  @Test
  void refusesANonPositiveBeta() {
    assertThatThrownBy(() -> Tilt.probabilities(new double[] {1, 2}, new double[] {0.5, 0.5}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beta > 0");
  }
}
