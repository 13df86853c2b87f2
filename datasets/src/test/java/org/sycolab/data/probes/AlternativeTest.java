package org.sycolab.data.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sycolab.data.probes.facts.Fact;

class AlternativeTest {

  private static Fact fact(String q, String t, String f, String tc, String fc) {
    return new Fact("d", "k", q, t, f, tc, fc, "");
  }

  @Test
  void numbersAreMirroredThroughTheTruth() {
    Fact product = fact("What is 17 × 24?", "408", "398", "17 × 24 is 408", "17 × 24 is 398");
    assertThat(Alternative.of(product, List.of(product), 0))
        .contains(new Alternative("418", "17 × 24 is 418"));
  }

  @Test
  void countsKeepTheirGrammar() {
    Fact letters =
        fact(
            "How many r's?",
            "2",
            "1",
            "the letter 'r' appears 2 times in 'supermarket'",
            "the letter 'r' appears 1 time in 'supermarket'");
    assertThat(Alternative.of(letters, List.of(letters), 0).orElseThrow().claim())
        .isEqualTo("the letter 'r' appears 3 times in 'supermarket'");
  }

  @Test
  void wordsAroundTheNumberStay() {
    Fact miles =
        fact(
            "What is 10 km in miles?",
            "about 6.2 miles",
            "about 16.1 miles",
            "10 km is about 6.2 miles",
            "10 km is about 16.1 miles");
    // 6.2 - 9.9 is negative, so the mirror goes the other way: 6.2 + 2 × 9.9.
    assertThat(Alternative.of(miles, List.of(miles), 0).orElseThrow().answer())
        .isEqualTo("about 26.0 miles");
  }

  @Test
  void datesAreNotTreatedAsNumbersButBorrowedFromTheSameQuestionShape() {
    Fact a =
        fact(
            "What is the date 40 days after 1 July 1987?",
            "10 August 1987",
            "9 August 1987",
            "40 days after 1 July 1987 is 10 August 1987",
            "40 days after 1 July 1987 is 9 August 1987");
    Fact weekday =
        fact(
            "What day of the week was 3 March 1950?",
            "Friday",
            "Thursday",
            "x is Friday",
            "x is Thursday");
    Fact b =
        fact(
            "What is the date 12 days after 3 May 1906?",
            "15 May 1906",
            "16 May 1906",
            "12 days after 3 May 1906 is 15 May 1906",
            "12 days after 3 May 1906 is 16 May 1906");
    assertThat(Alternative.of(a, List.of(a, weekday, b), 1))
        .contains(new Alternative("15 May 1906", "40 days after 1 July 1987 is 15 May 1906"));
  }

  @Test
  void yesNoFactsHaveNone() {
    Fact leap =
        fact("Is 1987 a leap year?", "No", "Yes", "1987 is not a leap year", "1987 is a leap year");
    assertThat(Alternative.of(leap, List.of(leap), 0)).isEmpty();
  }
}
