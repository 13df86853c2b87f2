package org.sycolab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sycolab.io.FileDigest;
import org.sycolab.run.RunManifest;

/**
 * One step of a run: a {@code sycolab} command line, or the copy of the experiment's own data files
 * into the run. A stage with a directory is finished when that directory's manifest says complete
 * for the same command line (see {@link #isFinished}); one without (validation, the report) runs
 * every time.
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

  static final String OUT = "--out";
  static final String MERGE = "--merge";

  /**
   * Whether an earlier run finished this stage as planned now: its manifest says complete, for the
   * same command line — read with the run directory where it is now, since it may have moved, and
   * without the shards it merged, which change no feature — or, for a copy, the same source files
   * with the same content.
   */
  public boolean isFinished(Path runRoot) throws IOException {
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
      return arguments.equals(manifest.config().get(COPIED_FROM)) && unchanged(manifest.inputs());
    }
    List<String> planned = withoutMerges(arguments);
    List<String> line = withoutMerges(relocated(manifest.commandLine(), runRoot));
    return line.size() >= planned.size()
        && line.subList(line.size() - planned.size(), line.size()).equals(planned);
  }

  private static boolean unchanged(List<RunManifest.FileEntry> sources) throws IOException {
    for (RunManifest.FileEntry source : sources) {
      Path path = Path.of(source.path());
      if (!Files.isRegularFile(path) || !FileDigest.sha256(path).equals(source.sha256())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The recorded command line with the run directory it ran in (found from its {@code --out}, which
   * is this stage's directory there) replaced by {@code runRoot}.
   */
  private List<String> relocated(List<String> line, Path runRoot) {
    int out = line.lastIndexOf(OUT);
    if (out < 0 || out + 1 >= line.size()) {
      return line;
    }
    Path relative = runRoot.relativize(directory);
    Path old = Path.of(line.get(out + 1));
    if (!old.endsWith(relative)) {
      return line;
    }
    for (int i = 0; i < relative.getNameCount(); i++) {
      old = old.getParent();
    }
    String from = old.toString();
    String to = runRoot.toString();
    if (from.equals(to)) {
      return line;
    }
    List<String> moved = new ArrayList<>();
    for (String arg : line) {
      moved.add(
          arg.equals(from) || arg.startsWith(from + "/") ? to + arg.substring(from.length()) : arg);
    }
    return moved;
  }

  /** The command line without {@code --merge} and its directories. */
  private static List<String> withoutMerges(List<String> line) {
    List<String> kept = new ArrayList<>();
    boolean merging = false;
    for (String arg : line) {
      if (arg.equals(MERGE)) {
        merging = true;
      } else if (!merging || arg.startsWith("-")) {
        merging = false;
        kept.add(arg);
      }
    }
    return kept;
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
