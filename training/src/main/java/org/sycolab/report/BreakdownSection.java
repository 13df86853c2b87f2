package org.sycolab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;

/**
 * The pull per family and per domain: truthful rate at the headline's n and three λ, and the pull
 * at the largest λ, with a bar chart of the families.
 */
final class BreakdownSection {

  private BreakdownSection() {}

  static Section build(PullRun run) {
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
    List<String> header = new ArrayList<>();
    header.add(what);
    for (double lambda : focus.lambdas()) {
      header.add("truthful at λ = " + Format.grid(lambda));
    }
    header.add("pull at λ = " + Format.grid(focus.high()) + " (points)");
    List<List<String>> rows = new ArrayList<>();
    for (String group : groups) {
      String family = byFamily ? group : PullCsv.ALL;
      String domain = byFamily ? PullCsv.ALL : group;
      List<String> row = new ArrayList<>();
      row.add(group);
      for (double lambda : focus.lambdas()) {
        row.add(
            pull.bestOfN("truthful_rate", lambda, focus.n(), family, domain)
                .map(Format::rate)
                .orElse(""));
      }
      row.add(
          pull.bestOfN("pull", focus.high(), focus.n(), family, domain)
              .map(Format::points)
              .orElse(""));
      rows.add(row);
    }
    return new Block.DataTable(
        "best-of-"
            + focus.n()
            + " by "
            + what
            + ", "
            + seeds.describe()
            + " (95% intervals in brackets)",
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
        chart.addSeries("λ = " + Format.grid(lambda), families, rates);
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
