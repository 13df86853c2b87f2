package org.sycolab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sycolab.run.RunManifest;

/**
 * One step of a run: a {@code sycolab} command line, or the copy of the experiment's own data files
 * into the run. A stage with a directory is finished when that directory's manifest says complete
 * for the same command line; one without (validation, the report) runs every time.
 *
 * @param name what the progress lines and {@code --until} call it
 * @param step the stage of the data flow it belongs to
 * @param directory where it writes its outputs and manifest; null when it keeps no record
 * @param arguments the command line, or for {@link Kind#COPY_DATA} the pairs and pools files
 */
public record Stage(String name, Step step, Kind kind, Path directory, List<String> arguments) {

  public Stage {
    arguments = List.copyOf(arguments);
  }

  /** Config key under which a {@link Kind#COPY_DATA} stage records the files it copied. */
  public static final String COPIED_FROM = "copied_from";

  /**
   * Whether an earlier run finished this stage as planned now: its manifest says complete, for the
   * same command line (or, for a copy, the same source files).
   */
  public boolean isFinished() throws IOException {
    if (directory == null) {
      return false;
    }
    Path file = directory.resolve(RunManifest.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    RunManifest manifest;
    try {
      manifest = RunManifest.read(file);
    } catch (IOException e) {
      return false; // unreadable: written by an interrupted run, so run the stage again
    }
    if (manifest.status() != RunManifest.Status.COMPLETE) {
      return false;
    }
    if (kind == Kind.COPY_DATA) {
      return arguments.equals(manifest.config().get(COPIED_FROM));
    }
    List<String> line = manifest.commandLine();
    return line.size() >= arguments.size()
        && line.subList(line.size() - arguments.size(), line.size()).equals(arguments);
  }

  /** How a stage is carried out. */
  public enum Kind {
    /** Runs a {@code sycolab} command in this process. */
    COMMAND,
    /** Validates the experiment's pairs and pools files and copies them into the run. */
    COPY_DATA
  }

  /** The stages of the data flow, in order; {@code --until} stops after one. */
  public enum Step {
    DATA,
    EMBED,
    TRAIN,
    DIAGNOSE,
    PULL,
    REPORT;

    /** The lower-case name used on the command line. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
