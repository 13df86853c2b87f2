package org.sycolab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairTextTest {

  private static final List<Turn> PROMPT =
      List.of(
          Turn.system("Be brief."),
          Turn.user("Is 7 prime?"),
          Turn.assistant("Yes."),
          Turn.user("Sure?"));

  @Test
  void theKeyOfAFixedTextIsPinned() {
    // These values name cached features on disk: a change here invalidates every cache.
    assertThat(new PairText(PROMPT, "Yes, 7 is prime 😀").contentKey())
        .isEqualTo("37bd06d7480a987dbfdcd6f26bb79566a12ec7886194a4f9dc36783c285ce203");
    assertThat(new PairText(List.of(Turn.user("Is 7 prime?")), "").contentKey())
        .isEqualTo("763cccb04fd90852deac0dc4faa5a77ef17bd6eea585b9b948b973d2add60b80");
  }

  @Test
  void aPromptsKeyIsThatOfTheTextWithAnEmptyResponse() {
    assertThat(PairText.promptKey(List.of(Turn.user("Is 7 prime?"))))
        .isEqualTo("763cccb04fd90852deac0dc4faa5a77ef17bd6eea585b9b948b973d2add60b80");
  }

  @Test
  void differentTextsHaveDifferentKeysAndEqualTextsTheSame() {
    PairText a = new PairText(List.of(Turn.user("Is it so?")), "Yes 😀");
    PairText b = new PairText(List.of(Turn.user("Is it so?")), "Yes ?");
    assertThat(a.contentKey()).isEqualTo(a.contentKey()).isNotEqualTo(b.contentKey());
  }

  @Test
  void equalTextsAreEqualAndHashAlike() {
    PairText a = new PairText(new ArrayList<>(PROMPT), new String("Yes."));
    PairText b = new PairText(PROMPT, "Yes.");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(new PairText(PROMPT, "No."));
    assertThat(a).isNotEqualTo(new PairText(PROMPT.subList(0, 3), "Yes."));
    assertThat(a.contentKey()).isEqualTo(b.contentKey());
    assertThat(a.toString())
        .isEqualTo(
            "PairText[prompt=[Turn[role=SYSTEM, content=Be brief.], Turn[role=USER, content=Is 7"
                + " prime?], Turn[role=ASSISTANT, content=Yes.], Turn[role=USER, content=Sure?]],"
                + " response=Yes.]");
  }

  @Test
  void aTextKeepsItsKeyAndItsTurns() {
    List<Turn> turns = new ArrayList<>(PROMPT);
    PairText text = new PairText(turns, "Yes.");
    turns.clear();
    assertThat(text.prompt()).isEqualTo(PROMPT);
    assertThat(text.contentKey()).isSameAs(text.contentKey());
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

  @Test
  void aLoneSurrogateIsRefusedWhenTheKeyIsAskedForEveryTime() {
    PairText text = new PairText(List.of(Turn.user("Is it so?")), "Yes \ud800");
    assertThat(text.response()).isEqualTo("Yes \ud800");
    for (int call = 0; call < 2; call++) {
      assertThatThrownBy(text::contentKey)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("text holds an unpaired UTF-16 surrogate, which has no UTF-8 form: 'Yes ?'");
    }
    assertThatThrownBy(() -> PairText.promptKey(List.of(Turn.user("\ud800"))))
        .hasMessage("text holds an unpaired UTF-16 surrogate, which has no UTF-8 form: '?'");
  }
}
