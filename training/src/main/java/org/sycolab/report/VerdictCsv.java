package org.sycolab.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sycolab.run.RunLayout;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The heads' verdicts of a run: {@code diagnose/verdict.csv} (held-out pairs and pools), else
 * {@code heads/verdict.csv} (train's, on the test split's pairs, without cell means).
 *
 * @param file the file read
 * @param table its rows
 */
record VerdictCsv(Path file, Table table) {

  static final RunCsv.Columns COLUMNS =
      new RunCsv.Columns()
          .text("head", "head_label", "verdict_class", "verdict", "reading", "longer_answer_note")
          .count("conflict_pairs", "control_pairs")
          .number(
              "conflict_truth_accuracy",
              "conflict_truth_accuracy_lo",
              "conflict_truth_accuracy_hi",
              "control_truth_accuracy",
              "control_truth_accuracy_lo",
              "control_truth_accuracy_hi")
          .text("rule");

  /** The class id of a head that tracks truth, as written in verdict.csv. */
  static final String TRACKS_TRUTH = "tracks-truth";

  /** The run's verdicts, from diagnose/ where present, else heads/; empty when neither has any. */
  static Optional<VerdictCsv> read(Path runDirectory) throws InvalidRunException {
    return read(runDirectory, List.of(RunLayout.DIAGNOSE, RunLayout.HEADS));
  }

  /**
   * The verdicts on every head seed, from heads/ (train judges every seed; diagnose only the first)
   * where present, else diagnose/: what the pull, a mean over seeds, must be read against.
   */
  static Optional<VerdictCsv> readEverySeed(Path runDirectory) throws InvalidRunException {
    return read(runDirectory, List.of(RunLayout.HEADS, RunLayout.DIAGNOSE));
  }

  private static Optional<VerdictCsv> read(Path runDirectory, List<String> stages)
      throws InvalidRunException {
    for (String stage : stages) {
      Path file = runDirectory.resolve(stage).resolve(RunLayout.VERDICT_FILE);
      if (Files.isRegularFile(file)) {
        return Optional.of(new VerdictCsv(file, RunCsv.read(file, COLUMNS)));
      }
    }
    return Optional.empty();
  }

  /** The file as the report names it: {@code diagnose/verdict.csv}. */
  String name() {
    return file.getParent().getFileName() + "/" + file.getFileName();
  }

  /** The rows of heads trained on the grounded label. */
  Table grounded() {
    return table.where(table.stringColumn("head_label").isEqualTo("grounded"));
  }

  /** The rule the verdicts follow, as the file states it. */
  String rule() {
    return table.rowCount() == 0 ? "" : table.stringColumn("rule").get(0);
  }

  /** "0.888 [0.851, 0.917] of 300", or "no pairs". */
  static String accuracy(Row row, String subset) {
    int pairs = row.isMissing(subset + "_pairs") ? 0 : row.getInt(subset + "_pairs");
    if (pairs == 0) {
      return "no pairs";
    }
    String column = subset + "_truth_accuracy";
    return Numbers.rate(
            new Stat(
                row.getDouble(column),
                row.getDouble(column + "_lo"),
                row.getDouble(column + "_hi")))
        + " of "
        + pairs;
  }
}
