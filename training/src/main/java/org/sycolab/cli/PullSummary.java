package org.sycolab.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.sycolab.pull.Estimate;
import org.sycolab.pull.HeadlineSettings;
import org.sycolab.pull.MenuChoice;
import org.sycolab.pull.PoolGroup;
import org.sycolab.pull.PullGrid;
import org.sycolab.pull.PullMetric;
import org.sycolab.pull.PullResult;
import org.sycolab.pull.Reference;
import org.sycolab.pull.Reward;
import org.sycolab.pull.Setting;
import org.sycolab.pull.TippingPoint;
import org.sycolab.pull.TruthFloor;
import org.sycolab.pull.TruthRecovered;

/**
 * The terminal headline of a pull sweep: truthful rate at λ = 0 and λ = 1 and the pull at λ = ½ for
 * best-of-16 (or the grid's nearest values), λ*, the reference selectors beside the heads with the
 * share of the oracle's truth gain the heads recover, and the menu along λ at that n.
 */
final class PullSummary {
  private final PullResult result;
  private final String split;
  private final Reference reference;
  private final int n;
  private final double low;
  private final double middle;
  private final double high;
  private final List<Estimate> all;

  PullSummary(PullResult result, PullGrid grid, String split, Reference reference) {
    this.result = result;
    this.split = split;
    this.reference = reference;
    HeadlineSettings headline = HeadlineSettings.on(grid.ns(), grid.lambdas());
    this.n = headline.n();
    this.low = headline.low();
    this.middle = headline.middle();
    this.high = headline.high();
    this.all = result.estimates().stream().filter(e -> e.group().isAll()).toList();
  }

