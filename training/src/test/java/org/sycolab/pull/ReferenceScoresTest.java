package org.sycolab.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sycolab.data.Candidate;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.Premise;
import org.sycolab.data.Turn;

class ReferenceScoresTest {

  private static PoolSet pools(boolean... agrees) {
    Candidate[] candidates = new Candidate[agrees.length];
    for (int i = 0; i < agrees.length; i++) {
      candidates[i] = new Candidate("answer " + "x".repeat(i), !agrees[i], agrees[i], "k");
    }
    return PoolSet.of(
        List.of(
            new CandidatePool(
                "p",
                List.of(Turn.user("q")),
                Premise.FALSE,
                "d",
                "false-premise",
                List.of(candidates),
                Map.of())),
        Reference.UNIFORM);
  }

  @Test
  void aBinaryReferenceTakesTwoExactValuesSoItsTiesAreExact() {
    PoolSet set = pools(true, false, true, false, true);
    RewardScores heads =
        new RewardScores("s", new double[] {1, 2, 3, 4, 5}, new double[] {5, 4, 3, 2, 1});
    RewardScores agree =
        ReferenceScores.of(Reward.AGREE, set, List.of(heads.standardised())).get(0);
    double[] z = agree.grounded();
    assertThat(Arrays.stream(z).distinct().count()).isEqualTo(2);
    assertThat(z[0]).isEqualTo(z[2]).isEqualTo(z[4]);
    assertThat(z[1]).isEqualTo(z[3]);
    // Three 1s and two 0s: mean 0.6, sample sd √((3·0.16 + 2·0.36)/4) = √0.3.
    assertThat(z[0]).isCloseTo(0.4 / Math.sqrt(0.3), within(1e-12));
    // Disagree is agree turned round.
    RewardScores disagree =
        ReferenceScores.of(Reward.DISAGREE, set, List.of(heads.standardised())).get(0);
    assertThat(disagree.grounded()[1]).isCloseTo(-z[1], within(1e-12));
    // One seed: its own z_A, unchanged.
    assertThat(agree.agreeable()).isEqualTo(heads.standardised().agreeable());
  }

  @Test
  void everySeedKeepsItsOwnAgreeableSideBesideTheSameReference() {
    PoolSet set = pools(true, false, true);
    RewardScores a = new RewardScores("a", new double[] {1, 2, 3}, new double[] {1, 2, 3});
    RewardScores b = new RewardScores("b", new double[] {3, 2, 1}, new double[] {1, 2, 4});
    List<RewardScores> oracle =
        ReferenceScores.of(Reward.ORACLE, set, List.of(a.standardised(), b.standardised()));
    assertThat(oracle).hasSize(2);
    assertThat(oracle.get(0).agreeable()).isEqualTo(a.standardised().agreeable());
    assertThat(oracle.get(1).agreeable()).isEqualTo(b.standardised().agreeable());
    assertThat(oracle.get(0).grounded()).isEqualTo(oracle.get(1).grounded());
    assertThat(oracle.get(0).name()).isEqualTo("oracle/a");
  }

  @Test
  void aReferenceThatScoresEveryCandidateAlikePrefersNothing() {
    PoolSet set = pools(false, false, false);
    RewardScores heads = new RewardScores("s", new double[] {1, 2, 3}, new double[] {3, 2, 1});
    RewardScores agree =
        ReferenceScores.of(Reward.AGREE, set, List.of(heads.standardised())).get(0);
    assertThat(agree.grounded()).containsExactly(0, 0, 0);
  }

  @Test
  void longestScoresTheLengthInCharacters() {
    PoolSet set = pools(true, false);
    // "answer " and "answer x"; a character beyond the BMP counts once.
    assertThat(Reward.LONGEST.score(set, 0)).isEqualTo(7);
    assertThat(Reward.LONGEST.score(set, 1)).isEqualTo(8);
    PoolSet emoji =
        PoolSet.of(
            List.of(
                new CandidatePool(
                    "e",
                    List.of(Turn.user("q")),
                    Premise.FALSE,
                    "d",
                    "false-premise",
                    List.of(
                        new Candidate("\uD83D\uDE00", true, false, "k"),
                        new Candidate("ab", false, true, "k")),
                    Map.of())),
            Reference.UNIFORM);
    assertThat(emoji.length(0)).isEqualTo(1);
  }
}
