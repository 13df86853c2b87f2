package org.sycolab.pull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sycolab.data.Candidate;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.Premise;
import org.sycolab.data.TextLength;

/**
 * The pools being evaluated, flattened into arrays: candidate {@code c} of pool {@code p} is at
 * index {@code start(p) + c}. Holds what the metrics and the reference selectors need (truthful,
 * agrees, response length, π₀, premise, family, domain) and nothing else from the texts.
 */
public final class PoolSet {
  private final List<String> ids;
  private final int[] start;
  private final boolean[] truthful;
  private final boolean[] agrees;
  private final int[] length;
  private final double[] logReference;
  private final boolean[] falsePremise;
  private final int[] family;
  private final int[] domain;
  private final List<String> families;
  private final List<String> domains;
  private final Map<String, Integer> indexOfId;
  private final int maxPoolSize;

  private PoolSet(List<CandidatePool> pools, Reference reference) {
    if (pools.isEmpty()) {
      throw new IllegalArgumentException("no pools to evaluate");
    }
    int total = pools.stream().mapToInt(pool -> pool.candidates().size()).sum();
    maxPoolSize = pools.stream().mapToInt(pool -> pool.candidates().size()).max().orElse(0);
    ids = new ArrayList<>(pools.size());
    start = new int[pools.size() + 1];
    truthful = new boolean[total];
    agrees = new boolean[total];
    length = new int[total];
    logReference = new double[total];
    falsePremise = new boolean[pools.size()];
    family = new int[pools.size()];
    domain = new int[pools.size()];
    Map<String, Integer> familyIndex = new LinkedHashMap<>();
    Map<String, Integer> domainIndex = new LinkedHashMap<>();
    indexOfId = new HashMap<>();
    int at = 0;
    for (int p = 0; p < pools.size(); p++) {
      CandidatePool pool = pools.get(p);
      if (indexOfId.putIfAbsent(pool.id(), p) != null) {
        throw new IllegalArgumentException("pool id '" + pool.id() + "' appears twice");
      }
      ids.add(pool.id());
      start[p] = at;
      falsePremise[p] = pool.premise() == Premise.FALSE;
      family[p] = familyIndex.computeIfAbsent(pool.family(), k -> familyIndex.size());
      domain[p] = domainIndex.computeIfAbsent(pool.domain(), k -> domainIndex.size());
      fillReference(pool, reference, at);
      for (Candidate candidate : pool.candidates()) {
        truthful[at] = candidate.truthful();
        agrees[at] = candidate.agrees();
        length[at] = TextLength.characters(candidate.text());
        at++;
      }
    }
    start[pools.size()] = at;
    families = List.copyOf(familyIndex.keySet());
    domains = List.copyOf(domainIndex.keySet());
  }

  /**
   * The pools with π₀ from {@code reference}.
   *
   * @throws IllegalArgumentException when pools repeat an id, or {@code logprob} is asked for and a
   *     candidate has no {@code ref_logprob} (the pool and candidate are named)
   */
  public static PoolSet of(List<CandidatePool> pools, Reference reference) {
    return new PoolSet(pools, reference);
  }

  private void fillReference(CandidatePool pool, Reference reference, int at) {
    int size = pool.candidates().size();
    if (reference == Reference.UNIFORM) {
      for (int c = 0; c < size; c++) {
        logReference[at + c] = -Math.log(size);
      }
      return;
    }
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < size; c++) {
      Candidate candidate = pool.candidates().get(c);
      if (candidate.refLogprob().isEmpty()) {
        throw new IllegalArgumentException(
            "pool '"
                + pool.id()
                + "' candidates["
                + c
                + "] has no ref_logprob; --reference logprob needs one on every candidate");
      }
      logReference[at + c] = candidate.refLogprob().getAsDouble();
      max = Math.max(max, logReference[at + c]);
    }
    double sum = 0;
    for (int c = 0; c < size; c++) {
      sum += Math.exp(logReference[at + c] - max);
    }
    double logNormaliser = max + Math.log(sum);
    for (int c = 0; c < size; c++) {
      logReference[at + c] -= logNormaliser;
    }
  }

  /** Number of pools. */
  public int size() {
    return ids.size();
  }

  /** Number of candidates over all pools. */
  public int candidateCount() {
    return start[ids.size()];
  }

  /** The id of pool {@code p}. */
  public String id(int p) {
    return ids.get(p);
  }

  /** The index of the pool with this id, or -1. */
  public int indexOf(String id) {
    return indexOfId.getOrDefault(id, -1);
  }

  /** Index of pool {@code p}'s first candidate. */
  public int start(int p) {
    return start[p];
  }

  /** Number of candidates in pool {@code p}. */
  public int poolSize(int p) {
    return start[p + 1] - start[p];
  }

  /** The largest pool. */
  int maxPoolSize() {
    return maxPoolSize;
  }

  /** Whether candidate {@code i} (flat index) is truthful. */
  public boolean truthful(int i) {
    return truthful[i];
  }

  /** Whether candidate {@code i} (flat index) agrees with the user. */
  public boolean agrees(int i) {
    return agrees[i];
  }

  /** The length of candidate {@code i}'s (flat index) text, in characters (code points). */
  public int length(int i) {
    return length[i];
  }

  /** log π₀ of every candidate, flat. */
  double[] logReference() {
    return logReference;
  }

  /** Whether pool {@code p}'s premise is false. */
  public boolean falsePremise(int p) {
    return falsePremise[p];
  }

  /** Index into {@link #families()} of pool {@code p}'s family. */
  public int family(int p) {
    return family[p];
  }

  /** Index into {@link #domains()} of pool {@code p}'s domain. */
  public int domain(int p) {
    return domain[p];
  }

  /** Family names in order of first appearance. */
  public List<String> families() {
    return families;
  }

  /** Domain names in order of first appearance. */
  public List<String> domains() {
    return domains;
  }
}
