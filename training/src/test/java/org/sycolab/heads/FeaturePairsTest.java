package org.sycolab.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sycolab.data.Label;
import org.sycolab.data.PairText;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Turn;

class FeaturePairsTest {

  private static final List<PreferencePair> PAIRS =
      List.of(
          new PreferencePair(
              "p1", List.of(Turn.user("Is 7 prime?")), "Yes.", "No.", Label.GROUNDED, Map.of()),
          new PreferencePair(
              "p2", List.of(Turn.user("Is 8 prime?")), "No.", "Yes.", Label.GROUNDED, Map.of()));

  /** Each text of the pairs, as the embedding made it (other objects, equal content). */
  private static final Map<PairText, float[]> BY_TEXT =
      Map.of(
          new PairText(List.of(Turn.user("Is 7 prime?")), "Yes."), new float[] {1, 2},
          new PairText(List.of(Turn.user("Is 7 prime?")), "No."), new float[] {3, 4},
          new PairText(List.of(Turn.user("Is 8 prime?")), "No."), new float[] {5, 6},
          new PairText(List.of(Turn.user("Is 8 prime?")), "Yes."), new float[] {7, 8});

  @Test
  void pairsFoundByTextOrByContentKeyAreTheSame() {
    Map<String, float[]> byKey = new HashMap<>();
    BY_TEXT.forEach((text, vector) -> byKey.put(text.contentKey(), vector));
    FeaturePairs byText = FeaturePairs.lookup(PAIRS, BY_TEXT::get);
    assertThat(byText.dimension()).isEqualTo(2);
    assertThat(byText.values()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(FeaturePairs.lookup(PAIRS, byKey).values()).containsExactly(byText.values());
  }

  @Test
  void aTextWithoutAVectorNamesItsPair() {
    Map<PairText, float[]> some = new HashMap<>(BY_TEXT);
    some.remove(new PairText(List.of(Turn.user("Is 8 prime?")), "Yes."));
    assertThatThrownBy(() -> FeaturePairs.lookup(PAIRS, some::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no features for a response of pair 'p2'");
    assertThatThrownBy(() -> FeaturePairs.lookup(PAIRS, Map.<String, float[]>of()))
        .hasMessage("no features for a response of pair 'p1'");
  }
}
