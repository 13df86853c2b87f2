package org.sycolab.heads;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FiniteScoresTest {

  @Test
  void finiteScoresPass() {
    assertThatCode(
            () -> FiniteScores.require(Path.of("h"), new float[] {0, -3.5f, 1e30f}, i -> "x" + i))
        .doesNotThrowAnyException();
  }

  @Test
  void theFirstNonFiniteScoreIsNamedWithItsInput() {
    float[] scores = {0.5f, Float.NaN, Float.POSITIVE_INFINITY};
    assertThatThrownBy(
            () -> FiniteScores.require(Path.of("heads/g"), scores, i -> "pair 'p" + i + "'"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            Path.of("heads/g")
                + " scores pair 'p1' as NaN; its weights or the features are broken");
  }
}
