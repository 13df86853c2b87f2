package org.sycolab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.sycolab.io.FileDigest;
import org.sycolab.report.ReportWriter;
import org.sycolab.run.RunLayout;
import org.sycolab.run.RunManifest;

/**
 * What a directory already holds of a run: whether {@code --out} may start a run there, and whether
 * a run there is complete with nothing to do.
 */
final class ExistingRun {

  private ExistingRun() {}

  /**
   * Refuses an {@code --out} that holds a run (continue it with {@code --resume}) or any of the
   * names a run of {@code plan} writes at its top level: stage directories ({@code data/}, {@code
   * heads/}, …) are replaced whole and the report's files rewritten, so a directory or file of the
   * user's by such a name would be lost. Other entries (a {@code doctor/} beside the run) stay.
   */
  static void refuse(Path dir, ExperimentPlan plan) throws IOException {
    if (Files.exists(new RunLayout(dir).experiment())) {
      throw new IllegalArgumentException(
          "--out " + dir + " already holds a run; continue it with: sycolab run --resume " + dir);
    }
    if (!Files.isDirectory(dir)) {
      return;
    }
    Set<String> written = namesWritten(plan);
    List<String> taken;
    try (Stream<Path> entries = Files.list(dir)) {
      taken =
          entries
              .map(entry -> entry.getFileName().toString())
              .filter(written::contains)
              .sorted()
              .toList();
    }
    if (!taken.isEmpty()) {
      throw new IllegalArgumentException(
          "--out "
              + dir
              + " already holds "
              + String.join(", ", taken)
              + ", which a run writes and would replace; give a new or empty directory, or move"
              + (taken.size() == 1 ? " it" : " them")
              + " away");
    }
  }

  /** The names a run writes directly in its directory: stage directories, report, manifest. */
  private static Set<String> namesWritten(ExperimentPlan plan) throws IOException {
    Set<String> names = new HashSet<>();
    for (Stage stage : plan.stages()) {
      if (stage.directory() != null) {
        names.add(stage.directory().getFileName().toString());
      }
    }
    names.addAll(
        List.of(
            RunManifest.FILE_NAME,
            RunLayout.SHARDS,
            RunLayout.SET_ASIDE,
            ReportWriter.PLOTS,
            ReportWriter.HTML,
            ReportWriter.MARKDOWN));
    return names;
  }

  /**
   * Whether the run was complete, every file its manifest lists (stage manifests, the report) is
   * still there unchanged, and every stage it keeps a record of is still finished: then resuming
   * it, with or without {@code --until}, changes nothing.
   */
  static boolean isComplete(RunLayout run, List<Stage> stages) throws IOException {
    Path file = run.manifest();
    if (!Files.isRegularFile(file)) {
      return false;
    }
    RunManifest manifest;
    try {
      manifest = RunManifest.read(file);
    } catch (IOException e) {
      throw new IOException(
          e.getMessage() + "; move it away to resume from the stages' own manifests", e);
    }
    if (manifest.status() != RunManifest.Status.COMPLETE) {
      return false;
    }
    for (RunManifest.FileEntry output : manifest.outputs()) {
      Path path = run.root().resolve(output.path());
      if (!Files.isRegularFile(path) || !FileDigest.sha256(path).equals(output.sha256())) {
        return false;
      }
    }
    for (Stage stage : stages) {
      if (stage.directory() != null && !stage.isFinished(run.root())) {
        return false;
      }
    }
    return true;
  }
}
