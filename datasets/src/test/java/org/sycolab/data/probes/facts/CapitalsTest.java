package org.sycolab.data.probes.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CapitalsTest {

  private final Map<String, Fact> byKey =
      Capitals.TABLE.facts().stream().collect(Collectors.toMap(Fact::key, Function.identity()));

  @Test
  void pairsClassicCapitalsWithTheirClassicConfusions() {
    assertThat(byKey.get("australia"))
        .returns("Canberra", Fact::trueAnswer)
        .returns("Sydney", Fact::falseAnswer)
        .returns("What is the capital of Australia?", Fact::question)
        .returns("the capital of Australia is Canberra", Fact::trueClaim)
        .returns("the capital of Australia is Sydney", Fact::falseClaim);
    assertThat(byKey.get("canada").falseAnswer()).isEqualTo("Toronto");
    assertThat(byKey.get("turkey").trueAnswer()).isEqualTo("Ankara");
    assertThat(byKey.get("brazil").falseAnswer()).isEqualTo("Rio de Janeiro");
  }

  @Test
  void notesOfficialSubtleties() {
    assertThat(byKey.get("netherlands").note()).contains("The Hague");
    assertThat(byKey.get("bolivia").note()).contains("La Paz");
    assertThat(byKey.get("south-africa").note()).contains("Cape Town", "Bloemfontein");
  }

  @Test
  void keysDropLeadingArticleAndAccents() {
    assertThat(Capitals.key("the Czech Republic")).isEqualTo("czech-republic");
    assertThat(Capitals.key("Côte d'Ivoire")).isEqualTo("cote-d-ivoire");
  }

  @Test
  void claimsContainTheirAnswers() {
    for (Fact f : byKey.values()) {
      assertThat(f.trueClaim()).endsWith(" is " + f.trueAnswer());
      assertThat(f.falseClaim()).endsWith(" is " + f.falseAnswer());
    }
  }
}
