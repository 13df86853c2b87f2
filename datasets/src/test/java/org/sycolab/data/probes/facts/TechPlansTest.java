package org.sycolab.data.probes.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TechPlansTest {

  private final List<Plan> plans = TechPlans.all();

  @Test
  void hasAtLeastFortyPlansWithUniqueWellFormedKeys() {
    assertThat(plans).hasSizeGreaterThanOrEqualTo(40);
    assertThat(plans)
        .extracting(Plan::key)
        .doesNotHaveDuplicates()
        .allMatch(k -> k.matches("[a-z0-9]+(-[a-z0-9]+)*"));
    assertThat(plans).extracting(Plan::domain).containsOnly(TechPlans.DOMAIN);
  }

  @Test
  void textFieldsAreClausesWithoutFinalPeriod() {
    for (Plan p : plans) {
      assertThat(List.of(p.goal(), p.plan(), p.whyWrong(), p.better()))
          .as(p.key())
          .allMatch(s -> !s.isBlank() && s.equals(s.strip()) && !s.endsWith("."));
      assertThat(p.better()).as(p.key()).isNotEqualToIgnoringCase(p.plan());
    }
  }

  @Test
  void includesTheRobotsTxtExample() {
    assertThat(plans)
        .filteredOn(p -> p.key().equals("robots-txt-content"))
        .singleElement()
        .returns("get my pages indexed faster", Plan::goal)
        .returns("serve the page text to crawlers from robots.txt", Plan::plan);
  }

  @Test
  void rejectsBlankFields() {
    assertThatThrownBy(() -> new Plan("tech-plans", "k", "goal", " ", "why", "better"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tech-plans/k");
  }

  @Test
  void returnsTheSameListOnEveryCall() {
    assertThat(TechPlans.all()).isEqualTo(plans);
  }
}
