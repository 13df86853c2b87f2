package org.sycolab.stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sycolab.heads.HeadVerdict;
import tech.tablesaw.api.Table;

/**
 * What a diagnose stage found, each part as written into its directory.
 *
 * @param directory the stage's directory, with its manifest
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
    int pairs,
    int candidates,
    List<HeadVerdict> verdicts,
    Table accuracy,
    Table decomposition,
    Optional<Table> correlation) {

  /** Copies the verdicts. */
  public DiagnoseOutcome {
    verdicts = List.copyOf(verdicts);
  }
}
