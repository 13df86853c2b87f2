package org.sycolab.data.probes.facts;

import java.util.List;

/** A domain of facts: written out in this project, or computed, always the same list. */
public interface FactTable {

  /** The domain name used in ids and metadata, e.g. {@code capitals}. */
  String domain();

  /** Every fact of the domain, in a fixed order; keys are unique. */
  List<Fact> facts();
}
