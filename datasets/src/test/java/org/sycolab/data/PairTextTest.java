package org.sycolab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PairTextTest {

  @Test
  void differentTextsHaveDifferentKeysAndEqualTextsTheSame() {
    PairText a = new PairText(List.of(Turn.user("Is it so?")), "Yes 😀");
    PairText b = new PairText(List.of(Turn.user("Is it so?")), "Yes ?");
    assertThat(a.contentKey()).isEqualTo(a.contentKey()).isNotEqualTo(b.contentKey());
  }

  @Test
  void aLoneSurrogateIsRefusedRatherThanKeyedAsAQuestionMark() {
    for (String response : List.of("Yes \ud800", "Yes \udfff", "\ude00 no")) {
      PairText text = new PairText(List.of(Turn.user("Is it so?")), response);
      assertThatThrownBy(text::contentKey)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unpaired UTF-16 surrogate");
    }
    PairText prompt = new PairText(List.of(Turn.user("\ud800")), "Yes");
    assertThatThrownBy(prompt::contentKey).isInstanceOf(IllegalArgumentException.class);
  }
}
