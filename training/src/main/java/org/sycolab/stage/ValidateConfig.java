package org.sycolab.stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.sycolab.data.TextLimits;

/**
 * What {@code sycolab validate} checks: dataset files, and the longest text a record may hold.
 *
 * @param files the JSONL files of pairs or pools, each checked in full
 * @param limits the longest text allowed in any turn or response ({@code --max-chars})
 */
public record ValidateConfig(List<Path> files, TextLimits limits) implements StageConfig {

  /** Requires at least one file. */
  public ValidateConfig {
    files = List.copyOf(files);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("validate needs at least one file");
    }
    Objects.requireNonNull(limits, "limits");
  }

  @Override
  public List<String> commandLine() {
    return new CommandLineWords("validate")
        .option("--max-chars", limits.maxChars())
        .parameters(files)
        .words();
  }
}
