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

/** The reference selectors' rates on a hand-built pool set, worked out by hand below. */
class RewardTest {
  private static final double EPS = 1e-12;
  private static final PoolGroup ALL = PoolGroup.all();

  /**
   * Pool A (premise false): a1 correct (truthful, disagrees, 10 characters), a2 capitulate (agrees,
   * 30), a3 hedge (neither, 20). Pool B (premise true, a control): b1 affirm (truthful, agrees, 5),
   * b2 wrong correction (disagrees, 40), b3 hedge (neither, 15). π₀ is uniform: 1/3 each.
   */
  private static PoolSet pools() {
    return PoolSet.of(
        List.of(
            pool(
                "a",
                Premise.FALSE,
                "false-premise",
                candidate(true, false, 10),
                candidate(false, true, 30),
                candidate(false, false, 20)),
            pool(
                "b",
                Premise.TRUE,
                "true-premise",
                candidate(true, true, 5),
                candidate(false, false, 40),
                candidate(false, false, 15))),
        Reference.UNIFORM);
  }

  /** Heads that disagree with every reference, so that a reference row cannot come from them. */
  private static RewardScores heads(String name, double shift) {
    return new RewardScores(
        name,
        new double[] {1, 3 + shift, 2, 3, 1 + shift, 2},
        new double[] {2, 1, 3, 1, 3, 2 + shift});
  }

  private static PullResult sweep(List<RewardScores> seeds) {
    PullGrid grid = new PullGrid(List.of(0.0, 1.0), List.of(1, 2), List.of(1.0));
    return new PullAnalysis(pools(), grid, 0, 1).run(seeds, done -> {});
  }

  // Best-of-2 under a reward with k of a pool's 3 candidates tied at the top: the top level is
  // reached with 1 − ((3 − k)/3)², shared evenly by its k candidates; the bottom level keeps
  // ((3 − k)/3)², shared by the other 3 − k. For a strict order the shares are 5/9, 3/9, 1/9.

  @Test
  void oracleRatesAreTheHandWorkedValues() {
    // Oracle: the truthful answer alone tops each pool (k = 1): 5/9 on a1 and b1, 2/9 on each
    // other. T = (5/9 + 5/9)/2 = 5/9; regressive = P(a2) = 2/9; progressive = P(b1) = 5/9;
    // contrarian = 4/9.
    PullResult result = sweep(List.of(heads("seed1", 0)));
    Setting bon2 = Setting.bestOfN(0, 2);
    assertThat(value(result, Reward.ORACLE, bon2, PullMetric.TRUTHFUL_RATE))
        .isCloseTo(5.0 / 9, within(EPS));
    assertThat(value(result, Reward.ORACLE, bon2, PullMetric.REGRESSIVE_RATE))
        .isCloseTo(2.0 / 9, within(EPS));
    assertThat(value(result, Reward.ORACLE, bon2, PullMetric.PROGRESSIVE_RATE))
        .isCloseTo(5.0 / 9, within(EPS));
    assertThat(value(result, Reward.ORACLE, bon2, PullMetric.CONTRARIAN_RATE))
        .isCloseTo(4.0 / 9, within(EPS));
    // n = 1 is π₀ whatever the reward: T = 1/3.
    assertThat(value(result, Reward.ORACLE, Setting.bestOfN(0, 1), PullMetric.TRUTHFUL_RATE))
        .isCloseTo(1.0 / 3, within(EPS));
    // The tilt at β = 1: the truthful flag's z-scores over the 6 candidates (two 1s, four 0s):
    // mean 1/3, sample sd √((2·(2/3)² + 4·(1/3)²)/5) = √(4/15), so z(1) − z(0) = 1/√(4/15) = √15/2.
    // Each pool puts e^(√15/2) / (e^(√15/2) + 2) on its truthful answer.
    double lift = Math.exp(Math.sqrt(15) / 2);
    assertThat(value(result, Reward.ORACLE, Setting.tilt(0, 1), PullMetric.TRUTHFUL_RATE))
        .isCloseTo(lift / (lift + 2), within(EPS));
  }

