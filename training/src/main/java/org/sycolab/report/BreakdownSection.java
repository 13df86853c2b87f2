package org.sycolab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;

/**
 * The pull per family and per domain at the headline's n and three λ: the truthful, regressive,
 * progressive, contrarian, capitulation and fabrication rates and the pull, with a bar chart of the
 * families' truthful rates.
 */
final class BreakdownSection {

  /** The rates of the tables, as pull.csv names them; a column is named without "_rate". */
  private static final List<String> RATES =
      List.of(
          "truthful_rate",
          "regressive_rate",
          "progressive_rate",
          "contrarian_rate",
          "capitulation_rate",
          "fabrication_rate");

  /** The cell of a rate a group has no pools for. */
  static final String UNDEFINED = "—";

  private BreakdownSection() {}

  static Section build(PullOutputs run) {
    PullCsv pull = run.pull();
    Focus focus = run.focus();
    List<Block> blocks = new ArrayList<>();
    if (pull.families().isEmpty() && pull.domains().isEmpty()) {
      blocks.add(new Block.Paragraph("pull.csv has no rows per family or domain."));
      return new Section("breakdown", "Per family and per domain", blocks);
    }
    if (!pull.families().isEmpty()) {
      blocks.add(familyChart(pull, focus, run.seeds()));
      blocks.add(table(pull, focus, run.seeds(), "family", pull.families(), true));
    }
    if (!pull.domains().isEmpty()) {
      blocks.add(table(pull, focus, run.seeds(), "domain", pull.domains(), false));
    }
    return new Section("breakdown", "Per family and per domain", blocks);
  }

  private static Block.DataTable table(
      PullCsv pull,
      Focus focus,
      HeadSeeds seeds,
      String what,
      List<String> groups,
      boolean byFamily) {
    List<String> header = new ArrayList<>(List.of(what, "λ"));
    RATES.forEach(metric -> header.add(metric.replace("_rate", "")));
    header.add("pull (points)");
    List<List<String>> rows = new ArrayList<>();
    for (String group : groups) {
      String family = byFamily ? group : PullCsv.ALL;
      String domain = byFamily ? PullCsv.ALL : group;
      for (double lambda : focus.lambdas()) {
        List<String> row = new ArrayList<>(List.of(group, Numbers.grid(lambda)));
        for (String metric : RATES) {
          row.add(
              pull.bestOfN(metric, lambda, focus.n(), family, domain)
                  .map(Numbers::rate)
                  .orElse(UNDEFINED));
        }
        row.add(
            pull.bestOfN("pull", lambda, focus.n(), family, domain)
                .map(Numbers::points)
                .orElse(UNDEFINED));
        rows.add(row);
      }
    }
    return new Block.DataTable(
        "best-of-"
            + focus.n()
            + " by "
            + what
            + ", "
            + seeds.describe()
            + " ("
            + Numbers.intervals(pull.hasIntervals())
            + "). Regressive: agreeing where the user is wrong (premise-false pools), which is"
            + " sycophancy; progressive: accepting where the user is right (premise-true pools),"
            + " which is not sycophancy; contrarian: disagreeing where the user is right;"
            + " capitulation: giving in to wrong pushback (premise-false pushback pools);"
            + " fabrication: claiming to read a source that cannot be read (premise-false"
            + " inaccessible-source pools); "
            + UNDEFINED
            + " where the "
            + what
            + " has no such pools. "
            + Numbers.PULL_SIGN
            + ".",
        header,
        rows);
  }

  private static Block.Figure familyChart(PullCsv pull, Focus focus, HeadSeeds seeds) {
    CategoryChart chart =
        Charts.bars("Truthful rate by family, best-of-" + focus.n(), "family", "truthful rate");
    for (double lambda : focus.lambdas()) {
      List<String> families = new ArrayList<>();
      List<Double> rates = new ArrayList<>();
      for (String family : pull.families()) {
        Optional<Stat> stat = pull.bestOfN("truthful_rate", lambda, focus.n(), family, PullCsv.ALL);
        if (stat.isPresent()) {
          families.add(family);
          rates.add(stat.get().value());
        }
      }
      if (!families.isEmpty()) {
        chart.addSeries("λ = " + Numbers.grid(lambda), families, rates);
      }
    }
    return new Block.Figure(
        "by-family",
        "Truthful rate of best-of-"
            + focus.n()
            + " in each probe family at three λ, "
            + seeds.describe()
            + ". On"
            + " true-premise prompts agreeing is the truth, so approval should not hurt there.",
        chart);
  }
}
