package org.sycolab.stage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sycolab.heads.HeadVerdict;
import tech.tablesaw.api.Table;

/**
 * What a train stage produced, each part as written into its directory.
 *
 * @param directory the stage's directory, with its manifest
 * @param heads every head, in the order trained (targets, then seeds)
 * @param summary the heads side by side, as in {@code heads.csv}
 * @param verdicts each head's verdict against the truth and the longer-answer baseline's, as in
 *     {@code verdict.csv}; empty (and no file) when the test split has no grounded pairs
 * @param truthPairs the test split's grounded pairs the verdicts rest on
 */
public record TrainOutcome(
    Path directory,
    List<TrainedHead> heads,
    Table summary,
    List<HeadVerdict> verdicts,
    int truthPairs)
    implements StageOutcome {

  /** Copies the lists. */
  public TrainOutcome {
    heads = List.copyOf(heads);
    verdicts = List.copyOf(verdicts);
  }

  /** The heads' table, their verdicts against the truth (or why there are none), the directory. */
  @Override
  public void print(PrintWriter out) {
    out.println(summary.printAll());
    out.println();
    if (verdicts.isEmpty()) {
      out.println(
          "no verdict: the test split has no grounded pairs to judge the heads against the"
              + " truth");
    } else {
      out.printf(
          Locale.ROOT,
          "on the test split's %d grounded pairs (the 2x2 cell means need pools: sycolab"
              + " heads diagnose)%n",
          truthPairs);
      VerdictLines.print(out, verdicts);
    }
    out.printf(Locale.ROOT, "wrote %d heads to %s%n", heads.size(), directory);
  }
}
