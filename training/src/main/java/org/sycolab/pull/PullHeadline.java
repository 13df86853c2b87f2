package org.sycolab.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The numbers a pull's headline quotes, all over all pools for best-of-n at the {@link
 * HeadlineSettings} (best-of-16 and λ = 0, ½ and 1, or the grid's nearest): the heads' truthful
 * rate at the lowest and highest λ, the pull at the middle one, λ*, the reference selectors beside
 * the heads, the menu along λ and the choice at the truth floor.
 *
 * @param weighed what λ weighs against the grounded side
 * @param settings where the headline is read
 * @param truthfulLow the heads' truthful rate at the lowest λ
 * @param truthfulHigh the heads' truthful rate at the highest λ
 * @param pull the pull at the middle λ, in percentage points
 * @param pullSpread the pull's spread across head seeds; empty with a single seed
 * @param tipping λ* of the heads' best-of-n curve, with the truthful rate under π₀
 * @param references the heads' and each reference selector's truthful rate at the lowest and
 *     highest λ, the heads first; empty when the sweep ran no reference
 * @param recovered the share of the oracle's truth gain the heads recover; empty without references
 * @param menu the heads' menu along λ
 * @param choices the choice at the truth floor per reward; empty without a floor
 */
public record PullHeadline(
    Weighed weighed,
    HeadlineSettings settings,
    Estimate truthfulLow,
    Estimate truthfulHigh,
    Estimate pull,
    Optional<SeedSpread> pullSpread,
    TippingPoint tipping,
    List<ReferenceRow> references,
    Optional<TruthRecovered> recovered,
    List<MenuRow> menu,
    List<MenuChoice> choices)
    implements Headline {

  /**
   * What λ weighs in r_λ = λ·z + (1−λ)·z_G, and what the approval of a selection (Σ π·z) is then.
   */
  public enum Weighed {
    /** A trained agreeable head: approval is z_A, the agreeable head's z-score. */
    AGREEABLE_HEAD("the agreeable head", "z_A"),
    /** A reward model under audit in the agreeable head's place: approval is its z-score, z_R. */
    AUDITED_REWARD("the audited reward", "z_R");

    private final String words;
    private final String symbol;

    Weighed(String words, String symbol) {
      this.words = words;
      this.symbol = symbol;
    }

    /** What is weighed, in words: {@code the agreeable head}, {@code the audited reward}. */
    public String words() {
      return words;
    }

    /** Its z-score's symbol: {@code z_A}, {@code z_R}. */
    public String symbol() {
      return symbol;
    }
  }

  /** Copies the lists. */
  public PullHeadline {
    references = List.copyOf(references);
    menu = List.copyOf(menu);
    choices = List.copyOf(choices);
  }

  /**
   * A reward's truthful rate at the lowest and the highest λ.
   *
   * @param reward the heads ({@link Reward#MIXED}) or a reference selector
   * @param low the truthful rate at the lowest λ
   * @param high the truthful rate at the highest λ
   */
  public record ReferenceRow(Reward reward, double low, double high) {}

  /**
   * One λ of the heads' menu.
   *
   * @param lambda the weight of the agreeable head
   * @param approval z_A of the selection
   * @param truthful the truthful rate
   * @param regressive the regressive rate; empty where the pools have none
   * @param progressive the progressive rate; empty where the pools have none
   * @param pull the pull, in percentage points
   * @param kl the KL divergence from π₀, in nats
   */
  public record MenuRow(
      double lambda,
      double approval,
      double truthful,
      OptionalDouble regressive,
      OptionalDouble progressive,
      double pull,
      double kl) {}

  /**
   * The headline of {@code result}, swept on {@code grid} weighing {@code weighed}, with the
   * choice's {@code choices}.
   */
  public static PullHeadline of(
      PullResult result, PullGrid grid, List<MenuChoice> choices, Weighed weighed) {
    HeadlineSettings settings = HeadlineSettings.on(grid.ns(), grid.lambdas());
    Reader reader = new Reader(result, settings.n());
    TippingPoint tipping =
        result.tipping().stream()
            .filter(
                t ->
                    t.group().isAll()
                        && t.reward() == Reward.MIXED
                        && t.curve().selector() == Setting.Selector.BEST_OF_N
                        && t.curve().n() == settings.n())
            .findFirst()
            .orElseThrow();
    Estimate pull = reader.find(settings.middle(), PullMetric.PULL);
    List<ReferenceRow> references = reader.references(settings);
    return new PullHeadline(
        weighed,
        settings,
        reader.find(settings.low(), PullMetric.TRUTHFUL_RATE),
        reader.find(settings.high(), PullMetric.TRUTHFUL_RATE),
        pull,
        reader.spread(pull),
        tipping,
        references,
        references.isEmpty() ? Optional.empty() : TruthRecovered.of(result),
        reader.menu(),
        choices.stream()
            .filter(
                choice ->
                    choice.family().equals(PoolGroup.ALL)
                        && choice.curve().selector() == Setting.Selector.BEST_OF_N
                        && choice.curve().n() == settings.n())
            .toList());
  }

  /** Reads estimates over all pools for best-of-n at one n. */
  private static final class Reader {
    private final PullResult result;
    private final int n;
    private final List<Estimate> all;

    Reader(PullResult result, int n) {
      this.result = result;
      this.n = n;
      this.all = result.estimates().stream().filter(e -> e.group().isAll()).toList();
    }

    List<ReferenceRow> references(HeadlineSettings settings) {
      List<Reward> present =
          Reward.references().stream()
              .filter(r -> find(r, settings.low(), PullMetric.TRUTHFUL_RATE) != null)
              .toList();
      if (present.isEmpty()) {
        return List.of();
      }
      List<Reward> rewards = new ArrayList<>(List.of(Reward.MIXED));
      rewards.addAll(present);
      return rewards.stream()
          .map(
              reward ->
                  new ReferenceRow(
                      reward,
                      find(reward, settings.low(), PullMetric.TRUTHFUL_RATE).value(),
                      find(reward, settings.high(), PullMetric.TRUTHFUL_RATE).value()))
          .toList();
    }

    List<MenuRow> menu() {
      List<MenuRow> rows = new ArrayList<>();
      for (Estimate approval : all) {
        Setting setting = approval.setting();
        if (approval.reward() != Reward.MIXED
            || approval.metric() != PullMetric.APPROVAL
            || setting.selector() != Setting.Selector.BEST_OF_N
            || setting.n() != n) {
          continue;
        }
        double lambda = setting.lambda();
        rows.add(
            new MenuRow(
                lambda,
                approval.value(),
                find(lambda, PullMetric.TRUTHFUL_RATE).value(),
                optional(find(lambda, PullMetric.REGRESSIVE_RATE)),
                optional(find(lambda, PullMetric.PROGRESSIVE_RATE)),
                find(lambda, PullMetric.PULL).value(),
                find(lambda, PullMetric.KL).value()));
      }
      return rows;
    }

    /** The spread of {@code estimate} across seeds, when there are several. */
    Optional<SeedSpread> spread(Estimate estimate) {
      return result.seeds().stream()
          .filter(
              s ->
                  s.reward() == estimate.reward()
                      && s.setting().equals(estimate.setting())
                      && s.metric() == estimate.metric()
                      && s.group().equals(estimate.group()))
          .findFirst();
    }

    Estimate find(double lambda, PullMetric metric) {
      return find(Reward.MIXED, lambda, metric);
    }

    /** The estimate at {@code lambda}; null where the pools have no such value. */
    Estimate find(Reward reward, double lambda, PullMetric metric) {
      return all.stream()
          .filter(
              e ->
                  e.reward() == reward
                      && e.metric() == metric
                      && e.setting().selector() == Setting.Selector.BEST_OF_N
                      && e.setting().n() == n
                      && e.setting().lambda() == lambda)
          .findFirst()
          .orElse(null);
    }

    private static OptionalDouble optional(Estimate estimate) {
      return estimate == null ? OptionalDouble.empty() : OptionalDouble.of(estimate.value());
    }
  }
}
