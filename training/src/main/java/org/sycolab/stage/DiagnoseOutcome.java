package org.sycolab.stage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sycolab.heads.HeadVerdict;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * What a diagnose stage found, each part as written into its directory.
 *
 * @param directory the stage's directory, with its manifest
 * @param split the records evaluated
 * @param pairs the pairs scored
 * @param candidates the pool candidates scored
 * @param verdicts each head's verdict against the truth, and the longer-answer baseline's, as in
 *     {@code verdict.csv}
 * @param accuracy pairwise accuracy by head, label and group, as in {@code accuracy.csv}
 * @param decomposition the 2x2 decomposition of each head's z-scored candidate scores, as in {@code
 *     decomposition.csv}
 * @param correlation the heads' correlations over candidates, as in {@value
 *     DiagnoseStage#CORRELATION_FILE}; empty (and no file) with one head
 */
public record DiagnoseOutcome(
    Path directory,
    EvaluationSplit split,
    int pairs,
    int candidates,
    List<HeadVerdict> verdicts,
    Table accuracy,
    Table decomposition,
    Optional<Table> correlation)
    implements StageOutcome {

  /** Copies the verdicts. */
  public DiagnoseOutcome {
    verdicts = List.copyOf(verdicts);
  }

  /**
   * What was scored, the verdicts, the headline accuracies (all pairs, and by premise), the
   * decomposition and the correlations, doubles rounded to 4 places, then the directory.
   */
  @Override
  public void print(PrintWriter out) {
    out.printf(
        Locale.ROOT, "%d pairs and %d candidates of split %s%n%n", pairs, candidates, split.name());
    VerdictLines.print(out, verdicts);
    out.println();
    Table headline =
        accuracy.where(
            accuracy
                .stringColumn("group_by")
                .isEqualTo("all")
                .or(accuracy.stringColumn("group_by").isEqualTo("premise")));
    headline.setName(
        "pairwise accuracy, beside picking the longer answer (per family and domain in"
            + " accuracy.csv)");
    out.println(rounded(headline).printAll());
    out.println();
    Table decompositionShown = rounded(decomposition);
    decompositionShown.setName(
        "2x2 decomposition of z-scored candidate scores (b: agrees, c: truthful, e: length in"
            + " characters, z-scored; standard errors clustered by pool)");
    out.println(decompositionShown.printAll());
    if (correlation.isPresent()) {
      out.println();
      out.println(rounded(correlation.get()).printAll());
    }
    out.printf(Locale.ROOT, "%nwrote %s%n", directory);
  }

  /** A copy with doubles rounded to 4 places, for the terminal. */
  private static Table rounded(Table table) {
    Table copy = table.copy();
    copy.setName(table.name());
    for (var column : copy.numericColumns()) {
      if (column instanceof DoubleColumn doubles) {
        copy.replaceColumn(
            doubles.name(),
            doubles.map(v -> Math.round(v * 10_000) / 10_000.0).setName(doubles.name()));
      }
    }
    return copy;
  }
}
