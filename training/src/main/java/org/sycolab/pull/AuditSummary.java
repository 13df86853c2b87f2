package org.sycolab.pull;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The terminal summary of an audited reward alone: what was evaluated, what best-of-n at each n and
 * the tilt at each β select when the audited reward is optimised (every rate, the KL and the
 * audited reward's z-score of the selection, all pools), then the reference selectors in the
 * audited reward's place at the headline's n.
 */
public final class AuditSummary {
  private final String split;
  private final String reference;
  private final PullResult result;
  private final AuditHeadline headline;

  /**
   * The summary of {@code result}, whose headline numbers are {@code headline}.
   *
   * @param split the split of pools evaluated ({@code test}, {@code all}, …)
   * @param reference π₀'s name ({@code uniform}, {@code logprob})
   */
  public AuditSummary(String split, String reference, PullResult result, AuditHeadline headline) {
    this.split = split;
    this.reference = reference;
    this.result = result;
    this.headline = headline;
  }

  /** Prints the summary on {@code out}. */
  public void print(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%,d pools (%,d candidates) of split %s; reference %s; the audited reward %s%n",
        result.pools(),
        result.candidates(),
        split,
        reference,
        result.replicates().size() == 1
            ? result.replicates().get(0)
            : "averaged over "
                + result.replicates().size()
                + " runs ("
                + String.join(", ", result.replicates())
                + "; spread in seeds.csv)");
    PullSummary.printIntervals(out, result);
    out.println();
    out.println(
        "the audited reward alone, optimised (all pools; reward = the audited reward's z of the"
            + " selection):");
    header(out, "selection");
    out.printf(Locale.ROOT, "  %-11s %.3f%n", "π₀", headline.referenceTruthful());
    for (AuditHeadline.Row row : headline.selections()) {
      line(out, selection(row.setting()), row);
    }
    out.println();
    out.printf(
        Locale.ROOT,
        "references in the audited reward's place (best-of-%d, all pools):%n",
        headline.n());
    header(out, "reward");
    for (AuditHeadline.Row row : headline.references()) {
      line(out, row.reward().isReference() ? row.reward().id() : "audited", row);
    }
  }

  private static void header(PrintWriter out, String first) {
    out.printf(
        Locale.ROOT,
        "  %-11s %-21s %10s %10s %12s %11s %7s %7s%n",
        first,
        "truthful",
        "regressive",
        "contrarian",
        "capitulation",
        "fabrication",
        "KL",
        "reward");
  }

  private static void line(PrintWriter out, String name, AuditHeadline.Row row) {
    out.printf(
        Locale.ROOT,
        "  %-11s %-21s %10s %10s %12s %11s %7.3f %7.3f%n",
        name,
        rate(row.truthful()),
        optionalRate(row.regressive()),
        optionalRate(row.contrarian()),
        optionalRate(row.capitulation()),
        optionalRate(row.fabrication()),
        row.kl(),
        row.audited());
  }

  private static String selection(Setting setting) {
    return setting.selector() == Setting.Selector.BEST_OF_N
        ? "best-of-" + setting.n()
        : "tilt β=" + BigDecimal.valueOf(setting.beta()).stripTrailingZeros().toPlainString();
  }

  private static String optionalRate(Optional<Estimate> rate) {
    return rate.map(e -> String.format(Locale.ROOT, "%.3f", e.value())).orElse("-");
  }

  private static String rate(Estimate estimate) {
    return Double.isNaN(estimate.lo())
        ? String.format(Locale.ROOT, "%.3f", estimate.value())
        : String.format(
            Locale.ROOT, "%.3f [%.3f, %.3f]", estimate.value(), estimate.lo(), estimate.hi());
  }
}
