package org.sycolab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ablation sweeps beside a run's {@code pull/}: directories whose names start with a prefix,
 * such as {@code pull-mixture-} or {@code pull-heldout-}.
 */
final class SweepDirectories {

  private SweepDirectories() {}

  /**
   * The directories of {@code runDirectory} whose names start with {@code prefix}, sorted by name.
   *
   * @throws InvalidRunException when the run directory cannot be listed
   */
  static List<Path> named(Path runDirectory, String prefix) throws InvalidRunException {
    try (Stream<Path> entries = Files.list(runDirectory)) {
      return entries
          .filter(Files::isDirectory)
          .filter(dir -> dir.getFileName().toString().startsWith(prefix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new InvalidRunException(runDirectory + ": " + e.getMessage(), e);
    }
  }
}
