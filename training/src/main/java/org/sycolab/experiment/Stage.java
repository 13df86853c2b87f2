package org.sycolab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * @param config the typed config ({@code EmbedConfig}, {@code TrainConfig}, …) the stage's command
 *     makes of its command line; null for a stage without one (the data's) or one it would refuse
 * @param refusal what the stage's command would refuse in its command line, in its words (naming
 *     the option); null when it accepts it
 */
public record Stage(
    String name,
    Step step,
    Kind kind,
    Path directory,
    List<String> arguments,
    Record config,
    String refusal) {

  public Stage {
    arguments = List.copyOf(arguments);
  }

  /** Config key under which a {@link Kind#COPY_DATA} stage records the files it copied. */
  public static final String COPIED_FROM = "copied_from";

  static final String OUT = "--out";
  static final String MERGE = "--merge";

  /**
   * Whether an earlier run finished this stage as planned now and left its outputs as they were
   * written (see {@link #earlier}).
   */
  public boolean isFinished(Path runRoot) throws IOException {
    return earlier(runRoot).finished();
  }

  /**
   * What an earlier run left of this stage. It is finished when its manifest says complete, for the
   * same command line — read with the run directory where it is now, since it may have moved, and
   * without the shards it merged, which change no feature — every input file it read is still there
   * with the same content (so a stage whose data or heads were made again runs again, even in a
   * later process), and every output it recorded is still there with the size and SHA-256 it had
   * when written. For a copy: the same source files with the same content, and the copies intact.
   */
  public Earlier earlier(Path runRoot) throws IOException {
    if (directory == null) {
      return Earlier.NOT_RUN;
    }
    Path file = directory.resolve(RunManifest.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Earlier.NOT_RUN;
    }
    RunManifest manifest;
    try {
      manifest = RunManifest.read(file);
    } catch (IOException e) {
      return Earlier.NOT_RUN; // unreadable: written by an interrupted run, so run the stage again
    }
    if (manifest.status() != RunManifest.Status.COMPLETE) {
      return Earlier.NOT_RUN;
    }
    boolean planned;
    if (kind == Kind.COPY_DATA) {
      planned =
          arguments.equals(manifest.config().get(COPIED_FROM))
              && unchanged(manifest.inputs(), Relocation.NONE);
    } else {
      Relocation moved = Relocation.of(manifest.commandLine(), runRoot.toAbsolutePath(), directory);
      List<String> wanted = withoutMerges(arguments);
      List<String> line = withoutMerges(manifest.commandLine().stream().map(moved::apply).toList());
      planned =
          line.size() >= wanted.size()
              && line.subList(line.size() - wanted.size(), line.size()).equals(wanted)
              && unchanged(manifest.inputs(), moved);
    }
    if (!planned) {
      return Earlier.NOT_RUN;
    }
    Optional<String> damage = damage(manifest.outputs(), runRoot.toAbsolutePath().normalize());
    return damage.map(Earlier::changed).orElse(Earlier.FINISHED);
  }

  /**
   * The first output, relative to the stage's directory, that is gone or differs from what its
   * manifest recorded, described from the run directory.
   */
  private Optional<String> damage(List<RunManifest.FileEntry> outputs, Path runRoot)
      throws IOException {
    for (RunManifest.FileEntry output : outputs) {
      Path path = directory.resolve(output.path()).normalize();
      String shown = runRoot.relativize(path.toAbsolutePath()).toString();
      if (!Files.isRegularFile(path)) {
        return Optional.of(shown + " is gone since it was written");
      }
      if (Files.size(path) != output.bytes()) {
        return Optional.of(
            shown
                + " changed since it was written ("
                + output.bytes()
                + " bytes then, "
                + Files.size(path)
                + " now)");
      }
      String sha256 = FileDigest.sha256(path);
      if (!sha256.equals(output.sha256())) {
        return Optional.of(
            shown
                + " changed since it was written (sha256 "
                + output.sha256().substring(0, 12)
                + "… then, "
                + sha256.substring(0, 12)
                + "… now)");
      }
    }
    return Optional.empty();
  }

  /**
   * What an earlier run left of a stage.
   *
   * @param finished whether it finished as planned and its outputs are intact
   * @param changed when it finished as planned but an output is gone or changed since: which one
   *     and how; null otherwise
   */
  public record Earlier(boolean finished, String changed) {

    static final Earlier NOT_RUN = new Earlier(false, null);
    static final Earlier FINISHED = new Earlier(true, null);

    static Earlier changed(String what) {
      return new Earlier(false, what);
    }
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
