package org.sycolab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.sycolab.run.RunManifest;

/**
 * The ablation sweeps beside a run's {@code pull/}: directories whose names start with a prefix,
 * such as {@code pull-mixture-} or {@code pull-heldout-}, and whether each ran to the end.
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

  /**
   * Why a sweep directory counts as not run: it has no {@code pull.csv}, or its manifest says it
   * did not complete (a crashed or stopped stage); empty when it ran.
   */
  static Optional<String> notRun(Path sweep) {
    Path manifest = sweep.resolve(RunManifest.FILE_NAME);
    if (Files.isRegularFile(manifest)) {
      RunManifest.Status status;
      try {
        status = RunManifest.read(manifest).status();
      } catch (IOException e) {
        return Optional.of(manifest + ": not a manifest");
      }
      if (status != RunManifest.Status.COMPLETE) {
        return Optional.of(
            manifest + ": status " + status.name().toLowerCase(Locale.ROOT) + ", not complete");
      }
    }
    if (!Files.isRegularFile(sweep.resolve("pull.csv"))) {
      return Optional.of(sweep.resolve("pull.csv") + ": no such file");
    }
    return Optional.empty();
  }
}
