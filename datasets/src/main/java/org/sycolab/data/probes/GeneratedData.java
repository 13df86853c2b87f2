package org.sycolab.data.probes;

import java.util.List;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.PreferencePair;

/**
 * What the generator produced.
 *
 * @param pairs the preference pairs, agreeable and grounded for each probe
 * @param pools one candidate pool for each probe
 */
public record GeneratedData(List<PreferencePair> pairs, List<CandidatePool> pools) {

  /** Copies the lists. */
  public GeneratedData {
    pairs = List.copyOf(pairs);
    pools = List.copyOf(pools);
  }
}
