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
   * without the shards it merged, which change no feature — and every input file it read is still
   * there with the same content (so a stage whose data or heads were made again runs again, even in
   * a later process). For a copy: the same source files with the same content.
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
      return arguments.equals(manifest.config().get(COPIED_FROM))
          && unchanged(manifest.inputs(), Relocation.NONE);
    }
    Relocation moved = Relocation.of(manifest.commandLine(), runRoot.toAbsolutePath(), directory);
    List<String> planned = withoutMerges(arguments);
    List<String> line = withoutMerges(manifest.commandLine().stream().map(moved::apply).toList());
    return line.size() >= planned.size()
        && line.subList(line.size() - planned.size(), line.size()).equals(planned)
        && unchanged(manifest.inputs(), moved);
  }

  /** Whether every input file is where it was (after a move) with the content it had. */
  private static boolean unchanged(List<RunManifest.FileEntry> inputs, Relocation moved)
      throws IOException {
    for (RunManifest.FileEntry input : inputs) {
      Path path = Path.of(moved.apply(input.path()));
      if (!Files.isRegularFile(path) || !FileDigest.sha256(path).equals(input.sha256())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where the run directory a manifest was written in is now: paths under {@code from} are read
   * under {@code to}.
   */
  private record Relocation(String from, String to) {

    static final Relocation NONE = new Relocation("", "");

    /**
     * The move of the run that recorded {@code line}, found from its {@code --out}, which was the
     * stage's {@code directory} there; none when that cannot be told.
     */
    static Relocation of(List<String> line, Path runRoot, Path directory) {
      int out = line.lastIndexOf(OUT);
      if (out < 0 || out + 1 >= line.size()) {
        return NONE;
      }
      Path relative = runRoot.relativize(directory.toAbsolutePath());
      Path old = Path.of(line.get(out + 1));
      if (!old.isAbsolute()
          || old.getNameCount() <= relative.getNameCount()
          || !old.endsWith(relative)) {
        return NONE;
      }
      for (int i = 0; i < relative.getNameCount(); i++) {
        old = old.getParent();
      }
      return old.equals(runRoot) ? NONE : new Relocation(old.toString(), runRoot.toString());
    }

    String apply(String arg) {
      if (from.isEmpty()) {
        return arg;
      }
      return arg.equals(from) || arg.startsWith(from + "/")
          ? to + arg.substring(from.length())
          : arg;
    }
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
