package org.sycolab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.sycolab.pull.Reward;

/**
 * Truthful rate against λ, one line per best-of-n size, with its bootstrap band, and one broken
 * line per reference selector at the headline's n.
 */
final class TruthSection {

  private TruthSection() {}

  static Section build(PullOutputs run) {
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
    List<Reward> references = pull.references();
    int n = run.focus().n();
    for (int r = 0; r < references.size(); r++) {
      Reward reward = references.get(r);
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      for (double lambda : pull.lambdas()) {
        Optional<Stat> stat = pull.bestOfN(reward, "truthful_rate", lambda, n);
        if (stat.isPresent()) {
          x.add(lambda);
          y.add(stat.get().value());
        }
      }
      if (!x.isEmpty()) {
        Charts.line(
            chart, reward.id() + ", n = " + n, x, y, ns.size() + r, Charts.referenceStroke(r));
      }
    }
    String caption =
        "Truthful rate over all pools of the answer best-of-n selects under r_λ = λ·z_A + (1−λ)·z_G,"
            + " one solid line per n (n = 1 is π₀ itself), "
            + run.seeds().describe()
            + ". "
            + (intervals
                ? "Dotted lines of the same colour bound the 95% bootstrap interval over pools."
                : "The sweep ran without a bootstrap: no intervals.")
            + (references.isEmpty()
                ? ""
                : " Broken lines, at n = "
                    + n
                    + ", put a reference selector in the grounded head's place: oracle (the"
                    + " truthful flag, the truth a perfect grounded reward buys), and the"
                    + " content-blind agree, disagree and longest answer; a learned head below"
                    + " the disagree line has learned contrarianism, not truth.");
    return new Section(
        "truth-vs-lambda",
        "Truthful rate against λ",
        List.of(new Block.Figure("truth-vs-lambda", caption, chart)));
  }
}
