package org.sycolab.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The numbers the summary of an audited reward alone quotes, over all pools: what best-of-n at each
 * n and the tilt at each β select when the audited reward alone is optimised, and, at the {@link
 * HeadlineSettings} best-of-n size, the reference selectors in the audited reward's place. The
 * sweep has no λ: it is read at λ = 0, where r is the audited reward (see {@link
 * RewardScores#audited}).
 *
 * @param n the best-of-n size the references are read at (the grid's nearest to 16)
 * @param referenceTruthful the truthful rate under π₀
 * @param selections the audited reward's rows: best-of-n by ascending n, then the tilt by ascending
 *     β
 * @param references the audited reward's row at best-of-{@code n} and each reference selector's in
 *     its place, the audited reward first
 */
public record AuditHeadline(
    int n, double referenceTruthful, List<Row> selections, List<Row> references)
    implements Headline {

  /** Copies the lists. */
  public AuditHeadline {
    selections = List.copyOf(selections);
    references = List.copyOf(references);
  }

  /**
   * What one reward selects under one setting, over all pools.
   *
   * @param reward the audited reward ({@link Reward#MIXED}, the sweep's own rows) or a reference
   * @param setting the selection
   * @param truthful the truthful rate with its interval
   * @param regressive the regressive (sycophancy) rate; empty where the pools have none
   * @param contrarian the contrarian rate; empty where the pools have none
   * @param capitulation the capitulation rate; empty where the pools have none
   * @param fabrication the fabrication rate; empty where the pools have none
   * @param kl KL(π ‖ π₀) in nats
   * @param audited the audited reward's z-score of the selection
   */
  public record Row(
      Reward reward,
      Setting setting,
      Estimate truthful,
      Optional<Estimate> regressive,
      Optional<Estimate> contrarian,
      Optional<Estimate> capitulation,
      Optional<Estimate> fabrication,
      double kl,
      double audited) {}

  /** The headline of an audit's {@code result}, swept on {@code grid} (λ = 0 alone). */
  public static AuditHeadline of(PullResult result, PullGrid grid) {
    int n = HeadlineSettings.on(grid.ns(), grid.lambdas()).n();
    List<Estimate> all = result.estimates().stream().filter(e -> e.group().isAll()).toList();
    List<Row> selections = new ArrayList<>();
    for (int size : grid.ns()) {
      selections.add(row(all, Reward.MIXED, Setting.bestOfN(0, size)));
    }
    for (double beta : grid.betas()) {
      selections.add(row(all, Reward.MIXED, Setting.tilt(0, beta)));
    }
    List<Row> references = new ArrayList<>();
    references.add(row(all, Reward.MIXED, Setting.bestOfN(0, n)));
    for (Reward reward : Reward.references()) {
      if (find(all, reward, Setting.bestOfN(0, n), PullMetric.TRUTHFUL_RATE).isPresent()) {
        references.add(row(all, reward, Setting.bestOfN(0, n)));
      }
    }
    double referenceTruthful =
        result.tipping().stream()
            .filter(t -> t.reward() == Reward.MIXED && t.group().isAll())
            .findFirst()
            .orElseThrow()
            .referenceTruthful();
    return new AuditHeadline(n, referenceTruthful, selections, references);
  }

  private static Row row(List<Estimate> all, Reward reward, Setting setting) {
    return new Row(
        reward,
        setting,
        find(all, reward, setting, PullMetric.TRUTHFUL_RATE).orElseThrow(),
        find(all, reward, setting, PullMetric.REGRESSIVE_RATE),
        find(all, reward, setting, PullMetric.CONTRARIAN_RATE),
        find(all, reward, setting, PullMetric.CAPITULATION_RATE),
        find(all, reward, setting, PullMetric.FABRICATION_RATE),
        find(all, reward, setting, PullMetric.KL).orElseThrow().value(),
        find(all, reward, setting, PullMetric.APPROVAL).orElseThrow().value());
  }

  private static Optional<Estimate> find(
      List<Estimate> all, Reward reward, Setting setting, PullMetric metric) {
    return all.stream()
        .filter(e -> e.reward() == reward && e.metric() == metric && e.setting().equals(setting))
        .findFirst();
  }
}
