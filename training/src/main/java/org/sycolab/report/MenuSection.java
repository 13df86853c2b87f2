package org.sycolab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.sycolab.pull.Reward;
import tech.tablesaw.api.Row;

/**
 * The menu: for each λ, what best-of-n at the headline's n earns in approval (mean z_A of the
 * selected answer) and costs in truth, with the reference selectors' menus beside it.
 */
final class MenuSection {

  private MenuSection() {}

  static Section build(PullOutputs run) {
    int n = run.focus().n();
    List<Double> approval = new ArrayList<>();
    List<Double> truthful = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    List<Double> lambdas = new ArrayList<>();
    for (Row row : run.menu()) {
      if (row.isMissing("n") || row.getInt("n") != n) {
        continue;
      }
      lambdas.add(row.getDouble("lambda"));
      approval.add(row.getDouble("approval"));
      truthful.add(row.getDouble("truthful_rate"));
      rows.add(
          List.of(
              Numbers.grid(row.getDouble("lambda")),
              Numbers.rate(
                  new Stat(
                      row.getDouble("approval"),
                      row.getDouble("approval_lo"),
                      row.getDouble("approval_hi"))),
              Numbers.rate(
                  new Stat(
                      row.getDouble("truthful_rate"),
                      row.getDouble("truthful_lo"),
                      row.getDouble("truthful_hi"))),
              Numbers.fixed(row.getDouble("kl"), 3)));
    }
    XYChart chart =
        Charts.lines(
            "The menu: approval against truth, best-of-" + n,
            "approval (mean z_A of the selected answer)",
            "truthful rate");
    Charts.line(chart, "best-of-" + n, approval, truthful, 0, Charts.SOLID);
    List<Reward> references = referenceLines(run, chart, n);
    List<Double> labelled = run.focus().lambdas();
    for (int i = 0; i < lambdas.size(); i++) {
      if (!labelled.contains(lambdas.get(i))) {
        continue;
      }
      chart.addAnnotation(
          new AnnotationText(
              "λ=" + Numbers.grid(lambdas.get(i)),
              approval.get(i),
              truthful.get(i) + 0.012,
              false));
    }
    return new Section(
        "menu",
        "The menu",
        List.of(
            new Block.Figure(
                "menu",
                "One point per λ (λ = "
                    + labelled.stream().map(Numbers::grid).collect(Collectors.joining(", "))
                    + " labelled; every λ in the table below): moving along the line trades truth"
                    + " for approval. The price of a"
                    + " setting of the dial is the drop in truthful rate it costs for the approval"
                    + " it gains."
                    + (references.isEmpty()
                        ? ""
                        : " Broken lines mix the same agreeable head with a reference selector in"
                            + " the grounded head's place ("
                            + references.stream().map(Reward::id).collect(Collectors.joining(", "))
                            + "): how far the dial could reach with a perfect grounded reward"
                            + " (oracle), and with content-blind ones.")
                    + " All pools, "
                    + run.seeds().describe()
                    + "; from menu.csv.",
                chart),
            new Block.DataTable(
                "the menu at best-of-"
                    + n
                    + ", all pools, "
                    + run.seeds().describe()
                    + " ("
                    + Numbers.intervals(run.pull().hasIntervals())
                    + ")",
                List.of("λ", "approval (z_A)", "truthful rate", "KL (nats)"),
                rows)));
  }

  /** One broken line per reference selector of the menu at best-of-n; the references drawn. */
  private static List<Reward> referenceLines(PullOutputs run, XYChart chart, int n) {
    List<Reward> drawn = new ArrayList<>();
    for (Reward reward : Reward.references()) {
      List<Double> approval = new ArrayList<>();
      List<Double> truthful = new ArrayList<>();
      for (Row row : run.referenceMenu()) {
        if (row.getString("reward").equals(reward.id())
            && !row.isMissing("n")
            && row.getInt("n") == n) {
          approval.add(row.getDouble("approval"));
          truthful.add(row.getDouble("truthful_rate"));
        }
      }
      if (!approval.isEmpty()) {
        Charts.line(
            chart,
            reward.id(),
            approval,
            truthful,
            1 + drawn.size(),
            Charts.referenceStroke(drawn.size()));
        drawn.add(reward);
      }
    }
    return drawn;
  }
}
