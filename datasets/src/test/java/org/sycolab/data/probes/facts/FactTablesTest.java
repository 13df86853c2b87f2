package org.sycolab.data.probes.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactTablesTest {

  private static final Map<String, Integer> MINIMUM_SIZES =
      Map.of(
          "capitals", 120,
          "elements", 180,
          "arithmetic", 600,
          "units", 400,
          "letters", 400,
          "dates", 400,
          "misconceptions", 60);

  @Test
  void listsEveryTableOnceWithItsMinimumSize() {
    assertThat(FactTables.all()).extracting(FactTable::domain).doesNotHaveDuplicates();
    assertThat(FactTables.all())
        .extracting(FactTable::domain)
        .containsExactlyInAnyOrderElementsOf(MINIMUM_SIZES.keySet());
    for (FactTable table : FactTables.all()) {
      assertThat(table.facts())
          .as(table.domain())
          .hasSizeGreaterThanOrEqualTo(MINIMUM_SIZES.get(table.domain()));
    }
  }

  @Test
  void findsTablesByDomainName() {
    assertThat(FactTables.byDomain("capitals")).contains(Capitals.TABLE);
    assertThat(FactTables.byDomain("no-such-domain")).isEmpty();
  }

  @Test
  void keysAreUniqueAndWellFormedWithinEachDomain() {
    for (FactTable table : FactTables.all()) {
      List<String> keys = table.facts().stream().map(Fact::key).toList();
      assertThat(keys)
          .as(table.domain())
          .doesNotHaveDuplicates()
          .allMatch(k -> k.matches("[a-z0-9]+(-[a-z0-9]+)*"));
    }
  }

  @Test
  void everyFactIsCompleteAndItsTrueAndFalseVersionsDiffer() {
    for (FactTable table : FactTables.all()) {
      for (Fact f : table.facts()) {
        String id = table.domain() + "/" + f.key();
        assertThat(f.domain()).as(id).isEqualTo(table.domain());
        assertThat(
                List.of(
                    f.question(), f.trueAnswer(), f.falseAnswer(), f.trueClaim(), f.falseClaim()))
            .as(id)
            .allMatch(s -> !s.isBlank() && s.equals(s.strip()));
        assertThat(f.question()).as(id).endsWith("?");
        assertThat(f.trueAnswer()).as(id).isNotEqualToIgnoringCase(f.falseAnswer());
        assertThat(f.trueClaim())
            .as(id)
            .isNotEqualToIgnoringCase(f.falseClaim())
            .doesNotEndWith(".");
        assertThat(f.falseClaim()).as(id).doesNotEndWith(".");
        assertThat(f.note())
            .as(id)
            .satisfiesAnyOf(n -> assertThat(n).isEmpty(), n -> assertThat(n).endsWith("."));
      }
    }
  }

  @Test
  void returnsTheSameListsOnEveryCall() {
    for (FactTable table : FactTables.all()) {
      assertThat(table.facts()).as(table.domain()).isEqualTo(table.facts());
      assertThat(FactTables.byDomain(table.domain()).orElseThrow().facts())
          .isEqualTo(table.facts());
    }
  }
}
