package org.sycolab.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The responses that optimisation pressure selects from for one prompt.
 *
 * @param id unique within its file
 * @param prompt the conversation so far
 * @param premise whether the user's premise is true
 * @param domain where the facts come from, e.g. capitals
 * @param family the probe family, e.g. false-premise
 * @param candidates at least two, at least one truthful
 * @param meta free metadata (split, template, ...)
 */
public record CandidatePool(
    String id,
    List<Turn> prompt,
    Premise premise,
    String domain,
    String family,
    List<Candidate> candidates,
    Map<String, Object> meta)
    implements DatasetRecord {

  /** Copies the collections, keeping meta's order. */
  public CandidatePool {
    Objects.requireNonNull(id, "id");
    prompt = List.copyOf(prompt);
    Objects.requireNonNull(premise, "premise");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(family, "family");
    candidates = List.copyOf(candidates);
    meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
  }
}
