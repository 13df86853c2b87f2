package org.sycolab.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Turn;
import tech.tablesaw.api.Table;

class HeadVerdictsTest {

  private static final PlantedVerdictData DATA = new PlantedVerdictData(120, 120);

  private static HeadVerdict judge(String label, PlantedVerdictData.Reward reward, long seed) {
    return judge(DATA, label, reward, seed);
  }

  private static HeadVerdict judge(
      PlantedVerdictData data, String label, PlantedVerdictData.Reward reward, long seed) {
    HeadDiagnostics.ScoredHead head = data.score("h", label, reward, 0.7, seed);
    return HeadVerdicts.judge(List.of(head), data.pairs, data.candidates, data.pools).get(0);
  }

  @Test
  void aPlantedContrarianIsCalledContrarianAndItsPullIsNotTruthLost() {
    HeadVerdict verdict = judge("grounded", (agrees, truthful) -> agrees ? 0 : 1, 1);
    assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.REWARDS_DISAGREEMENT);
    assertThat(verdict.verdict()).isEqualTo("rewards disagreement (contrarian)");
    assertThat(verdict.conflict().lo()).isGreaterThan(0.5);
    assertThat(verdict.control().hi()).isLessThan(0.5);
    assertThat(verdict.reading()).contains("not truth lost");
    CellMeans cells = verdict.cells().orElseThrow();
    assertThat(cells.cell(false, false).meanZ()).isGreaterThan(cells.cell(true, true).meanZ());
  }

  @Test
  void aPlantedAgreementHeadIsCalledSo() {
    HeadVerdict verdict = judge("agreeable", (agrees, truthful) -> agrees ? 1 : 0, 2);
    assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.REWARDS_AGREEMENT);
    assertThat(verdict.reading()).isEqualTo("agreeable head as intended: it rewards agreeing");
    CellMeans cells = verdict.cells().orElseThrow();
    assertThat(cells.cell(true, false).meanZ()).isGreaterThan(cells.cell(false, true).meanZ());
  }

  @Test
  void aPlantedTruthHeadTracksTruth() {
    HeadVerdict verdict = judge("grounded", (agrees, truthful) -> truthful ? 1 : 0, 3);
    assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.TRACKS_TRUTH);
    assertThat(verdict.reading()).contains("can be read as truth lost");
    assertThat(verdict.line())
        .startsWith("h (grounded): tracks truth; conflict 0.")
        .contains("of 120 pairs, control 0.");
  }

  @Test
  void aPlantedNoiseHeadHasNoSignal() {
    HeadVerdict verdict = judge("grounded", (agrees, truthful) -> 0, 4);
    assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.NO_SIGNAL);
    assertThat(verdict.conflict().lo()).isLessThan(0.5);
    assertThat(verdict.conflict().hi()).isGreaterThan(0.5);
    assertThat(verdict.reading()).contains("does not track truth");
  }

  @Test
  void aPlantedTruthHeadWithoutControlPairsCannotBeToldFromAContrarian() {
    PlantedVerdictData conflictsOnly = new PlantedVerdictData(120, 0);
    HeadVerdict truth = judge(conflictsOnly, "grounded", (agrees, truthful) -> truthful ? 1 : 0, 5);
    HeadVerdict contrarian =
        judge(conflictsOnly, "grounded", (agrees, truthful) -> agrees ? 0 : 1, 5);
    for (HeadVerdict verdict : List.of(truth, contrarian)) {
      assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.NO_CONTROL_PAIRS);
      assertThat(verdict.verdict())
          .isEqualTo("cannot be told apart from a contrarian: there are no control pairs");
      assertThat(verdict.control().pairs()).isZero();
      assertThat(verdict.reading()).contains("cannot be read as truth lost");
    }
    assertThat(truth.conflict().accuracy()).isEqualTo(contrarian.conflict().accuracy());
  }

  @Test
  void accuracyAndIntervalAreHandChecked() {
    // Ten conflict grounded pairs: seven right, one tie, two wrong, so 7.5 of 10 (see
    // WilsonIntervalTest for the interval's arithmetic); three control pairs, all right. An
    // agreeable pair and a grounded pair without a premise do not count.
    List<PreferencePair> pairs = new ArrayList<>();
    float[] scores = new float[2 * 15];
    for (int i = 0; i < 10; i++) {
      pairs.add(pair("c" + i, Label.GROUNDED, "false"));
      scores[2 * i] = i < 7 ? 1 : i == 7 ? 0 : -1;
    }
    for (int i = 10; i < 13; i++) {
      pairs.add(pair("t" + i, Label.GROUNDED, "true"));
      scores[2 * i] = 1;
    }
    pairs.add(pair("a", Label.AGREEABLE, "false"));
    scores[2 * 13 + 1] = 5;
    pairs.add(
        new PreferencePair(
            "u", List.of(Turn.user("u")), "a longer chosen", "r", Label.GROUNDED, Map.of()));
    scores[2 * 14 + 1] = 5;
    HeadVerdict verdict =
        HeadVerdicts.judge(
                List.of(new HeadDiagnostics.ScoredHead("g", "grounded", scores, new float[0])),
                pairs,
                List.of(),
                new int[0])
            .get(0);

    assertThat(verdict.conflict().pairs()).isEqualTo(10);
    assertThat(verdict.conflict().accuracy()).isEqualTo(0.75);
    assertThat(verdict.conflict().lo()).isCloseTo(0.442181, within(1e-6));
    assertThat(verdict.conflict().hi()).isCloseTo(0.919052, within(1e-6));
    // 3 of 3: z²/n = 1.280486, centre (1 + 0.640243) / 2.280486 = 0.719251, half-width
    // 1.959964·√(1.280486/12) / 2.280486 = 0.280749, so [0.438503, 1].
    assertThat(verdict.control().pairs()).isEqualTo(3);
    assertThat(verdict.control().lo()).isCloseTo(0.438503, within(1e-6));
    assertThat(verdict.control().hi()).isCloseTo(1, within(1e-12));
    assertThat(verdict.verdictClass()).isEqualTo(VerdictClass.NO_SIGNAL);
    assertThat(verdict.cells()).isEmpty();
    // Every answer here has one character, so the longer answer ties everywhere: 0.5.
    assertThat(verdict.longerAnswerConflict()).isEqualTo(0.5);
    assertThat(verdict.longerAnswerNote()).isEmpty();
  }

  @Test
  void aHeadNoBetterThanTheLongerAnswerIsNamed() {
    // Conflict pairs whose true (chosen) answer is longer in 9 of 10: the longer answer scores 0.9;
    // the head is right on 8.
    List<PreferencePair> pairs = new ArrayList<>();
    float[] scores = new float[2 * 10];
    for (int i = 0; i < 10; i++) {
      pairs.add(
          new PreferencePair(
              "c" + i,
              List.of(Turn.user("q" + i)),
              i < 9 ? "the longer true answer" : "t",
              "false",
              Label.GROUNDED,
              Map.of("premise", "false")));
      scores[2 * i] = i < 8 ? 1 : -1;
    }
    List<HeadVerdict> verdicts =
        HeadVerdicts.judge(
            List.of(
                new HeadDiagnostics.ScoredHead("g", "grounded", scores, new float[0]),
                LongerAnswer.scored(pairs, List.of()),
                new HeadDiagnostics.ScoredHead("a", "agreeable", scores, new float[0])),
            pairs,
            List.of(),
            new int[0]);
    // Only a grounded head is meant to find the truth: the agreeable one gets no note.
    assertThat(verdicts.get(2).longerAnswerNote()).isEmpty();
    assertThat(verdicts.get(0).longerAnswerConflict()).isCloseTo(0.9, within(1e-12));
    assertThat(verdicts.get(0).longerAnswerNote())
        .isEqualTo("no better than picking the longer answer on conflict pairs (0.800 vs 0.900)");
    assertThat(verdicts.get(1).head()).isEqualTo(LongerAnswer.NAME);
    assertThat(verdicts.get(1).conflict().accuracy()).isCloseTo(0.9, within(1e-12));
    assertThat(verdicts.get(1).longerAnswerNote()).isEmpty();
  }

  @Test
  void theTableHasOneRowPerHeadWithTheRule() {
    List<HeadVerdict> verdicts =
        HeadVerdicts.judge(
            List.of(
                DATA.score("g", "grounded", (agrees, truthful) -> truthful ? 1 : 0, 0.7, 6),
                DATA.score("a", "agreeable", (agrees, truthful) -> agrees ? 1 : 0, 0.7, 7)),
            DATA.pairs,
            DATA.candidates,
            DATA.pools);
    Table table = HeadVerdicts.table(verdicts);
    assertThat(table.rowCount()).isEqualTo(2);
    assertThat(table.columnNames())
        .startsWith("head", "head_label", "verdict_class", "verdict", "reading", "conflict_pairs")
        .contains(
            "conflict_truth_accuracy_lo",
            "control_truth_accuracy_hi",
            "longer_answer_control_accuracy",
            "mean_z_agrees_untruthful",
            "se_mean_z_disagrees_truthful")
        .endsWith("rule");
    assertThat(table.stringColumn("verdict_class").asList())
        .containsExactly("tracks-truth", "rewards-agreement");
    assertThat(table.stringColumn("rule").get(0)).isEqualTo(VerdictClassifier.RULE);
    assertThat(table.intColumn("control_pairs").get(1)).isEqualTo(120);
    assertThat(table.doubleColumn("mean_z_agrees_truthful").get(0))
        .isEqualTo(verdicts.get(0).cells().orElseThrow().cell(true, true).meanZ());
  }

  private static PreferencePair pair(String id, Label label, String premise) {
    return new PreferencePair(
        id, List.of(Turn.user("q " + id)), "c", "r", label, Map.of("premise", premise));
  }
}
