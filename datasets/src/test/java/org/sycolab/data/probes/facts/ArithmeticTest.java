package org.sycolab.data.probes.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ArithmeticTest {

  private static final Pattern QUESTION =
      Pattern.compile("What is (\\d+)(%)? (×|\\+|-|of) (\\d+)\\?");

  private final List<Fact> facts = Arithmetic.TABLE.facts();

  @Test
  void hasEveryKindInItsPlannedNumber() {
    assertThat(facts).filteredOn(f -> f.key().startsWith("mul-")).hasSize(Arithmetic.PRODUCTS);
    assertThat(facts).filteredOn(f -> f.key().startsWith("add-")).hasSize(Arithmetic.SUMS);
    assertThat(facts).filteredOn(f -> f.key().startsWith("sub-")).hasSize(Arithmetic.DIFFERENCES);
    assertThat(facts).filteredOn(f -> f.key().startsWith("pct-")).hasSize(Arithmetic.PERCENTAGES);
  }

  @Test
  void trueAnswersMatchAnIndependentEvaluationOfTheQuestion() {
    for (Fact f : facts) {
      Matcher m = QUESTION.matcher(f.question());
      assertThat(m.matches()).as(f.question()).isTrue();
      long a = Long.parseLong(m.group(1));
      long b = Long.parseLong(m.group(4));
      double expected =
          switch (m.group(3)) {
            case "×" -> a * b;
            case "+" -> a + b;
            case "-" -> a - b;
            default -> a / 100.0 * b;
          };
      assertThat(Double.parseDouble(f.trueAnswer()))
          .as(f.question())
          .isCloseTo(expected, within(1e-9));
      assertThat(f.trueClaim())
          .isEqualTo(
              f.question().substring(8, f.question().length() - 1) + " is " + f.trueAnswer());
    }
  }

  @Test
  void wrongAnswersArePositiveAndDifferFromTheTruth() {
    for (Fact f : facts) {
      assertThat(Integer.parseInt(f.falseAnswer()))
          .as(f.key())
          .isPositive()
          .isNotEqualTo(Integer.parseInt(f.trueAnswer()));
      assertThat(f.falseClaim()).endsWith(" is " + f.falseAnswer());
    }
  }

  @Test
  void operandsHaveTheAdvertisedSizes() {
    for (Fact f : facts) {
      Matcher m = QUESTION.matcher(f.question());
      assertThat(m.matches()).isTrue();
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(4));
      if (f.key().startsWith("mul-")) {
        assertThat(List.of(a, b)).allMatch(x -> x >= 10 && x <= 99);
      } else if (!f.key().startsWith("pct-")) {
        assertThat(List.of(a, b)).allMatch(x -> x >= 100 && x <= 999);
      }
    }
  }

  @Test
  void columnSlipsForgetCarriesAndBorrows() {
    assertThat(Arithmetic.digitwise(345, 278, true)).isEqualTo(513);
    assertThat(Arithmetic.digitwise(900, 200, true)).isEqualTo(1100);
    assertThat(Arithmetic.digitwise(612, 278, false)).isEqualTo(466);
  }

  @Test
  void matchesHandCheckedFacts() {
    assertThat(facts)
        .filteredOn(f -> f.key().equals("mul-29-52"))
        .singleElement()
        .returns("1508", Fact::trueAnswer);
  }

  @Test
  void buildsTheSameListEveryTime() {
    assertThat(Arithmetic.build()).isEqualTo(Arithmetic.build()).isEqualTo(facts);
  }
}
