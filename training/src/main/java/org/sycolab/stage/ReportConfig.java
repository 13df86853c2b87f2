package org.sycolab.stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ReportStage} reports on, as {@code sycolab report}'s argument gives it.
 *
 * @param runDirectory the run directory, as {@code sycolab run} lays it out; the report is written
 *     into it
 */
public record ReportConfig(Path runDirectory) implements StageConfig {

  /** Requires the directory. */
  public ReportConfig {
    Objects.requireNonNull(runDirectory, "runDirectory");
  }

  @Override
  public List<String> commandLine() {
    return new CommandLineWords("report").parameters(List.of(runDirectory)).words();
  }
}
