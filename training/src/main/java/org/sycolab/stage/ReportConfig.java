package org.sycolab.stage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link ReportStage} reports on, as {@code sycolab report}'s argument gives it.
 *
 * @param runDirectory the run directory, as {@code sycolab run} lays it out; the report is written
 *     into it
 */
public record ReportConfig(Path runDirectory) {

  /** Requires the directory. */
  public ReportConfig {
    Objects.requireNonNull(runDirectory, "runDirectory");
  }
}
