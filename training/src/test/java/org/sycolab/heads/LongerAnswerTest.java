package org.sycolab.heads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sycolab.data.Candidate;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Turn;

class LongerAnswerTest {

  @Test
  void itPrefersTheLongerResponseAndTiesEqualLengths() {
    List<PreferencePair> pairs =
        List.of(
            new PreferencePair(
                "1", List.of(Turn.user("q")), "long one", "short", Label.GROUNDED, Map.of()),
            new PreferencePair(
                "2", List.of(Turn.user("q")), "same", "size", Label.GROUNDED, Map.of()));
    HeadDiagnostics.ScoredHead head =
        LongerAnswer.scored(pairs, List.of(new Candidate("four", true, false, "x")));
    assertThat(head.name()).isEqualTo("longer-answer");
    assertThat(head.pairScores()).containsExactly(8, 5, 4, 4);
    assertThat(head.candidateScores()).containsExactly(4);
    // Right on the first pair, a tie on the second.
    assertThat(BradleyTerry.accuracy(head.pairScores())).isEqualTo(0.75);
  }
}
