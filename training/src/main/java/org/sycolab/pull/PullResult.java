package org.sycolab.pull;

import java.util.List;

/**
 * Everything a pull sweep measured.
 *
 * @param estimates every metric of every setting over every group of pools
 * @param tipping λ* for every curve (each n, each β) and group
 * @param seeds spread across replicates; empty with a single replicate
 * @param replicates the replicates' names, e.g. seed1, seed2
 * @param pools number of pools evaluated
 * @param candidates number of candidates evaluated
 * @param resamples bootstrap resamples drawn (0: no intervals)
 */
public record PullResult(
    List<Estimate> estimates,
    List<TippingPoint> tipping,
    List<SeedSpread> seeds,
    List<String> replicates,
    int pools,
    int candidates,
    int resamples) {

  /** Copies the lists. */
  public PullResult {
    estimates = List.copyOf(estimates);
    tipping = List.copyOf(tipping);
    seeds = List.copyOf(seeds);
    replicates = List.copyOf(replicates);
  }
}
