package org.sycolab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;

/** Truthful rate against λ, one line per best-of-n size, with its bootstrap band. */
final class TruthSection {

  private TruthSection() {}

  static Section build(PullRun run) {
    PullCsv pull = run.pull();
    XYChart chart =
        Charts.lines(
            "Truthful rate of best-of-n against λ", "λ (weight of approval)", "truthful rate");
    boolean intervals = false;
    List<Integer> ns = pull.ns();
    for (int i = 0; i < ns.size(); i++) {
      int n = ns.get(i);
      List<Double> x = new ArrayList<>();
      List<Stat> stats = new ArrayList<>();
      for (double lambda : pull.lambdas()) {
        Optional<Stat> stat = pull.bestOfN("truthful_rate", lambda, n);
        if (stat.isPresent()) {
          x.add(lambda);
          stats.add(stat.get());
        }
      }
      if (!x.isEmpty()) {
        intervals |= Charts.lineWithBand(chart, "n = " + n, x, stats, i);
      }
    }
    String caption =
        "Truthful rate over all pools of the answer best-of-n selects under r_λ = λ·z_A + (1−λ)·z_G,"
            + " one line per n (n = 1 is π₀ itself), "
            + run.seeds().describe()
            + ". "
            + (intervals
                ? "Dotted lines of the same colour bound the 95% bootstrap interval over pools."
                : "The sweep ran without a bootstrap: no intervals.");
    return new Section(
        "truth-vs-lambda",
        "Truthful rate against λ",
        List.of(new Block.Figure("truth-vs-lambda", caption, chart)));
  }
}
