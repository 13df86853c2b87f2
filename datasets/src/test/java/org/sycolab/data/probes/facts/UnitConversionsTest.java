package org.sycolab.data.probes.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UnitConversionsTest {

  private static final Pattern QUESTION = Pattern.compile("What is (-?\\d+) (.+) in (.+)\\?");
  private static final Pattern ANSWER = Pattern.compile("(about )?(-?\\d+(\\.\\d)?) (.+)");

  /** Conversions recomputed in doubles from the defining factors, keyed by "from>to" plural. */
  private static final Map<String, DoubleUnaryOperator> DOUBLES =
      Map.ofEntries(
          Map.entry("km>miles", x -> x / 1.609344),
          Map.entry("miles>km", x -> x * 1.609344),
          Map.entry("kg>lb", x -> x / 0.45359237),
          Map.entry("lb>kg", x -> x * 0.45359237),
          Map.entry("inches>cm", x -> x * 2.54),
          Map.entry("cm>inches", x -> x / 2.54),
          Map.entry("litres>US gallons", x -> x / 3.785411784),
          Map.entry("US gallons>litres", x -> x * 3.785411784),
          Map.entry("feet>metres", x -> x * 0.3048),
          Map.entry("metres>feet", x -> x / 0.3048),
          Map.entry("°C>°F", x -> x * 9 / 5 + 32),
          Map.entry("°F>°C", x -> (x - 32) * 5 / 9));

  private static final Map<String, String> PLURALS =
      Map.of(
          "mile",
          "miles",
          "inch",
          "inches",
          "litre",
          "litres",
          "US gallon",
          "US gallons",
          "foot",
          "feet",
          "metre",
          "metres");

  private final List<Fact> facts = UnitConversions.TABLE.facts();

  @Test
  void coversEveryConversionInBothDirections() {
    assertThat(facts.stream().map(UnitConversionsTest::direction).distinct())
        .containsExactlyInAnyOrderElementsOf(DOUBLES.keySet());
  }

  @Test
  void answersAgreeWithDoublesWithinTheStatedRounding() {
    for (Fact f : facts) {
      double input = Double.parseDouble(question(f).group(1));
      double expected = DOUBLES.get(direction(f)).applyAsDouble(input);
      Matcher answer = ANSWER.matcher(f.trueAnswer());
      assertThat(answer.matches()).as(f.trueAnswer()).isTrue();
      double stated = Double.parseDouble(answer.group(2));
      double tolerance = answer.group(1) == null ? 1e-9 : 0.05 + 1e-9;
      assertThat(stated).as(f.key()).isCloseTo(expected, within(tolerance));
      assertThat(f.note().contains("rounded")).as(f.key()).isEqualTo(answer.group(1) != null);
    }
  }

  @Test
  void wrongAnswersAreOffByMoreThanTheRounding() {
    for (Fact f : facts) {
      Matcher wrong = ANSWER.matcher(f.falseAnswer());
      Matcher right = ANSWER.matcher(f.trueAnswer());
      assertThat(wrong.matches() && right.matches()).as(f.key()).isTrue();
      assertThat(Math.abs(Double.parseDouble(wrong.group(2)) - Double.parseDouble(right.group(2))))
          .as(f.key())
          .isGreaterThan(0.05);
      assertThat(f.falseClaim()).endsWith(" is " + f.falseAnswer());
      assertThat(f.trueClaim()).endsWith(" is " + f.trueAnswer());
    }
  }

  @Test
  void matchesHandCheckedConversions() {
    Map<String, Fact> byKey =
        facts.stream().collect(Collectors.toMap(Fact::key, Function.identity()));
    assertThat(byKey.get("km-to-miles-10").trueAnswer()).isEqualTo("about 6.2 miles");
    assertThat(byKey.get("km-to-miles-10").falseAnswer()).isEqualTo("about 16.1 miles");
    assertThat(byKey.get("inches-to-cm-10").trueAnswer()).isEqualTo("25.4 cm");
    assertThat(byKey.get("c-to-f-100").trueAnswer()).isEqualTo("212 °F");
    assertThat(byKey.get("c-to-f-100").falseAnswer()).isEqualTo("180 °F");
    assertThat(byKey.get("c-to-f-minus-40").trueAnswer()).isEqualTo("-40 °F");
    assertThat(byKey.get("f-to-c-212").trueAnswer()).isEqualTo("100 °C");
    assertThat(byKey.get("kg-to-lb-10").falseAnswer()).isEqualTo("20 lb");
    assertThat(byKey.get("miles-to-km-1").question()).isEqualTo("What is 1 mile in km?");
  }

  @Test
  void buildsTheSameListEveryTime() {
    assertThat(UnitConversions.build()).isEqualTo(UnitConversions.build()).isEqualTo(facts);
  }

  private static Matcher question(Fact f) {
    Matcher m = QUESTION.matcher(f.question());
    assertThat(m.matches()).as(f.question()).isTrue();
    return m;
  }

  private static String direction(Fact f) {
    Matcher m = question(f);
    return PLURALS.getOrDefault(m.group(2), m.group(2)) + ">" + m.group(3);
  }
}
