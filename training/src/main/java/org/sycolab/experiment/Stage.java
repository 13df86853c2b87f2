package org.sycolab.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sycolab.io.FileDigest;
import org.sycolab.run.RunManifest;
import org.sycolab.stage.EmbedConfig;
import org.sycolab.stage.StageConfig;

/**
 * One step of a run: a stage of {@code org.sycolab.stage} with its typed config, or the copy of the
 * experiment's own data files into the run. A stage with a directory is finished when that
 * directory's manifest says complete for the same config (see {@link #earlier}); one without
 * (validation, the report) runs every time.
 *
 * @param name what the progress lines and {@code --until} call it
 * @param step the stage of the data flow it belongs to
 * @param directory where it writes its outputs and manifest; null when it keeps no record
 * @param config what it does: a {@link StageConfig} ({@code EmbedConfig}, {@code TrainConfig}, …)
 *     or a {@link DataCopy}; null when the experiment asks for something the stage refuses
 * @param refusal why the stage refuses what the experiment asks, in the words of its command
 *     (naming the option); null when it accepts it
 */
public record Stage(String name, Step step, Path directory, Record config, String refusal) {

  /** Words a POSIX shell reads as they are. */
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:,=@%+-]+");

  /** Requires a config or a refusal. */
  public Stage {
    if ((config == null) == (refusal == null)) {
      throw new IllegalArgumentException("a stage has a config or a refusal: " + name);
    }
  }

  /**
   * The {@code sycolab} command line that does what this stage does, after the global options;
   * empty for a data copy, which no command does.
   */
  public List<String> commandLine() {
    return config instanceof StageConfig command ? command.commandLine() : List.of();
  }

  /**
   * What the stage does, as a dry run lists it: its command line with {@code global} options,
   * quoted for a POSIX shell where a word needs it, or the files a data copy validates and copies.
   */
  public String describe(String global) {
    if (config instanceof DataCopy copy) {
      return "validate and copy " + copy.pairs() + " and " + copy.pools();
    }
    if (config == null) {
      return "refused: " + refusal;
    }
    StringBuilder line = new StringBuilder("sycolab ").append(global);
    for (String word : commandLine()) {
      line.append(' ').append(shellWord(word));
    }
    return line.toString();
  }

  /** {@code word} as a POSIX shell reads it back: as it is, or in single quotes. */
  static String shellWord(String word) {
    return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }

  /**
   * What the stage's manifest records, added to its config: the stage's config as plain values
   * ({@link ConfigJson}) and the run directory it ran in.
   */
  Map<String, Object> recorded(Path runRoot) {
    Map<String, Object> recorded = new LinkedHashMap<>();
    recorded.put(ConfigJson.KEY, ConfigJson.of(config, runRoot));
    recorded.put(ConfigJson.RUN_DIRECTORY, runRoot.toAbsolutePath().normalize().toString());
    return recorded;
  }

  /**
   * Whether an earlier run finished this stage as planned now and left its outputs as they were
   * written (see {@link #earlier}).
   */
  public boolean isFinished(Path runRoot) throws IOException {
    return earlier(runRoot).finished();
  }

  /**
   * What an earlier run left of this stage. It is finished when its manifest says complete for the
   * same config — paths inside the run read relative to it, since it may have moved, and without
   * the shard directories an embedding merged, which change no feature — every input file it read
   * is still there with the same content (so a stage whose data or heads were made again runs
   * again, even in a later process), and every output it recorded is still there with the size and
   * SHA-256 it had when written.
   */
  public Earlier earlier(Path runRoot) throws IOException {
    if (directory == null || config == null) {
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
    Path root = runRoot.toAbsolutePath().normalize();
    Object then = manifest.config().get(ConfigJson.KEY);
    if (then == null) {
      return Earlier.OLDER;
    }
    if (!ConfigJson.same(withoutMerges(then), withoutMerges(ConfigJson.of(config, root)))) {
      return Earlier.NOT_RUN;
    }
    Object ranIn = manifest.config().get(ConfigJson.RUN_DIRECTORY);
    Path before = ranIn == null ? root : Path.of(ranIn.toString());
    if (!unchanged(manifest.inputs(), before, root)) {
      return Earlier.NOT_RUN;
    }
    Optional<String> damage = damage(manifest.outputs(), root);
    return damage.map(Earlier::changed).orElse(Earlier.FINISHED);
  }

  /** An embedding's config without the shards it merged, which change no feature. */
  private Object withoutMerges(Object plain) {
    if (config instanceof EmbedConfig && plain instanceof Map<?, ?> fields) {
      Map<Object, Object> kept = new LinkedHashMap<>(fields);
      kept.remove("merge");
      return kept;
    }
    return plain;
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
   * @param older whether it finished, recorded by a sycolab that kept no {@link ConfigJson#KEY}, so
   *     whether as planned cannot be told
   */
  public record Earlier(boolean finished, String changed, boolean older) {

    static final Earlier NOT_RUN = new Earlier(false, null, false);
    static final Earlier FINISHED = new Earlier(true, null, false);
    static final Earlier OLDER = new Earlier(false, null, true);

    static Earlier changed(String what) {
      return new Earlier(false, what, false);
    }
  }

  /**
   * Whether every input file is where it was with the content it had; inputs inside the run
   * directory the stage ran in ({@code before}) are read inside {@code now}, where the run is.
   */
  private static boolean unchanged(List<RunManifest.FileEntry> inputs, Path before, Path now)
      throws IOException {
    for (RunManifest.FileEntry input : inputs) {
      Path path = Path.of(input.path());
      if (path.isAbsolute() && path.startsWith(before)) {
        path = now.resolve(before.relativize(path));
      }
      if (!Files.isRegularFile(path) || !FileDigest.sha256(path).equals(input.sha256())) {
        return false;
      }
    }
    return true;
  }

  /** The stages of the data flow, in order; {@code --until} stops after one. */
  public enum Step {
    DATA,
    EMBED,
    TRAIN,
    DIAGNOSE,
    PULL,
    AUDIT,
    REPORT;

    /** The lower-case name used on the command line. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
