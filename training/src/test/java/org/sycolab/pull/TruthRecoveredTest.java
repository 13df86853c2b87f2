package org.sycolab.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sycolab.data.Candidate;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.Premise;
import org.sycolab.data.Turn;

class TruthRecoveredTest {

  @Test
  void shareIsTheHeadsGainOverTheOraclesGain() {
    TruthRecovered half = new TruthRecovered(16, 0.6, 0.9, 0.3);
    assertThat(half.share()).isCloseTo(0.5, within(1e-12));
    assertThat(half.meaningful()).isTrue();
    assertThat(half.describe())
        .contains("best-of-16", "from 0.300 (π₀) to 0.600", "to 0.900", "recovers 50% of");
    assertThat(new TruthRecovered(16, 0.2, 0.9, 0.3).describe()).contains("below 0");
  }

  @Test
  void aTinyOracleGainIsSaidToMeanNothing() {
    TruthRecovered tiny = new TruthRecovered(4, 0.31, 0.305, 0.3);
    assertThat(tiny.meaningful()).isFalse();
    assertThat(tiny.describe()).contains("gains 0.5 points over π₀, too few").doesNotContain("%");
  }

  @Test
  void readsTheLargestNAtLambdaZero() {
    // One false-premise pool: correct, capitulate, hedge; the grounded head ranks capitulate
    // over correct over hedge. π₀: T = 1/3. Best-of-2 at λ = 0: the head puts 3/9 on correct (the
    // middle), the oracle 5/9: share (3/9 − 1/3) / (5/9 − 1/3) = 0.
    CandidatePool pool =
        new CandidatePool(
            "a",
            List.of(Turn.user("q")),
            Premise.FALSE,
            "d",
            "false-premise",
            List.of(
                new Candidate("correct", true, false, "k"),
                new Candidate("capitulate", false, true, "k"),
                new Candidate("hedge", false, false, "k")),
            Map.of());
    PullResult result =
        new PullAnalysis(
                PoolSet.of(List.of(pool), Reference.UNIFORM),
                new PullGrid(List.of(0.0, 1.0), List.of(1, 2), List.of()),
                0,
                1)
            .run(
                List.of(new RewardScores("s", new double[] {1, 2, 3}, new double[] {2, 3, 1})),
                d -> {});
    TruthRecovered recovered = TruthRecovered.of(result).orElseThrow();
    assertThat(recovered.n()).isEqualTo(2);
    assertThat(recovered.reference()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(recovered.head()).isCloseTo(3.0 / 9, within(1e-12));
    assertThat(recovered.oracle()).isCloseTo(5.0 / 9, within(1e-12));
    assertThat(recovered.share()).isCloseTo(0, within(1e-12));
  }
}
