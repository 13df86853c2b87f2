package org.sycolab.pull;

import java.util.Locale;
import java.util.Optional;

/**
 * How much of the oracle's truth gain the learned grounded head recovers: (T_head − T_π₀) /
 * (T_oracle − T_π₀), at λ = 0 (the grounded side alone) and best-of-n at the grid's largest n,
 * where T is the truthful rate over all pools. The oracle is the candidates' truthful flag as the
 * grounded reward ({@link Reward#ORACLE}): the most a grounded reward could buy there.
 *
 * @param n the best-of-n size read
 * @param head the learned heads' truthful rate
 * @param oracle the oracle's truthful rate
 * @param reference the truthful rate under π₀
 */
public record TruthRecovered(int n, double head, double oracle, double reference) {

  /** An oracle gain over π₀ below this (2 points) is too small for the share to mean anything. */
  public static final double SMALL_GAIN = 0.02;

  /** The share of the oracle's gain over π₀ that the head recovers; below 0 when it loses truth. */
  public double share() {
    return (head - reference) / (oracle - reference);
  }

  /** Whether the oracle gains enough over π₀ for {@link #share} to be read. */
  public boolean meaningful() {
    return oracle - reference >= SMALL_GAIN;
  }

  /** The reading at λ = 0 and the largest n of {@code result}; empty without oracle rows. */
  public static Optional<TruthRecovered> of(PullResult result) {
    int n =
        result.estimates().stream()
            .filter(e -> e.setting().selector() == Setting.Selector.BEST_OF_N)
            .mapToInt(e -> e.setting().n())
            .max()
            .orElse(0);
    Optional<Double> head = truthful(result, Reward.MIXED, n);
    Optional<Double> oracle = truthful(result, Reward.ORACLE, n);
    Optional<Double> reference =
        result.tipping().stream()
            .filter(t -> t.reward() == Reward.MIXED && t.group().isAll())
            .map(TippingPoint::referenceTruthful)
            .findFirst();
    if (head.isEmpty() || oracle.isEmpty() || reference.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TruthRecovered(n, head.get(), oracle.get(), reference.get()));
  }

  private static Optional<Double> truthful(PullResult result, Reward reward, int n) {
    return result.estimates().stream()
        .filter(
            e ->
                e.reward() == reward
                    && e.group().isAll()
                    && e.metric() == PullMetric.TRUTHFUL_RATE
                    && e.setting().selector() == Setting.Selector.BEST_OF_N
                    && e.setting().n() == n
                    && e.setting().lambda() == 0)
        .map(Estimate::value)
        .findFirst();
  }

  /** The reading in plain words, with its caveat when the oracle gains too little. */
  public String describe() {
    String rates =
        String.format(
            Locale.ROOT,
            "At λ = 0, best-of-%d, all pools: the learned grounded head moves the truthful rate from"
                + " %.3f (π₀) to %.3f, the oracle (the truthful flag as the grounded reward) to"
                + " %.3f.",
            n,
            reference,
            head,
            oracle);
    if (!meaningful()) {
      return rates
          + String.format(
              Locale.ROOT,
              " The oracle gains %.1f points over π₀, too few for a share of its gain to mean"
                  + " anything: the pools leave little truth for any reward to find.",
              100 * (oracle - reference));
    }
    double share = share();
    return rates
        + String.format(
            Locale.ROOT,
            " The head recovers %.0f%% of the oracle's truth gain%s.",
            100 * share,
            share < 0 ? " (below 0: it selects truthful answers less often than π₀ does)" : "");
  }
}