  @Test
  void nullRatesAreTheHandWorkedValues() {
    PullResult result = sweep(List.of(heads("seed1", 0)));
    Setting bon2 = Setting.bestOfN(0, 2);
    // Agree: a2 and b1 top their pools alone: 5/9 each, 2/9 on the others.
    // T = (P(a1) + P(b1))/2 = (2/9 + 5/9)/2 = 7/18; regressive = P(a2) = 5/9; progressive = 5/9.
    assertThat(value(result, Reward.AGREE, bon2, PullMetric.TRUTHFUL_RATE))
        .isCloseTo(7.0 / 18, within(EPS));
    assertThat(value(result, Reward.AGREE, bon2, PullMetric.REGRESSIVE_RATE))
        .isCloseTo(5.0 / 9, within(EPS));
    assertThat(value(result, Reward.AGREE, bon2, PullMetric.PROGRESSIVE_RATE))
        .isCloseTo(5.0 / 9, within(EPS));
    // Disagree: two candidates tie at the top of each pool (k = 2): 1 − (1/3)² = 8/9, 4/9 each;
    // the agreeing one keeps 1/9. T = (P(a1) + P(b1))/2 = (4/9 + 1/9)/2 = 5/18; regressive = 1/9;
    // progressive = 1/9; contrarian = 8/9.
    assertThat(value(result, Reward.DISAGREE, bon2, PullMetric.TRUTHFUL_RATE))
        .isCloseTo(5.0 / 18, within(EPS));
    assertThat(value(result, Reward.DISAGREE, bon2, PullMetric.REGRESSIVE_RATE))
        .isCloseTo(1.0 / 9, within(EPS));
    assertThat(value(result, Reward.DISAGREE, bon2, PullMetric.PROGRESSIVE_RATE))
        .isCloseTo(1.0 / 9, within(EPS));
    assertThat(value(result, Reward.DISAGREE, bon2, PullMetric.CONTRARIAN_RATE))
        .isCloseTo(8.0 / 9, within(EPS));
    // Longest: A orders a1 (10) < a3 (20) < a2 (30), B b1 (5) < b3 (15) < b2 (40): the longest gets
    // 5/9, the middle 3/9, the shortest 1/9. The truthful answers are the shortest in both:
    // T = 1/9; regressive = P(a2) = 5/9; progressive = P(b1) = 1/9.
    assertThat(value(result, Reward.LONGEST, bon2, PullMetric.TRUTHFUL_RATE))
        .isCloseTo(1.0 / 9, within(EPS));
    assertThat(value(result, Reward.LONGEST, bon2, PullMetric.REGRESSIVE_RATE))
        .isCloseTo(5.0 / 9, within(EPS));
    assertThat(value(result, Reward.LONGEST, bon2, PullMetric.PROGRESSIVE_RATE))
        .isCloseTo(1.0 / 9, within(EPS));
    // The pull is measured within each reward, from its own λ = 0.
    assertThat(value(result, Reward.AGREE, bon2, PullMetric.PULL)).isZero();
  }

  @Test
  void referenceRowsDoNotDependOnTheNumberOfHeadSeeds() {
    PullResult one = sweep(List.of(heads("seed1", 0)));
    PullResult three = sweep(List.of(heads("seed1", 0), heads("seed2", 0.7), heads("seed3", -0.4)));
    for (Reward reward : Reward.references()) {
      List<Estimate> ofOne = rows(one, reward);
      List<Estimate> ofThree = rows(three, reward);
      // One copy of each reference: the same rows whatever the number of seeds.
      assertThat(ofThree.stream().map(e -> List.of(e.setting(), e.metric(), e.group())).toList())
          .isEqualTo(ofOne.stream().map(e -> List.of(e.setting(), e.metric(), e.group())).toList());
      // At λ = 0 only the reference selects: every rate is the same (approval reads z_A).
      for (int i = 0; i < ofOne.size(); i++) {
        Estimate e = ofOne.get(i);
        if (e.setting().lambda() == 0 && e.metric() != PullMetric.APPROVAL) {
          assertThat(ofThree.get(i).value()).as(e.toString()).isCloseTo(e.value(), within(1e-12));
        }
      }
    }
    // At λ = 1 only the agreeable heads select: every reward equals the heads' own rows.
    for (Estimate mixed : rows(three, Reward.MIXED)) {
      if (mixed.setting().lambda() == 1 && mixed.metric() != PullMetric.PULL) {
        for (Reward reward : Reward.references()) {
          Estimate same =
              rows(three, reward).stream()
                  .filter(
                      e ->
                          e.setting().equals(mixed.setting())
                              && e.metric() == mixed.metric()
                              && e.group().equals(mixed.group()))
                  .findFirst()
                  .orElseThrow();
          assertThat(same.value()).as(same.toString()).isCloseTo(mixed.value(), within(1e-12));
        }
      }
    }
    // No spread across seeds for a reference: it is swept once.
    assertThat(three.seeds()).allMatch(s -> s.reward() == Reward.MIXED).isNotEmpty();
    assertThat(three.tipping().stream().filter(t -> t.reward() == Reward.ORACLE))
        .hasSize(one.tipping().stream().filter(t -> t.reward() == Reward.ORACLE).toList().size());
  }

  @Test
  void sameSeedGivesTheSameReferenceRows() {
    PullGrid grid = new PullGrid(List.of(0.0, 0.5, 1.0), List.of(2), List.of(1.0));
    PullAnalysis analysis = new PullAnalysis(pools(), grid, 100, 4);
    List<RewardScores> seeds = List.of(heads("seed1", 0), heads("seed2", 0.5));
    PullResult first = analysis.run(seeds, done -> {});
    PullResult again = analysis.run(seeds, done -> {});
    assertThat(again.estimates()).isEqualTo(first.estimates());
    assertThat(again.tipping()).isEqualTo(first.tipping());
  }

  private static List<Estimate> rows(PullResult result, Reward reward) {
    return result.estimates().stream().filter(e -> e.reward() == reward).toList();
  }

  private static double value(
      PullResult result, Reward reward, Setting setting, PullMetric metric) {
    Estimate estimate = PullAnalysisTest.find(result, reward, setting, metric, ALL);
    assertThat(estimate).as(reward + " " + setting + " " + metric).isNotNull();
    return estimate.value();
  }

  private static Candidate candidate(boolean truthful, boolean agrees, int length) {
    return new Candidate("x".repeat(length), truthful, agrees, "k");
  }

  private static CandidatePool pool(
      String id, Premise premise, String family, Candidate... candidates) {
    return new CandidatePool(
        id,
        List.of(Turn.user("question " + id)),
        premise,
        "d",
        family,
        List.of(candidates),
        Map.of());
  }
}
