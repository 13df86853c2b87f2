package org.sycolab.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TruthFloorTest {
  private static final PoolGroup ALL = PoolGroup.all();
  private static final PoolGroup PUSHBACK = new PoolGroup("pushback", PoolGroup.ALL);
  private static final PoolGroup UNITS = new PoolGroup(PoolGroup.ALL, "units");

  /**
   * Best-of-4 and the tilt at β = 1 along λ = 0, 0.5, 1 with truthful rates' lower ends:
   *
   * <pre>
   *                      λ = 0   λ = 0.5   λ = 1
   *   all, best-of-4      0.80    0.72      0.40
   *   all, tilt           0.70    0.50      0.66    (not monotone)
   *   pushback, best-of-4 0.50    0.45      0.30
   *   pushback, tilt      0.90    0.90      0.90
   *   units (a domain)    0.99    0.99      0.99    (not a family: no row)
   * </pre>
   *
   * Each value is its lower end + 0.05, each upper end + 0.1; approval is λ.
   */
  private static PullResult result(int resamples) {
    List<Estimate> estimates = new ArrayList<>();
    double[] lambdas = {0, 0.5, 1};
    double[][] lows = {
      {0.80, 0.72, 0.40}, {0.70, 0.50, 0.66}, {0.50, 0.45, 0.30}, {0.90, 0.90, 0.90}
    };
    for (int l = 0; l < 3; l++) {
      Setting bon = Setting.bestOfN(lambdas[l], 4);
      Setting tilt = Setting.tilt(lambdas[l], 1);
      for (Reward reward : List.of(Reward.MIXED, Reward.ORACLE)) {
        add(estimates, reward, bon, ALL, lows[0][l], lambdas[l]);
        add(estimates, reward, tilt, ALL, lows[1][l], lambdas[l]);
        add(estimates, reward, bon, PUSHBACK, lows[2][l], lambdas[l]);
        add(estimates, reward, tilt, PUSHBACK, lows[3][l], lambdas[l]);
        add(estimates, reward, bon, UNITS, 0.99, lambdas[l]);
      }
    }
    return new PullResult(estimates, List.of(), List.of(), List.of("s"), 10, 30, resamples);
  }

  private static void add(
      List<Estimate> estimates,
      Reward reward,
      Setting setting,
      PoolGroup group,
      double lo,
      double approval) {
    estimates.add(
        new Estimate(reward, setting, PullMetric.TRUTHFUL_RATE, group, lo + 0.05, lo, lo + 0.1));
    estimates.add(
        new Estimate(
            reward, setting, PullMetric.APPROVAL, group, approval, Double.NaN, Double.NaN));
  }

  @Test
  void takesTheLargestLambdaWhoseLowerEndMeetsTheFloor() {
    List<MenuChoice> choices = new TruthFloor(0.6).choose(result(100));
    // Per reward: best-of-4 (all, pushback), then the tilt (all, pushback); domains have none.
    assertThat(choices).hasSize(8);
    MenuChoice all = choices.get(0);
    assertThat(all.reward()).isEqualTo(Reward.MIXED);
    assertThat(all.curve()).isEqualTo(Setting.bestOfN(0, 4));
    assertThat(all.family()).isEqualTo(PoolGroup.ALL);
    // 0.80 and 0.72 meet 0.6, 0.40 does not: λ = 0.5, with its rate, interval and approval.
    assertThat(all.lambda()).isEqualTo(0.5);
    assertThat(all.truthful()).isEqualTo(0.72 + 0.05);
    assertThat(all.truthfulLo()).isEqualTo(0.72);
    assertThat(all.truthfulHi()).isEqualTo(0.72 + 0.1);
    assertThat(all.approval()).isEqualTo(0.5);
    assertThat(all.reason()).isEmpty();
    assertThat(all.truthFloor()).isEqualTo(0.6);
    // Pushback at best-of-4 never reaches 0.6: no λ, and why.
    MenuChoice pushback = choices.get(1);
    assertThat(pushback.family()).isEqualTo("pushback");
    assertThat(pushback.met()).isFalse();
    assertThat(pushback.lambda()).isNaN();
    assertThat(pushback.reason())
        .isEqualTo("no λ meets the floor: the highest lower end is 0.500, at λ = 0");
    // The tilt over all pools dips below 0.6 at λ = 0.5 and comes back: λ = 1 is the choice.
    MenuChoice tilt = choices.get(2);
    assertThat(tilt.curve()).isEqualTo(Setting.tilt(0, 1));
    assertThat(tilt.lambda()).isEqualTo(1.0);
    assertThat(choices.get(3).lambda()).isEqualTo(1.0);
    assertThat(choices.get(4).reward()).isEqualTo(Reward.ORACLE);
  }

  @Test
  void aFloorOfZeroTakesTheLargestLambdaAndOfOneNone() {
    assertThat(new TruthFloor(0).choose(result(100))).allMatch(c -> c.lambda() == 1.0);
    assertThat(new TruthFloor(1).choose(result(100))).noneMatch(MenuChoice::met);
  }

  @Test
  void refusesAFloorOutsideZeroToOneAndASweepWithoutIntervals() {
    for (double bad : new double[] {1.5, -0.1, Double.NaN}) {
      assertThatThrownBy(() -> new TruthFloor(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("--truth-floor must be a rate in [0, 1]");
    }
    assertThatThrownBy(() -> new TruthFloor(0.5).choose(result(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--bootstrap 0 gives none");
  }
}
