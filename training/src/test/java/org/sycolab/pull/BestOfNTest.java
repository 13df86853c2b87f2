package org.sycolab.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BestOfNTest {
  private static final double EPS = 1e-12;
  private static final double[] UNIFORM3 = {1.0 / 3, 1.0 / 3, 1.0 / 3};

  @Test
  void poolOfThreeWithUniformReferenceMatchesTheHandWorkedProbabilitiesAndKl() {
    // Rewards 2, 3, 1: ascending order is y2 (1), y0 (2), y1 (3); π₀ = 1/3 each.
    // F(y2) = 1/3, F⁻ = 0   → P₂ = (1/3)² − 0      = 1/9
    // F(y0) = 2/3, F⁻ = 1/3 → P₂ = (2/3)² − (1/3)² = 3/9
    // F(y1) = 1,   F⁻ = 2/3 → P₂ = 1 − (2/3)²      = 5/9
    double[] p = BestOfN.probabilities(new double[] {2, 3, 1}, UNIFORM3, 2);
    assertThat(p[0]).isCloseTo(3.0 / 9, within(EPS));
    assertThat(p[1]).isCloseTo(5.0 / 9, within(EPS));
    assertThat(p[2]).isCloseTo(1.0 / 9, within(EPS));
    // KL = 5/9·ln((5/9)/(1/3)) + 3/9·ln(1) + 1/9·ln((1/9)/(1/3)) = (5 ln 5 − 6 ln 3)/9 ≈ 0.161724
    double kl = (5 * Math.log(5) - 6 * Math.log(3)) / 9;
    assertThat(Divergence.kl(p, UNIFORM3)).isCloseTo(kl, within(EPS));
    assertThat(kl).isCloseTo(0.161724, within(1e-6));
    // Below the continuous value log 2 − 1/2 ≈ 0.193147: three candidates are not a continuum.
    assertThat(BestOfN.continuousKl(2)).isCloseTo(Math.log(2) - 0.5, within(EPS));
    assertThat(kl).isLessThan(BestOfN.continuousKl(2));
  }

  @Test
  void poolOfThreeWithLogprobReferenceMatchesTheHandWorkedProbabilities() {
    // π₀ = (0.5, 0.3, 0.2), rewards (3, 1, 2): ascending y1 (0.3), y2 (0.2), y0 (0.5); n = 3.
    // P(y1) = 0.3³ = 0.027; P(y2) = 0.5³ − 0.3³ = 0.098; P(y0) = 1 − 0.5³ = 0.875
    double[] reference = {0.5, 0.3, 0.2};
    double[] p = BestOfN.probabilities(new double[] {3, 1, 2}, reference, 3);
    assertThat(p).containsExactly(new double[] {0.875, 0.027, 0.098}, within(EPS));
    double kl =
        0.875 * Math.log(0.875 / 0.5)
            + 0.027 * Math.log(0.027 / 0.3)
            + 0.098 * Math.log(0.098 / 0.2);
    assertThat(Divergence.kl(p, reference)).isCloseTo(kl, within(EPS));
  }

  @Test
  void tiesShareTheirLevelEvenlyUnderAUniformReference() {
    // Rewards 1, 2, 2: the top level {y1, y2} has F = 1, F⁻ = 1/3, so P₂(level) = 1 − 1/9 = 8/9,
    // 4/9 each; y0 keeps (1/3)² = 1/9.
    double[] p = BestOfN.probabilities(new double[] {1, 2, 2}, UNIFORM3, 2);
    assertThat(p).containsExactly(new double[] {1.0 / 9, 4.0 / 9, 4.0 / 9}, within(EPS));
    // All tied: selection is π₀ whatever n.
    assertThat(BestOfN.probabilities(new double[] {5, 5, 5}, UNIFORM3, 64))
        .containsExactly(UNIFORM3, within(EPS));
  }

  @Test
  void tiesShareTheirLevelInProportionToTheReference() {
    // π₀ = (0.2, 0.5, 0.3), rewards 1, 2, 2: level {y1, y2} has mass 0.8, P₂ = 1 − 0.2² = 0.96,
    // split 0.5/0.8 and 0.3/0.8: 0.6 and 0.36; y0 keeps 0.04.
    double[] p = BestOfN.probabilities(new double[] {1, 2, 2}, new double[] {0.2, 0.5, 0.3}, 2);
    assertThat(p).containsExactly(new double[] {0.04, 0.6, 0.36}, within(EPS));
  }

  /**
   * A real policy's log-probs differ by hundreds of nats between candidates, so π₀ of the unlikely
   * ones underflows to 0: those are never drawn, whichever level they are on (the top one here),
   * and the others keep the exact probabilities of the pool without them.
   */
  @Test
  void candidatesThatPi0NeverDrawsAreNeverSelected() {
    double[] reference = {0.4, Math.exp(-800), 0.6, 0};
    double[] reward = {1, 5, 2, 3};
    double[] p = BestOfN.probabilities(reward, reference, 4);
    // Without the two: rewards 1 (0.4) and 2 (0.6); P₄(top) = 1 − 0.4⁴ = 0.9744.
    assertThat(p[2]).isCloseTo(1 - Math.pow(0.4, 4), within(1e-12));
    assertThat(p[0]).isCloseTo(Math.pow(0.4, 4), within(1e-12));
    assertThat(p[1]).isZero();
    assertThat(p[3]).isZero();
  }

  @Test
  void oneDrawReproducesTheReferenceEvenWithTies() {
    double[] reference = {0.1, 0.2, 0.3, 0.4};
    assertThat(BestOfN.probabilities(new double[] {4, 1, 1, 2}, reference, 1))
        .containsExactly(reference, within(EPS));
  }

  @Test
  void manyDrawsConcentrateOnTheArgmax() {
    double[] reference = {0.25, 0.25, 0.25, 0.25};
    double[] many = BestOfN.probabilities(new double[] {0.3, 2.5, -1, 2.4}, reference, 10_000);
    assertThat(many[1]).isCloseTo(1, within(EPS));
    double[] some = BestOfN.probabilities(new double[] {0.3, 2.5, -1, 2.4}, reference, 64);
    assertThat(some[1]).isEqualTo(1 - Math.pow(0.75, 64), within(EPS));
  }

  @Test
  void exactKlApproachesTheContinuousValueOnALargePool() {
    int k = 2000;
    double[] reward = new double[k];
    double[] reference = new double[k];
    for (int i = 0; i < k; i++) {
      reward[i] = (i * 7919) % k;
      reference[i] = 1.0 / k;
    }
    for (int n : new int[] {2, 4, 16}) {
      double kl = Divergence.kl(BestOfN.probabilities(reward, reference, n), reference);
      assertThat(kl)
          .isLessThan(BestOfN.continuousKl(n))
          .isCloseTo(BestOfN.continuousKl(n), within(0.01));
    }
  }

  @Test
  void refusesNoDrawsAndMismatchedLengths() {
    assertThatThrownBy(() -> BestOfN.probabilities(new double[] {1, 2}, new double[] {0.5, 0.5}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("n >= 1");
    assertThatThrownBy(() -> BestOfN.probabilities(new double[] {1, 2}, new double[] {1}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 rewards and 1 probabilities");
  }

  @Test
  void binaryRewardSharesTheTopLevelEvenlyAsTheHandWorkedPool() {
    // A binary reference (say, the truthful flag) over four candidates, two of them 1: uniform π₀,
    // n = 2. The top level {y0, y1} has F = 1, F⁻ = 1/2: P₂ = 1 − 1/4 = 3/4, 3/8 each; the bottom
    // level keeps (1/2)² = 1/4, 1/8 each.
    double[] p =
        BestOfN.probabilities(new double[] {1, 1, 0, 0}, new double[] {0.25, 0.25, 0.25, 0.25}, 2);
    assertThat(p[0]).isCloseTo(3.0 / 8, within(EPS));
    assertThat(p[1]).isCloseTo(3.0 / 8, within(EPS));
    assertThat(p[2]).isCloseTo(1.0 / 8, within(EPS));
    assertThat(p[3]).isCloseTo(1.0 / 8, within(EPS));
  }

  @Test
  void tiesMatchDrawingNAndPickingUniformlyAmongTheDrawnMaxima() {
    // Every one of the 4³ ordered draws of n = 3 from π₀, enumerated exactly: the draw's
    // probability is shared evenly among its positions holding the highest reward.
    double[] reward = {2, 1, 2, 0};
    double[] reference = {0.1, 0.2, 0.3, 0.4};
    int n = 3;
    double[] expected = new double[4];
    for (int code = 0; code < 64; code++) {
      int[] draw = {code % 4, code / 4 % 4, code / 16};
      double chance = 1;
      double best = Double.NEGATIVE_INFINITY;
      for (int c : draw) {
        chance *= reference[c];
        best = Math.max(best, reward[c]);
      }
      int atBest = 0;
      for (int c : draw) {
        atBest += reward[c] == best ? 1 : 0;
      }
      for (int c : draw) {
        if (reward[c] == best) {
          expected[c] += chance / atBest;
        }
      }
    }
    assertThat(BestOfN.probabilities(reward, reference, n)).containsExactly(expected, within(EPS));
  }
}