  void print(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%,d pools (%,d candidates) of split %s; reference %s; %s%n",
        result.pools(),
        result.candidates(),
        split,
        reference.id(),
        result.replicates().size() == 1
            ? "scores " + result.replicates().get(0)
            : result.replicates().size()
                + " seeds averaged ("
                + String.join(", ", result.replicates())
                + "; spread in seeds.csv)");
    out.println(
        result.resamples() == 0
            ? "no bootstrap (--bootstrap 0): no intervals"
            : String.format(
                Locale.ROOT,
                "[95%% intervals from %,d bootstrap resamples over pools]",
                result.resamples()));
    out.println();
    TippingPoint tipping =
        result.tipping().stream()
            .filter(
                t ->
                    t.group().isAll()
                        && t.reward() == Reward.MIXED
                        && t.curve().selector() == Setting.Selector.BEST_OF_N
                        && t.curve().n() == n)
            .findFirst()
            .orElseThrow();
    out.printf(Locale.ROOT, "best-of-%d, all pools:%n", n);
    out.printf(
        Locale.ROOT,
        "  truthful rate    λ=%s: %s    λ=%s: %s    (π₀: %.3f)%n",
        lambda(low),
        rate(find(low, PullMetric.TRUTHFUL_RATE)),
        lambda(high),
        rate(find(high, PullMetric.TRUTHFUL_RATE)),
        tipping.referenceTruthful());
    Estimate pull = find(middle, PullMetric.PULL);
    out.printf(
        Locale.ROOT,
        "  pull at λ=%s:    %.1f points%s%s%s%n",
        lambda(middle),
        pull.value(),
        Double.isNaN(pull.lo())
            ? ""
            : String.format(Locale.ROOT, " [%.1f, %.1f]", pull.lo(), pull.hi()),
        seedSpread(pull),
        pull.lo() <= 0 && pull.hi() >= 0 ? "  (the interval includes no change)" : "");
    out.printf(
        Locale.ROOT,
        "  λ*:              %s%s  (smallest λ whose truthful rate is below π₀'s)%n",
        Double.isNaN(tipping.lambdaStar()) ? "none on the grid" : lambda(tipping.lambdaStar()),
        Double.isNaN(tipping.lo())
            ? ""
            : " ["
                + lambda(tipping.lo())
                + ", "
                + (Double.isNaN(tipping.hi()) ? "none" : lambda(tipping.hi()))
                + "]");
    printReferences(out);
    out.println();
    out.printf(
        Locale.ROOT, "the menu (best-of-%d, all pools; approval = z_A of the selection):%n", n);
    out.printf(
        Locale.ROOT,
        "  %-6s %9s %9s %11s %12s %9s %7s%n",
        "λ",
        "approval",
        "truthful",
        "regressive",
        "progressive",
        "pull",
        "KL");
    for (Estimate approval : all) {
      Setting setting = approval.setting();
      if (approval.reward() != Reward.MIXED
          || approval.metric() != PullMetric.APPROVAL
          || setting.selector() != Setting.Selector.BEST_OF_N
          || setting.n() != n) {
        continue;
      }
      out.printf(
          Locale.ROOT,
          "  %-6s %9.3f %9.3f %11s %12s %9.1f %7.3f%n",
          lambda(setting.lambda()),
          approval.value(),
          find(setting.lambda(), PullMetric.TRUTHFUL_RATE).value(),
          optionalRate(find(setting.lambda(), PullMetric.REGRESSIVE_RATE)),
          optionalRate(find(setting.lambda(), PullMetric.PROGRESSIVE_RATE)),
          find(setting.lambda(), PullMetric.PULL).value(),
          find(setting.lambda(), PullMetric.KL).value());
    }
  }

  /**
   * The reference selectors' truthful rates at the headline's n beside the heads', and the share of
   * the oracle's truth gain the heads recover.
   */
  private void printReferences(PrintWriter out) {
    List<Reward> references =
        Reward.references().stream()
            .filter(r -> find(r, low, PullMetric.TRUTHFUL_RATE) != null)
            .toList();
    if (references.isEmpty()) {
      return;
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "references in place of the grounded head (best-of-%d, all pools, truthful rate):%n",
        n);
    out.printf(Locale.ROOT, "  %-9s %9s %9s%n", "reward", "λ=" + lambda(low), "λ=" + lambda(high));
    for (Reward reward : Stream.concat(Stream.of(Reward.MIXED), references.stream()).toList()) {
      out.printf(
          Locale.ROOT,
          "  %-9s %9.3f %9.3f%n",
          reward.id(),
          find(reward, low, PullMetric.TRUTHFUL_RATE).value(),
          find(reward, high, PullMetric.TRUTHFUL_RATE).value());
    }
    TruthRecovered.of(result).ifPresent(recovered -> out.println("  " + recovered.describe()));
  }

  /**
   * The choice at the truth floor over all pools at the headline's n, one line per reward, and
   * where the rest is.
   */
  void printChoice(PrintWriter out, TruthFloor floor, List<MenuChoice> choices) {
    out.println();
    out.printf(
        Locale.ROOT,
        "the choice at truth floor %s (largest λ whose truthful rate's lower 95%% end is ≥ %s;"
            + " best-of-%d, all pools):%n",
        lambda(floor.floor()),
        lambda(floor.floor()),
        n);
    for (MenuChoice choice : choices) {
      if (!choice.family().equals(PoolGroup.ALL)
          || choice.curve().selector() != Setting.Selector.BEST_OF_N
          || choice.curve().n() != n) {
        continue;
      }
      out.printf(
          Locale.ROOT,
          "  %-9s %s%n",
          choice.reward().id(),
          choice.met()
              ? String.format(
                  Locale.ROOT,
                  "λ=%s  truthful %.3f [%.3f, %.3f]  approval %.3f",
                  lambda(choice.lambda()),
                  choice.truthful(),
                  choice.truthfulLo(),
                  choice.truthfulHi(),
                  choice.approval())
              : "none: " + choice.reason());
    }
    out.println("  per family, every n and every β: choice.csv");
  }

  private Estimate find(double lambda, PullMetric metric) {
    return find(Reward.MIXED, lambda, metric);
  }

  private Estimate find(Reward reward, double lambda, PullMetric metric) {
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

  /** ", sd across seeds x" when there are several seeds. */
  private String seedSpread(Estimate estimate) {
    return result.seeds().stream()
        .filter(
            s ->
                s.reward() == estimate.reward()
                    && s.setting().equals(estimate.setting())
                    && s.metric() == estimate.metric()
                    && s.group().equals(estimate.group()))
        .findFirst()
        .map(s -> String.format(Locale.ROOT, "; sd across %d seeds %.1f", s.replicates(), s.sd()))
        .orElse("");
  }

  /** The value, or "-" where the pools have no such rate. */
  private static String optionalRate(Estimate estimate) {
    return estimate == null ? "-" : String.format(Locale.ROOT, "%.3f", estimate.value());
  }

  private static String rate(Estimate estimate) {
    return Double.isNaN(estimate.lo())
        ? String.format(Locale.ROOT, "%.3f", estimate.value())
        : String.format(
            Locale.ROOT, "%.3f [%.3f, %.3f]", estimate.value(), estimate.lo(), estimate.hi());
  }

  private static String lambda(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
