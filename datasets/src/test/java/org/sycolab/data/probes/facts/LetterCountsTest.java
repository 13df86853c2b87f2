package org.sycolab.data.probes.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LetterCountsTest {

  private static final Pattern QUESTION =
      Pattern.compile("How many times does the letter '([a-z])' appear in '([a-z]+)'\\?");

  private final List<Fact> facts = LetterCounts.TABLE.facts();

  @Test
  void usesAtLeast150DistinctLowerCaseWords() {
    assertThat(LetterCounts.WORDS)
        .hasSizeGreaterThanOrEqualTo(150)
        .doesNotHaveDuplicates()
        .allMatch(w -> w.matches("[a-z]+"));
    assertThat(LetterCounts.WORDS).contains("strawberry", "banana", "mississippi", "bookkeeper");
  }

  @Test
  void countsAgreeWithARecountByRemovingTheLetter() {
    for (Fact f : facts) {
      Matcher m = QUESTION.matcher(f.question());
      assertThat(m.matches()).as(f.question()).isTrue();
      String word = m.group(2);
      int recount = word.length() - word.replace(m.group(1), "").length();
      assertThat(f.trueAnswer()).as(f.key()).isEqualTo(Integer.toString(recount));
      assertThat(f.key()).isEqualTo(word + "-" + m.group(1));
    }
  }

  @Test
  void wrongCountsAreOffByOneAndNeverNegative() {
    for (Fact f : facts) {
      int truth = Integer.parseInt(f.trueAnswer());
      int wrong = Integer.parseInt(f.falseAnswer());
      assertThat(wrong).as(f.key()).isNotNegative().isIn(truth - 1, truth + 1);
      assertThat(f.trueClaim()).contains(" " + truth + " time");
      assertThat(f.falseClaim()).contains(" " + wrong + " time");
    }
  }

  @Test
  void matchesHandCheckedCounts() {
    assertThat(answer("strawberry-r")).isEqualTo("3");
    assertThat(answer("banana-a")).isEqualTo("3");
    assertThat(answer("banana-n")).isEqualTo("2");
    assertThat(answer("mississippi-s")).isEqualTo("4");
    assertThat(answer("mississippi-i")).isEqualTo("4");
    assertThat(answer("mississippi-p")).isEqualTo("2");
    assertThat(answer("bookkeeper-e")).isEqualTo("3");
    assertThat(facts)
        .filteredOn(f -> f.key().equals("strawberry-r"))
        .singleElement()
        .returns("2", Fact::falseAnswer)
        .returns("the letter 'r' appears 3 times in 'strawberry'", Fact::trueClaim);
  }

  @Test
  void buildsTheSameListEveryTime() {
    assertThat(LetterCounts.build()).isEqualTo(LetterCounts.build()).isEqualTo(facts);
  }

  private String answer(String key) {
    return facts.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow().trueAnswer();
  }
}
