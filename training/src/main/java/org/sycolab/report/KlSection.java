package org.sycolab.report;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.sycolab.pull.Reward;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Truth against optimisation strength: truthful rate against KL(π‖π₀) for best-of-n (n varies) and
 * the tilt (β varies), at the headline's three λ, with the reference selectors' best-of-n at the
 * lowest λ.
 */
final class KlSection {

  private KlSection() {}

  static Section build(PullOutputs run) {
    Table menu = run.menu();
    XYChart chart =
        Charts.lines("Truthful rate against KL from π₀", "KL(π‖π₀), nats", "truthful rate");
    List<Double> lambdas = run.focus().lambdas();
    boolean tilt = false;
    for (int i = 0; i < lambdas.size(); i++) {
      double lambda = lambdas.get(i);
      String at = "λ = " + Numbers.grid(lambda);
      addCurve(chart, menu, lambda, true, "best-of-n, " + at, i, Charts.SOLID);
      tilt |= addCurve(chart, menu, lambda, false, "tilt, " + at, i, Charts.DASHED);
    }
    List<Reward> references = referenceCurves(run, chart, lambdas.get(0), lambdas.size());
    String caption =
        "Each curve spends more optimisation (more KL from π₀) at one λ: best-of-n as n grows"
            + " (solid), "
            + (tilt ? "the tilt π₀·exp(r_λ/β) as β shrinks (dashed); " : "no tilt in this sweep; ")
            + "one colour per λ. One series per selector and λ, at the headline's three λ only:"
            + " curves at the same λ show which selector buys truth more cheaply per nat, and"
            + " every λ of the grid at once would overlap unreadably. All pools, "
            + run.seeds().describe()
            + "; from menu.csv."
            + (references.isEmpty()
                ? ""
                : " Broken lines: best-of-n at λ = "
                    + Numbers.grid(lambdas.get(0))
                    + " with a reference selector alone in the grounded head's place ("
                    + references.stream().map(Reward::id).collect(Collectors.joining(", "))
                    + "), the truth that much optimisation buys with a perfect grounded reward and"
                    + " with content-blind ones.");
    return new Section(
        "truth-vs-kl",
        "Truth against KL",
        List.of(new Block.Figure("truth-vs-kl", caption, chart)));
  }

  /**
   * One broken best-of-n curve per reference selector at λ (where it alone selects), coloured after
   * the heads' curves; the references drawn.
   */
  private static List<Reward> referenceCurves(
      PullOutputs run, XYChart chart, double lambda, int firstColour) {
    List<Reward> drawn = new ArrayList<>();
    for (Reward reward : Reward.references()) {
      List<double[]> points = new ArrayList<>();
      for (Row row : run.referenceMenu()) {
        if (row.getString("reward").equals(reward.id())
            && row.getDouble("lambda") == lambda
            && !row.isMissing("n")) {
          points.add(new double[] {row.getDouble("kl"), row.getDouble("truthful_rate")});
        }
      }
      if (points.isEmpty()) {
        continue;
      }
      points.sort(Comparator.comparingDouble(point -> point[0]));
      Charts.line(
          chart,
          reward.id() + ", best-of-n, λ = " + Numbers.grid(lambda),
          points.stream().map(point -> point[0]).toList(),
          points.stream().map(point -> point[1]).toList(),
          firstColour + drawn.size(),
          Charts.referenceStroke(drawn.size()));
      drawn.add(reward);
    }
    return drawn;
  }

  /** Adds the curve of one selector at one λ, sorted by KL; false when the menu has none. */
  private static boolean addCurve(
      XYChart chart,
      Table menu,
      double lambda,
      boolean bestOfN,
      String name,
      int colour,
      BasicStroke stroke) {
    // Tablesaw's row cursor moves: keep the values, not the rows.
    List<double[]> points = new ArrayList<>();
    for (Row row : menu) {
      if (row.getDouble("lambda") == lambda && row.isMissing("n") != bestOfN) {
        points.add(new double[] {row.getDouble("kl"), row.getDouble("truthful_rate")});
      }
    }
    if (points.isEmpty()) {
      return false;
    }
    points.sort(Comparator.comparingDouble(point -> point[0]));
    List<Double> x = points.stream().map(point -> point[0]).toList();
    List<Double> y = points.stream().map(point -> point[1]).toList();
    Charts.line(chart, name, x, y, colour, stroke);
    return true;
  }
}
