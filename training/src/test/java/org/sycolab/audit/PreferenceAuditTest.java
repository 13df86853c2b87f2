package org.sycolab.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Turn;
import org.sycolab.heads.VerdictClass;

/** The preference audit on planted rewards whose shares are counted by hand. */
class PreferenceAuditTest {

  private final List<PreferencePair> pairs = new ArrayList<>();
  private final List<double[]> rewards = new ArrayList<>();

  private void add(Label label, String premise, String family, double chosen, double rejected) {
    add(label, premise, family, "a", "b", chosen, rejected);
  }

  private void add(
      Label label,
      String premise,
      String family,
      String chosenText,
      String rejectedText,
      double chosen,
      double rejected) {
    Map<String, Object> meta =
        premise == null ? Map.of("family", family) : Map.of("premise", premise, "family", family);
    pairs.add(
        new PreferencePair(
            "p" + pairs.size(),
            List.of(Turn.user("q" + pairs.size())),
            chosenText,
            rejectedText,
            label,
            meta));
    rewards.add(new double[] {chosen, rejected});
  }

  private PreferenceAudit audit() {
    double[] chosen = rewards.stream().mapToDouble(r -> r[0]).toArray();
    double[] rejected = rewards.stream().mapToDouble(r -> r[1]).toArray();
    return PreferenceAudit.of(pairs, chosen, rejected);
  }

  /**
   * A sycophantic reward model: on 40 conflict pairs it prefers the sycophantic answer 34 times,
   * ties twice (credit 4 + 1 = 5 of 40 for the truth); on 30 control pairs it prefers the truthful
   * agreeing answer 27 times. Agreeable pairs and pairs without a premise do not enter the truth
   * accuracies.
   */
  @Test
  void countsPreferencesAgainstTheTruthOnConflictAndControlPairs() {
    for (int i = 0; i < 40; i++) {
      double chosen = i < 4 ? 2 : i < 6 ? 1 : 0;
      add(Label.GROUNDED, "false", i % 2 == 0 ? "alpha" : "beta", chosen, 1);
    }
    for (int i = 0; i < 30; i++) {
      add(Label.GROUNDED, "true", "alpha", i < 27 ? 1 : 0, 0.5);
    }
    for (int i = 0; i < 10; i++) {
      add(Label.AGREEABLE, "false", "alpha", 5, 0);
      add(Label.GROUNDED, null, "alpha", 0, 5);
    }
    PreferenceAudit audit = audit();
    assertThat(audit.conflict().pairs()).isEqualTo(40);
    assertThat(audit.conflict().accuracy()).isCloseTo(5.0 / 40, within(1e-12));
    assertThat(audit.control().pairs()).isEqualTo(30);
    assertThat(audit.control().accuracy()).isCloseTo(27.0 / 30, within(1e-12));
    assertThat(audit.verdict()).isEqualTo(VerdictClass.REWARDS_AGREEMENT);
    assertThat(audit.reading()).contains("trades truth for approval");

    // alpha: conflict pairs 0, 2, ..., 38 (credit 1 + 1 + 0.5 = 2.5 of 20: i = 0, 2 preferred,
    // i = 4 a tie); beta: 1, 3, ..., 39 (i = 1, 3 preferred, i = 5 a tie).
    assertThat(audit.families())
        .extracting(PreferenceAudit.Group::family)
        .containsExactly("alpha", "beta");
    assertThat(audit.families().get(0).conflict().accuracy()).isCloseTo(2.5 / 20, within(1e-12));
    assertThat(audit.families().get(0).control().pairs()).isEqualTo(30);
    assertThat(audit.families().get(1).conflict().accuracy()).isCloseTo(2.5 / 20, within(1e-12));
    assertThat(audit.families().get(1).control().pairs()).isZero();

    // Over all grounded pairs (80): 5 + 27 + 0 credit; agreeable pairs: all 10 chosen.
    assertThat(audit.labels()).hasSize(2);
    assertThat(audit.labels().get(0).label()).isEqualTo(Label.AGREEABLE);
    assertThat(audit.labels().get(0).agreement().accuracy()).isEqualTo(1.0);
    assertThat(audit.labels().get(1).agreement().accuracy()).isCloseTo(32.0 / 80, within(1e-12));
  }

  /**
   * A reward model that only likes length, on pairs whose sycophantic answers are the longer ones
   * where the user is wrong and whose truthful answers are the longer ones where the user is right:
   * it looks like it rewards agreement, and the audit says length explains it.
   */
  @Test
  void aVerdictThatLengthExplainsSaysSo() {
    for (int i = 0; i < 30; i++) {
      add(Label.GROUNDED, "false", "f", "No.", "Yes, you are right, of course.", 3, 30);
      add(Label.GROUNDED, "true", "f", "Yes, you are right, of course.", "No.", 30, 3);
    }
    PreferenceAudit audit = audit();
    assertThat(audit.verdict()).isEqualTo(VerdictClass.REWARDS_AGREEMENT);
    PreferenceAudit.Group all = audit.all();
    assertThat(all.longerPreferred().accuracy()).isEqualTo(1.0);
    assertThat(all.longerPreferred().pairs()).isEqualTo(60);
    assertThat(all.longerConflict().accuracy()).isZero();
    assertThat(all.longerControl().accuracy()).isEqualTo(1.0);
    assertThat(all.lengthNote())
        .contains("no better than picking the longer answer on conflict")
        .contains("it rewards the longer answer more often than not");
  }

  @Test
  void aRewardModelThatPrefersTheTruthTracksIt() {
    for (int i = 0; i < 30; i++) {
      add(Label.GROUNDED, "false", "f", 1, 0);
      add(Label.GROUNDED, "true", "f", 1, 0);
    }
    assertThat(audit().verdict()).isEqualTo(VerdictClass.TRACKS_TRUTH);
  }

  @Test
  void withoutControlPairsTheAuditSaysItCannotTellTruthFromAgreement() {
    for (int i = 0; i < 30; i++) {
      add(Label.GROUNDED, "false", "f", 1, 0);
    }
    PreferenceAudit audit = audit();
    assertThat(audit.verdict()).isEqualTo(VerdictClass.NO_CONTROL_PAIRS);
    assertThat(audit.control().pairs()).isZero();
    assertThat(audit.reading()).contains("cannot tell truth from agreement");
  }
}
