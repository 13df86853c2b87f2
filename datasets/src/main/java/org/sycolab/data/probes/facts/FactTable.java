package org.sycolab.data.probes.facts;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A domain of facts, written out in this project or computed, always the same list.
 *
 * @param domain the domain name used in ids and metadata, e.g. {@code capitals}
 * @param facts every fact of the domain, in a fixed order; keys are unique
 */
public record FactTable(String domain, List<Fact> facts) {

  /** Copies the list and checks that every key is unique. */
  public FactTable {
    Objects.requireNonNull(domain, "domain");
    facts = List.copyOf(facts);
    Set<String> keys = new HashSet<>();
    for (Fact fact : facts) {
      if (!keys.add(fact.key())) {
        throw new IllegalArgumentException(domain + ": duplicate fact key " + fact.key());
      }
    }
  }
}
