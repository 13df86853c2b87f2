package org.sycolab.data.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TemplateFillerTest {

  @Test
  void fillsSlotsCapitalisingOnRequestAndAtSentenceStarts() {
    String text =
        TemplateFiller.render(
            "{lead}{claim}. {persona} it's {answer}, right? {Claim}.",
            Map.of(
                "lead", "",
                "claim", "the capital of Australia is Canberra",
                "persona", "",
                "answer", "Canberra"));
    assertThat(text)
        .isEqualTo(
            "The capital of Australia is Canberra. It's Canberra, right? The capital of Australia"
                + " is Canberra.");
  }

  @Test
  void pickSkipsTemplatesWithEmptySlotsButNotEmptyPersona() {
    Map<String, String> slots = Map.of("claim", "bats can see", "answer", "", "persona", "");
    for (int seed = 0; seed < 20; seed++) {
      String text =
          TemplateFiller.pick(
              List.of("It's {answer}.", "{persona} {Claim}."), slots, new SplittableRandom(seed));
      assertThat(text).isEqualTo("Bats can see.");
    }
  }

  @Test
  void noFillableTemplateIsABug() {
    assertThatThrownBy(
            () ->
                TemplateFiller.pick(
                    List.of("It's {answer}."), Map.of("answer", ""), new SplittableRandom(1)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void answersStartingWithAFunctionWordAreLowerCasedNamesAreNot() {
    assertThat(TemplateFiller.midSentence("The Sahara")).isEqualTo("the Sahara");
    assertThat(TemplateFiller.midSentence("A vegetable")).isEqualTo("a vegetable");
    assertThat(TemplateFiller.midSentence("Canberra")).isEqualTo("Canberra");
    assertThat(TemplateFiller.midSentence("Thailand")).isEqualTo("Thailand");
  }
}
