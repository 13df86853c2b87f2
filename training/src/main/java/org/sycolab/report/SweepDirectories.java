package org.sycolab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.sycolab.run.RunLayout;
import org.sycolab.run.RunManifest;

/**
 * The ablation sweeps beside a run's {@code pull/}: directories whose names start with a prefix,
 * such as {@link RunLayout#MIXTURE_PULL_PREFIX} or {@link RunLayout#HELDOUT_PULL_PREFIX}, and
 * whether each ran to the end.
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
   * Why a sweep directory counts as not run: it has no {@link RunLayout#PULL_FILE}, or its manifest
   * says it did not complete (a crashed or stopped stage); empty when it ran.
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
    Path pull = sweep.resolve(RunLayout.PULL_FILE);
    if (!Files.isRegularFile(pull)) {
      return Optional.of(pull + ": no such file");
    }
    return Optional.empty();
  }
}
