package org.sycolab.pull;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The terminal summary of a pull sweep: what was evaluated, then its {@link PullHeadline} —
 * truthful rate at λ = 0 and λ = 1 and the pull at λ = ½ for best-of-16 (or the grid's nearest
 * values), λ*, the reference selectors beside the heads with the share of the oracle's truth gain
 * the heads recover, the menu along λ at that n and, with a truth floor, the choice.
 */
public final class PullSummary {
  private final String split;
  private final String reference;
  private final Optional<TruthFloor> floor;
  private final PullResult result;
  private final PullHeadline headline;
  private final int n;

  /**
   * The summary of {@code result}, whose headline numbers are {@code headline}.
   *
   * @param split the split of pools evaluated ({@code test}, {@code all}, …)
   * @param reference π₀'s name ({@code uniform}, {@code logprob})
   * @param floor the truth floor of the choice, when one was asked for
   */
  public PullSummary(
      String split,
      String reference,
      Optional<TruthFloor> floor,
      PullResult result,
      PullHeadline headline) {
    this.split = split;
    this.reference = reference;
    this.floor = floor;
    this.result = result;
    this.headline = headline;
    this.n = headline.settings().n();
  }

  /** Where the intervals come from: the bootstrap resamples, or none. */
  static void printIntervals(PrintWriter out, PullResult result) {
    out.println(
        result.resamples() == 0
            ? "no bootstrap (--bootstrap 0): no intervals"
            : String.format(
                Locale.ROOT,
                "[95%% intervals from %,d bootstrap resamples over pools]",
                result.resamples()));
  }

  /** Prints the summary on {@code out}. */
  public void print(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%,d pools (%,d candidates) of split %s; reference %s; %s%n",
        result.pools(),
        result.candidates(),
        split,
        reference,
        result.replicates().size() == 1
            ? "scores " + result.replicates().get(0)
            : result.replicates().size()
                + " seeds averaged ("
                + String.join(", ", result.replicates())
                + "; spread in seeds.csv)");
    printIntervals(out, result);
    out.println();
    TippingPoint tipping = headline.tipping();
    PullHeadline.Weighed weighed = headline.weighed();
    out.printf(
        Locale.ROOT,
        "best-of-%d, all pools%s:%n",
        n,
        weighed == PullHeadline.Weighed.AGREEABLE_HEAD
            ? ""
            : ", weighting " + weighed.words() + " at λ (r = λ·z_R + (1−λ)·z_G)");
    out.printf(
        Locale.ROOT,
        "  truthful rate    λ=%s: %s    λ=%s: %s    (π₀: %.3f)%n",
        lambda(headline.settings().low()),
        rate(headline.truthfulLow()),
        lambda(headline.settings().high()),
        rate(headline.truthfulHigh()),
        tipping.referenceTruthful());
    Estimate pull = headline.pull();
    out.printf(
        Locale.ROOT,
        "  pull at λ=%s:    %.1f points%s%s%s%n",
        lambda(headline.settings().middle()),
        pull.value(),
        Double.isNaN(pull.lo())
            ? ""
            : String.format(Locale.ROOT, " [%.1f, %.1f]", pull.lo(), pull.hi()),
        headline
            .pullSpread()
            .map(
                s ->
                    String.format(Locale.ROOT, "; sd across %d seeds %.1f", s.replicates(), s.sd()))
            .orElse(""),
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
        Locale.ROOT,
        "the menu (best-of-%d, all pools; approval = %s of the selection%s):%n",
        n,
        weighed.symbol(),
        weighed == PullHeadline.Weighed.AGREEABLE_HEAD
            ? ""
            : ", " + weighed.words() + "'s z-score");
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
    for (PullHeadline.MenuRow row : headline.menu()) {
      out.printf(
          Locale.ROOT,
          "  %-6s %9.3f %9.3f %11s %12s %9.1f %7.3f%n",
          lambda(row.lambda()),
          row.approval(),
          row.truthful(),
          optionalRate(row.regressive()),
          optionalRate(row.progressive()),
          row.pull(),
          row.kl());
    }
    floor.ifPresent(floor -> printChoice(out, floor.floor()));
  }

  /**
   * The reference selectors' truthful rates at the headline's n beside the heads', and the share of
   * the oracle's truth gain the heads recover.
   */
  private void printReferences(PrintWriter out) {
    if (headline.references().isEmpty()) {
      return;
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "references in place of the grounded head (best-of-%d, all pools, truthful rate):%n",
        n);
    out.printf(
        Locale.ROOT,
        "  %-9s %9s %9s%n",
        "reward",
        "λ=" + lambda(headline.settings().low()),
        "λ=" + lambda(headline.settings().high()));
    for (PullHeadline.ReferenceRow row : headline.references()) {
      out.printf(Locale.ROOT, "  %-9s %9.3f %9.3f%n", row.reward().id(), row.low(), row.high());
    }
    headline.recovered().ifPresent(recovered -> out.println("  " + recovered.describe()));
  }

  /**
   * The choice at the truth floor over all pools at the headline's n, one line per reward, and
   * where the rest is.
   */
  private void printChoice(PrintWriter out, double floor) {
    out.println();
    out.printf(
        Locale.ROOT,
        "the choice at truth floor %s (largest λ whose truthful rate's lower 95%% end is ≥ %s;"
            + " best-of-%d, all pools):%n",
        lambda(floor),
        lambda(floor),
        n);
    for (MenuChoice choice : headline.choices()) {
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

  /** The value, or "-" where the pools have no such rate. */
  private static String optionalRate(OptionalDouble rate) {
    return rate.isEmpty() ? "-" : String.format(Locale.ROOT, "%.3f", rate.getAsDouble());
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
