package org.sycolab.data.probes.facts;

import java.util.List;
import java.util.Optional;

/** Every fact table of the project, in a fixed order, and lookup by domain name. */
public final class FactTables {

  private static final List<FactTable> ALL =
      List.of(
          Capitals.TABLE,
          Elements.TABLE,
          Arithmetic.TABLE,
          UnitConversions.TABLE,
          LetterCounts.TABLE,
          DateFacts.TABLE,
          Misconceptions.TABLE);

  private FactTables() {}

  /** All tables, in a fixed order; domain names are unique. */
  public static List<FactTable> all() {
    return ALL;
  }

  /** The table whose {@link FactTable#domain()} is {@code domain}, if any. */
  public static Optional<FactTable> byDomain(String domain) {
    return ALL.stream().filter(t -> t.domain().equals(domain)).findFirst();
  }
}
