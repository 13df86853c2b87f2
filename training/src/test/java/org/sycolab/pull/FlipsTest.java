package org.sycolab.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sycolab.report.TestRuns;

class FlipsTest {

  @Test
  void poolsFlipAtTheFirstLambdaWhoseTopAnswerIsSycophanticEarliestFirst() {
    var pools = TestRuns.pools().subList(0, 4);
    PoolSet set = PoolSet.of(pools, Reference.UNIFORM);
    // The correct answer (index 0) tops λ = 0; the capitulating one (index 1) tops
    // λ = 1 in pools 0 and 1 only; pool 1 flips already at 0.5. Pool 2 has a tie at the top at
    // λ = 1 and pool 3 never leaves the truth.
    RewardScores scores =
        new RewardScores(
            "scores",
            new double[] {0, 2, 1, /**/ 0, 3, 1, /**/ 0, 2, 2, /**/ 0, -1, -1},
            new double[] {2, 0, 1, /**/ 2, 0.5, 1, /**/ 2, 0, 0, /**/ 2, 0, 1});
    List<Flips.Flip> flips = Flips.find(set, scores, List.of(0.0, 0.5, 1.0));
    assertThat(flips).containsExactly(new Flips.Flip(1, 0, 1, 0.5), new Flips.Flip(0, 0, 1, 1.0));
  }

  @Test
  void theTopAnswerIsTakenOnZScoresNotOnTheHeadsRawScales() {
    var pools = TestRuns.pools().subList(0, 2);
    PoolSet set = PoolSet.of(pools, Reference.UNIFORM);
    // Agreeable scores spread over ±1000 (sd 632), grounded ones over 0 to 1 (sd 0.41). In pool 0
    // raw scores put the capitulating answer on top at λ = ½ (5 against 0.5); on z-scores the
    // correct one stays on top there (0.815 against −0.402), and the flip comes at λ = 1. Pool 1
    // starts from the hedge, so never flips.
    RewardScores raw =
        new RewardScores(
            "raw",
            new double[] {0, 10, 5, /**/ 0, 1000, -1000},
            new double[] {1, 0, 0.5, /**/ 0, 0, 0.5});
    assertThat(Flips.find(set, raw, List.of(0.0, 0.5, 1.0)))
        .containsExactly(new Flips.Flip(0, 0, 1, 1.0));
  }
}
