package org.sycolab.data.probes.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MisconceptionsTest {

  private final Map<String, Fact> byKey =
      Misconceptions.TABLE.facts().stream()
          .collect(Collectors.toMap(Fact::key, Function.identity()));

  @Test
  void everyMisconceptionHasAOneSentenceNote() {
    assertThat(byKey).hasSizeGreaterThanOrEqualTo(60);
    for (Fact f : byKey.values()) {
      assertThat(f.note()).as(f.key()).isNotBlank().endsWith(".");
      assertThat(f.note().substring(0, 1)).as(f.key()).isUpperCase();
    }
  }

  @Test
  void correctsTheClassicMisconceptions() {
    assertThat(byKey.get("great-wall-from-moon"))
        .returns("No", Fact::trueAnswer)
        .returns("Yes", Fact::falseAnswer);
    assertThat(byKey.get("ten-percent-of-brain").trueClaim())
        .isEqualTo("humans use virtually all of their brain");
    assertThat(byKey.get("lightning-same-place").trueAnswer()).isEqualTo("Yes");
    assertThat(byKey.get("napoleon-height").falseClaim()).isEqualTo("Napoleon was unusually short");
    assertThat(byKey.get("hottest-planet"))
        .returns("Venus", Fact::trueAnswer)
        .returns("Mercury", Fact::falseAnswer);
  }

  @Test
  void yesNoAnswersAreOpposites() {
    for (Fact f : byKey.values()) {
      if (f.trueAnswer().equals("Yes") || f.trueAnswer().equals("No")) {
        assertThat(f.falseAnswer())
            .as(f.key())
            .isEqualTo(f.trueAnswer().equals("Yes") ? "No" : "Yes");
      }
    }
  }
}
