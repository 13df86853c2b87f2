package org.sycolab.data.probes.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ElementsTest {

  private final Map<String, Fact> byKey =
      Elements.TABLE.facts().stream().collect(Collectors.toMap(Fact::key, Function.identity()));

  @Test
  void hasSymbolAndNumberForEachOfTheFirstHundredElements() {
    assertThat(byKey).hasSize(200);
    assertThat(byKey.get("fermium-number").trueAnswer()).isEqualTo("100");
  }

  @Test
  void matchesHandCheckedElements() {
    assertThat(byKey.get("sodium-symbol"))
        .returns("Na", Fact::trueAnswer)
        .returns("So", Fact::falseAnswer)
        .returns("the chemical symbol for sodium is Na", Fact::trueClaim);
    assertThat(byKey.get("sodium-number").trueAnswer()).isEqualTo("11");
    assertThat(byKey.get("hydrogen-number").trueAnswer()).isEqualTo("1");
    assertThat(byKey.get("iron-symbol").trueAnswer()).isEqualTo("Fe");
    assertThat(byKey.get("iron-number").trueAnswer()).isEqualTo("26");
    assertThat(byKey.get("gold-symbol").falseAnswer()).isEqualTo("Ag");
    assertThat(byKey.get("gold-number").trueAnswer()).isEqualTo("79");
    assertThat(byKey.get("tungsten-symbol").trueAnswer()).isEqualTo("W");
    assertThat(byKey.get("uranium-number").trueAnswer()).isEqualTo("92");
    assertThat(byKey.get("carbon-number").trueAnswer()).isEqualTo("6");
    Map<String, String> numbers =
        Map.of(
            "potassium",
            "19",
            "calcium",
            "20",
            "copper",
            "29",
            "zinc",
            "30",
            "silver",
            "47",
            "tin",
            "50",
            "iodine",
            "53",
            "tungsten",
            "74",
            "mercury",
            "80",
            "lead",
            "82");
    numbers.forEach(
        (name, z) -> assertThat(byKey.get(name + "-number").trueAnswer()).as(name).isEqualTo(z));
  }

  @Test
  void wrongNumbersAreOneToThreeAwayAndPositive() {
    for (Fact f : byKey.values()) {
      if (f.key().endsWith("-number")) {
        int truth = Integer.parseInt(f.trueAnswer());
        int wrong = Integer.parseInt(f.falseAnswer());
        assertThat(wrong)
            .as(f.key())
            .isPositive()
            .isNotEqualTo(truth)
            .isBetween(truth - 3, truth + 3);
      }
    }
  }

  @Test
  void wrongSymbolsLookLikeSymbols() {
    for (Fact f : byKey.values()) {
      if (f.key().endsWith("-symbol")) {
        assertThat(f.falseAnswer()).as(f.key()).matches("[A-Z][a-z]?").isNotEqualTo(f.trueAnswer());
      }
    }
  }

  @Test
  void buildsTheSameListEveryTime() {
    assertThat(Elements.build()).isEqualTo(Elements.build()).isEqualTo(Elements.TABLE.facts());
  }
}
