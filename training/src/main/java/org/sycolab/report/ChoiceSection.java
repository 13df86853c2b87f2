package org.sycolab.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sycolab.pull.Reward;
import org.sycolab.run.RunLayout;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The menu as a user's choice, from {@code pull/choice.csv} (written by {@code pull --truth-floor
 * F}): per family, the most agreeable λ whose truthful rate's lower 95% end stays at or above F,
 * for best-of-n at the headline's n and the tilt at each β, and over all pools for each reward.
 */
final class ChoiceSection {

  static final RunCsv.Columns COLUMNS =
      new RunCsv.Columns()
          .text("reward", "selection")
          .count("n")
          .number("beta")
          .text("family")
          .number("truth_floor", "lambda", "truthful_rate", "truthful_lo", "truthful_hi")
          .number("approval")
          .text("reason");

  private ChoiceSection() {}

  /**
   * The section; a note when the sweep had no truth floor.
   *
   * @throws InvalidRunException when {@code choice.csv} is there but malformed
   */
  static Section build(PullOutputs run) throws InvalidRunException {
    Path file = new RunLayout(run.runDirectory()).pull().resolve(RunLayout.CHOICE_FILE);
    if (!Files.isRegularFile(file)) {
      return new Section(
          "choice",
          "The choice at a truth floor",
          List.of(
              new Block.Paragraph(
                  "No truth floor was given (pull --truth-floor F, or truth_floor in the"
                      + " experiment's pull section), so there is no choice table.")));
    }
    Table table = RunCsv.read(file, COLUMNS);
    int n = run.focus().n();
    List<Row> rows = new ArrayList<>();
    table.forEach(row -> rows.add(copy(table, row)));
    double floor = rows.isEmpty() ? Double.NaN : rows.get(0).getDouble("truth_floor");
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Paragraph(
            "Given a floor F = "
                + Numbers.grid(floor)
                + " on the truthful rate, the most agreeable setting of the dial that keeps it: the"
                + " largest λ on the grid whose truthful rate's lower 95% bootstrap end is at least F"
                + " (a smaller λ need not meet it too). Where no λ does, the cell says why. Every n,"
                + " β and reward is in "
                + RunLayout.PULL
                + "/"
                + RunLayout.CHOICE_FILE
                + "."));
    blocks.add(byFamily(rows, n, floor));
    blocks.add(byReward(rows, n));
    return new Section("choice", "The choice at a truth floor", blocks);
  }

  /** The learned heads' choice per family: best-of-n at the headline's n and the tilt per β. */
  private static Block byFamily(List<Row> rows, int n, double floor) {
    TreeSet<Double> betas = new TreeSet<>();
    Map<String, Map<String, String>> cells = new LinkedHashMap<>();
    for (Row row : rows) {
      if (!row.getString("reward").equals(Reward.MIXED.id())) {
        continue;
      }
      String column;
      if (!row.isMissing("n")) {
        if (row.getInt("n") != n) {
          continue;
        }
        column = "best-of-" + n;
      } else {
        betas.add(row.getDouble("beta"));
        column = "tilt, β = " + Numbers.grid(row.getDouble("beta"));
      }
      cells
          .computeIfAbsent(row.getString("family"), f -> new LinkedHashMap<>())
          .put(column, cell(row));
    }
    List<String> header = new ArrayList<>(List.of("family", "best-of-" + n));
    betas.forEach(beta -> header.add("tilt, β = " + Numbers.grid(beta)));
    List<List<String>> table = new ArrayList<>();
    for (Map.Entry<String, Map<String, String>> family : cells.entrySet()) {
      List<String> row = new ArrayList<>(List.of(family.getKey()));
      for (String column : header.subList(1, header.size())) {
        row.add(family.getValue().getOrDefault(column, BreakdownSection.UNDEFINED));
      }
      table.add(row);
    }
    return new Block.DataTable(
        "the learned heads (mixed): the largest λ whose truthful rate's lower 95% end is ≥ "
            + Numbers.grid(floor)
            + ", with that truthful rate and its interval",
        header,
        table);
  }

  /** Over all pools at best-of-n: the heads beside each reference selector. */
  private static Block byReward(List<Row> rows, int n) {
    List<List<String>> table = new ArrayList<>();
    for (Row row : rows) {
      if (row.getString("family").equals(PullCsv.ALL)
          && !row.isMissing("n")
          && row.getInt("n") == n) {
        boolean met = !row.isMissing("lambda");
        table.add(
            List.of(
                row.getString("reward"),
                met ? Numbers.grid(row.getDouble("lambda")) : "none",
                met ? truthful(row) : "",
                met ? Numbers.fixed(row.getDouble("approval"), 3) : "",
                row.getString("reason")));
      }
    }
    return new Block.DataTable(
        "all pools, best-of-"
            + n
            + ", per reward: how far the dial could go with a perfect grounded reward (oracle) and"
            + " with content-blind ones; approval is the mean z_A of the selected answer",
        List.of("reward", "λ", "truthful rate", "approval (z_A)", "reason"),
        table);
  }

  private static String cell(Row row) {
    return row.isMissing("lambda")
        ? "none: " + row.getString("reason")
        : "λ = " + Numbers.grid(row.getDouble("lambda")) + ": " + truthful(row);
  }

  private static String truthful(Row row) {
    return Numbers.rate(
        new Stat(
            row.getDouble("truthful_rate"),
            row.getDouble("truthful_lo"),
            row.getDouble("truthful_hi")));
  }

  /** Tablesaw's row cursor moves: a row of its own for each line. */
  private static Row copy(Table table, Row row) {
    Row own = new Row(table);
    own.at(row.getRowNumber());
    return own;
  }
}
