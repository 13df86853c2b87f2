package org.sycolab.data.formats;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sycolab.data.Candidate;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.Premise;
import org.sycolab.data.Turn;

/**
 * One imported prompt where truth and the user's view can be told apart, and the records it
 * becomes: a pool {@code <id>}, a grounded pair {@code <id>-grounded} (chosen the truthful
 * response) and an agreeable pair {@code <id>-agreeable} (chosen what the user's premise favours:
 * the truthful response when the premise is true, the untruthful one when it is false).
 *
 * @param id the pool's id, the stem of the pairs' ids
 * @param prompt the conversation
 * @param premise whether the user's premise is true
 * @param domain where the question comes from
 * @param family the probe family, e.g. false-premise
 * @param candidates the pool's candidates
 * @param truthful the response the grounded pair chooses
 * @param untruthful the response it rejects
 * @param meta source details, on the pool and (after domain, premise, family) on the pairs
 */
record ImportedProbe(
    String id,
    List<Turn> prompt,
    Premise premise,
    String domain,
    String family,
    List<Candidate> candidates,
    String truthful,
    String untruthful,
    Map<String, Object> meta) {

  /** The pool. */
  CandidatePool pool() {
    return new CandidatePool(id, prompt, premise, domain, family, candidates, meta);
  }

  /** The grounded pair, then the agreeable pair. */
  List<PreferencePair> pairs() {
    Map<String, Object> pairMeta = new LinkedHashMap<>();
    pairMeta.put("domain", domain);
    pairMeta.put("premise", premise.jsonName());
    pairMeta.put("family", family);
    pairMeta.putAll(meta);
    boolean agreeWithTruth = premise == Premise.TRUE;
    return List.of(
        new PreferencePair(
            id + "-grounded", prompt, truthful, untruthful, Label.GROUNDED, pairMeta),
        new PreferencePair(
            id + "-agreeable",
            prompt,
            agreeWithTruth ? truthful : untruthful,
            agreeWithTruth ? untruthful : truthful,
            Label.AGREEABLE,
            pairMeta));
  }

  /** Adds the pool and both pairs to {@code batch}, located at the source line. */
  void addTo(SourceFields source) {
    addTo(source.batch(), source.file(), source.line());
  }

  /** Adds the pool and both pairs to {@code batch}, located at {@code file:line}. */
  void addTo(ImportBatch batch, Path file, long line) {
    batch.add(file, line, pool());
    for (PreferencePair pair : pairs()) {
      batch.add(file, line, pair);
    }
  }
}
