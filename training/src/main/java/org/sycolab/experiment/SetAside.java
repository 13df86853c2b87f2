package org.sycolab.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sycolab.io.FileDigest;
import org.sycolab.report.ReportWriter;
import org.sycolab.run.RunLayout;
import org.sycolab.run.RunManifest;

/**
 * Moves what a run would otherwise overwrite or show wrongly into {@code RUN/set-aside/} (a
 * finished stage's edited outputs, a dropped stage's results, an edited report), saying so on
 * {@code err}, so nothing of the user's is lost.
 */
final class SetAside {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final RunLayout run;
  private final PrintWriter err;

  SetAside(RunLayout run, PrintWriter err) {
    this.run = run;
    this.err = err;
  }

  /**
   * Moves the directory of a finished stage whose outputs changed since (edited by hand, damaged)
   * to {@code RUN/set-aside/<name>-<time>/}, in one rename, so the stage reruns into a clean
   * directory and what was there is not lost.
   *
   * @return where it went
   */
  Path directory(Path directory) throws IOException {
    return Files.move(
        directory, place(directory.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Moves the directories of stages the fixed experiment no longer has (a mixture sweep or a
   * held-out domain it dropped) to {@code RUN/set-aside/}, saying so, so the report does not show
   * an earlier experiment's results as this one's.
   */
  void droppedStages(ExperimentPlan before, ExperimentPlan after) throws IOException {
    Set<Path> kept = new HashSet<>();
    after.stages().forEach(stage -> kept.add(stage.directory()));
    for (Stage stage : before.stages()) {
      Path directory = stage.directory();
      if (directory != null && !kept.contains(directory) && Files.isDirectory(directory)) {
        Path aside = directory(directory);
        err.println(
            stage.name()
                + ": not in the fixed experiment; its results are moved to "
                + run.root().relativize(aside));
      }
    }
  }

  /**
   * Before the report is drawn again, moves the report files edited since the run's manifest
   * recorded them to {@code RUN/set-aside/report-<time>/}, saying so, as a stage's edited outputs
   * are: the user's edits are kept, not overwritten.
   */
  void editedReport() throws IOException {
    Path dir = run.root();
    Path file = run.manifest();
    if (!Files.isRegularFile(file)) {
      return;
    }
    List<String> report =
        ReportWriter.files(dir).stream().map(f -> dir.relativize(f).toString()).toList();
    List<String> edited = new ArrayList<>();
    for (RunManifest.FileEntry entry : RunManifest.read(file).outputs()) {
      Path path = dir.resolve(entry.path());
      if (report.contains(entry.path())
          && Files.isRegularFile(path)
          && !FileDigest.sha256(path).equals(entry.sha256())) {
        edited.add(entry.path());
      }
    }
    if (edited.isEmpty()) {
      return;
    }
    Path target = place("report");
    for (String name : edited) {
      Path moved = target.resolve(name);
      Files.createDirectories(moved.getParent());
      Files.move(dir.resolve(name), moved, StandardCopyOption.ATOMIC_MOVE);
    }
    err.println(
        "report: "
            + String.join(", ", edited)
            + (edited.size() == 1 ? " was" : " were")
            + " edited since it was written; the report is drawn again (the edited copy is"
            + " kept in "
            + dir.relativize(target)
            + ")");
  }

  /** A free {@code RUN/set-aside/<name>-<time>[-i]} for what is set aside now. */
  private Path place(String name) throws IOException {
    Path aside = Files.createDirectories(run.setAside());
    String base = name + "-" + LocalDateTime.now().format(STAMP);
    Path target = aside.resolve(base);
    for (int i = 2; Files.exists(target); i++) {
      target = aside.resolve(base + "-" + i);
    }
    return target;
  }
}
