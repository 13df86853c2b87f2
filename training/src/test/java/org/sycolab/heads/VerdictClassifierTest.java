package org.sycolab.heads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictClassifierTest {

  // Intervals by hand: clear above, clear below, or straddling 0.5; and no pairs.
  private static final TruthAccuracy ABOVE = new TruthAccuracy(100, 0.8, 0.71, 0.87);
  private static final TruthAccuracy BELOW = new TruthAccuracy(100, 0.2, 0.13, 0.29);
  private static final TruthAccuracy CHANCE = new TruthAccuracy(100, 0.52, 0.42, 0.61);
  private static final TruthAccuracy NONE = TruthAccuracy.of(0, 0);

  @Test
  void theFourClearCasesFollowTheRule() {
    assertThat(VerdictClassifier.classify(ABOVE, ABOVE)).isEqualTo(VerdictClass.TRACKS_TRUTH);
    assertThat(VerdictClassifier.classify(BELOW, ABOVE)).isEqualTo(VerdictClass.REWARDS_AGREEMENT);
    assertThat(VerdictClassifier.classify(ABOVE, BELOW))
        .isEqualTo(VerdictClass.REWARDS_DISAGREEMENT);
    assertThat(VerdictClassifier.classify(BELOW, BELOW)).isEqualTo(VerdictClass.PREFERS_FALSE);
    assertThat(VerdictClassifier.describe(ABOVE, BELOW))
        .isEqualTo("rewards disagreement (contrarian)");
  }

  @Test
  void anIntervalThatTouchesHalfIsAtChance() {
    TruthAccuracy touching = new TruthAccuracy(100, 0.6, 0.5, 0.69);
    assertThat(touching.chance()).isEqualTo(TruthAccuracy.Chance.INCLUDES);
    assertThat(VerdictClassifier.classify(CHANCE, CHANCE)).isEqualTo(VerdictClass.NO_SIGNAL);
    assertThat(VerdictClassifier.classify(touching, CHANCE)).isEqualTo(VerdictClass.NO_SIGNAL);
  }

  @Test
  void mixedCasesAreWeakAndSayWhichSideIsClear() {
    assertThat(VerdictClassifier.classify(ABOVE, CHANCE)).isEqualTo(VerdictClass.WEAK);
    assertThat(VerdictClassifier.describe(ABOVE, CHANCE))
        .startsWith("weak: only conflict accuracy above chance");
    assertThat(VerdictClassifier.describe(CHANCE, ABOVE))
        .startsWith("weak: only control accuracy above chance");
    assertThat(VerdictClassifier.describe(BELOW, CHANCE)).contains("leans to agreement");
    assertThat(VerdictClassifier.describe(CHANCE, BELOW)).contains("leans to disagreement");
  }

  @Test
  void withoutControlPairsNoHeadTracksTruth() {
    assertThat(VerdictClassifier.classify(ABOVE, NONE)).isEqualTo(VerdictClass.NO_CONTROL_PAIRS);
    assertThat(VerdictClassifier.classify(NONE, NONE)).isEqualTo(VerdictClass.NO_CONTROL_PAIRS);
    assertThat(VerdictClassifier.describe(ABOVE, NONE)).contains("no control pairs");
    assertThat(VerdictClassifier.classify(NONE, ABOVE)).isEqualTo(VerdictClass.NO_CONFLICT_PAIRS);
  }

  @Test
  void theReadingDependsOnTheLabel() {
    assertThat(VerdictClassifier.reading("grounded", VerdictClass.REWARDS_DISAGREEMENT))
        .contains("not truth lost");
    assertThat(VerdictClassifier.reading("grounded", VerdictClass.TRACKS_TRUTH))
        .contains("can be read as truth lost");
    assertThat(VerdictClassifier.reading("agreeable", VerdictClass.TRACKS_TRUTH))
        .contains("instead of agreement");
    assertThat(VerdictClassifier.reading("mixture:0.5", VerdictClass.TRACKS_TRUTH)).isEmpty();
  }
}
