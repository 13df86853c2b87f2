package org.sycolab.data.formats;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.PreferencePair;

/**
 * What an import produced from all its input files.
 *
 * @param pairs preference pairs, in input order, ids unique
 * @param pools candidate pools, in input order, ids unique
 * @param skipped source records left out on purpose, counted by reason (sorted by reason)
 */
public record Imported(
    List<PreferencePair> pairs, List<CandidatePool> pools, Map<String, Long> skipped) {

  /** Copies the collections. */
  public Imported {
    pairs = List.copyOf(pairs);
    pools = List.copyOf(pools);
    skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
  }
}
