package org.sycolab.stage;

import java.nio.file.Path;
import java.util.List;
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
    int truthPairs) {

  /** Copies the lists. */
  public TrainOutcome {
    heads = List.copyOf(heads);
    verdicts = List.copyOf(verdicts);
  }
}
