package org.sycolab.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.sycolab.io.AtomicFiles;
import org.sycolab.io.FileDigest;

/**
 * One execution of a command or stage into its directory, in progress: writes {@code manifest.json}
 * when it starts, records the digest of every input it reads and every output it writes (each
 * written atomically), and marks the manifest complete or failed at the end. The manifest is
 * rewritten, atomically, after every change, so an interrupted run still says what it had finished.
 * Changes are serialised, so a shutdown hook may mark a run interrupted while its command is still
 * writing.
 */
public final class Execution {

  private final RunDirectory dir;
  private final RunSpec spec;
  private final Clock clock;
  private final String startedAt;
  private final Map<String, RunManifest.FileEntry> inputs = new LinkedHashMap<>();
  private final Map<String, RunManifest.FileEntry> outputs = new LinkedHashMap<>();
  private final Set<String> earlierOutputs = new HashSet<>();
  private RunManifest manifest;
  private RunManifest.Status status = RunManifest.Status.RUNNING;
  private String finishedAt;
  private String error;

  private Execution(RunDirectory dir, RunSpec spec, Clock clock) {
    this.dir = dir;
    this.spec = spec;
    this.clock = clock;
    this.startedAt = clock.instant().toString();
  }

  /**
   * Starts a run in {@code dir}, writing its manifest with status {@code running}. In a directory
   * that holds an earlier run's manifest, the files that manifest lists as outputs are the ones
   * this run may replace; any other file already there is the user's (see {@link #writeOutput}).
   *
   * @throws FileAlreadyExistsException when {@code dir} holds a {@code manifest.json} that is not a
   *     sycolab manifest, which this run will not replace
   */
  public static Execution start(RunDirectory dir, RunSpec spec, Clock clock) throws IOException {
    Execution run = new Execution(dir, spec, clock);
    run.earlierOutputs.addAll(earlierOutputs(dir));
    run.save();
    return run;
  }

  /** The outputs the manifest of an earlier run in {@code dir} lists; none when there is none. */
  private static Set<String> earlierOutputs(RunDirectory dir) throws IOException {
    Path file = dir.path().resolve(RunManifest.FILE_NAME);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Set.of();
    }
    RunManifest earlier;
    try {
      earlier = RunManifest.read(file);
    } catch (IOException e) {
      throw new FileAlreadyExistsException(
          file.toString(),
          null,
          "not a manifest sycolab can read ("
              + e.getMessage()
              + "), so not replaced; move it away or choose another --out");
    }
    Set<String> names = new HashSet<>();
    earlier.outputs().forEach(entry -> names.add(entry.path()));
    return names;
  }

  /**
   * Whether an earlier run in this directory wrote {@code relative} (its manifest lists it), so
   * this run may replace or remove it.
   */
  public boolean wroteEarlier(String relative) {
    return earlierOutputs.contains(dir.path().relativize(dir.resolve(relative)).toString());
  }

  /** The run's directory. */
  public RunDirectory directory() {
    return dir;
  }

  /** The manifest as last written. */
  public RunManifest manifest() {
    return manifest;
  }

  /**
   * Records an input file with its size and SHA-256.
   *
   * @return the entry recorded, digest included
   */
  public RunManifest.FileEntry recordInput(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    RunManifest.FileEntry entry =
        new RunManifest.FileEntry(
            absolute.toString(), Files.size(absolute), FileDigest.sha256(absolute));
    record(inputs, absolute.toString(), entry);
    return entry;
  }

  /**
   * Writes an output file atomically and records its digest, computed while writing. A file already
   * at that place is replaced only when sycolab wrote it: this run, or an earlier run whose
   * manifest in this directory lists it.
   *
   * @throws FileAlreadyExistsException when a file of the user's is in the way
   * @return the file's path
   */
  public Path writeOutput(String relative, AtomicFiles.OutputBody body) throws IOException {
    Path target = dir.resolve(relative);
    if (target.getFileName().toString().equals(RunManifest.FILE_NAME)
        && target.getParent().equals(dir.path())) {
      throw new IllegalArgumentException(RunManifest.FILE_NAME + " is written by the run itself");
    }
    String name = dir.path().relativize(target).toString();
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && !earlierOutputs.contains(name)
        && !outputs.containsKey(name)) {
      throw new FileAlreadyExistsException(
          target.toString(),
          null,
          "already there and not written by sycolab (no manifest.json here lists it), so not"
              + " replaced; move it away or choose another --out");
    }
    MessageDigest digest = FileDigest.newSha256();
    AtomicFiles.write(target, out -> body.writeTo(new DigestOutputStream(out, digest)));
    record(
        outputs,
        name,
        new RunManifest.FileEntry(
            name, Files.size(target), HexFormat.of().formatHex(digest.digest())));
    return target;
  }

  /**
   * Writes an output directory atomically (all its files appear together, see {@link
   * AtomicFiles#writeDirectory}) and records each file's digest.
   *
   * @return the directory's path
   */
  public Path writeOutputDirectory(String relative, AtomicFiles.DirectoryBody body)
      throws IOException {
    Path target = dir.resolve(relative);
    AtomicFiles.writeDirectory(target, body);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(target)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      String name = dir.path().relativize(file).toString();
      record(
          outputs,
          name,
          new RunManifest.FileEntry(name, Files.size(file), FileDigest.sha256(file)));
    }
    return target;
  }

  /**
   * Records a file that something else wrote inside the run directory (a stage of an experiment),
   * with its digest.
   */
  public void recordOutput(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    if (!absolute.startsWith(dir.path())) {
      throw new IllegalArgumentException(file + " is outside the run directory " + dir);
    }
    String name = dir.path().relativize(absolute).toString();
    record(
        outputs,
        name,
        new RunManifest.FileEntry(name, Files.size(absolute), FileDigest.sha256(absolute)));
  }

  /** Adds an entry and saves, under the run's lock, so a shutdown hook sees a whole manifest. */
  private synchronized void record(
      Map<String, RunManifest.FileEntry> files, String key, RunManifest.FileEntry entry)
      throws IOException {
    files.put(key, entry);
    save();
  }

  /** Marks the run stopped: it ended early on request and can be resumed. */
  public void stop() throws IOException {
    end(RunManifest.Status.STOPPED, null);
  }

  /**
   * Marks the run complete. Files recorded afterwards keep it complete: a report drawn from the
   * finished run.
   */
  public void complete() throws IOException {
    end(RunManifest.Status.COMPLETE, null);
  }

  /** Whether the run is still in progress: started and not yet ended. */
  public synchronized boolean isRunning() {
    return status == RunManifest.Status.RUNNING;
  }

  /**
   * Marks a run still in progress interrupted (by Ctrl-C or another signal), keeping what it had
   * recorded; never throws.
   *
   * @return whether it was still in progress and is now marked
   */
  public synchronized boolean interrupt() {
    if (!isRunning()) {
      return false;
    }
    try {
      end(RunManifest.Status.INTERRUPTED, "interrupted before it finished");
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Marks the run failed, keeping what it had recorded; never throws. */
  public synchronized void fail(Throwable cause) {
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    try {
      end(RunManifest.Status.FAILED, message);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  private synchronized void end(RunManifest.Status status, String error) throws IOException {
    this.status = status;
    this.finishedAt = clock.instant().toString();
    this.error = error;
    save();
  }

  private synchronized void save() throws IOException {
    RunManifest next =
        new RunManifest(
            RunManifest.SCHEMA_VERSION,
            spec.command(),
            spec.commandLine(),
            Path.of("").toAbsolutePath().toString(),
            startedAt,
            finishedAt,
            status,
            error,
            spec.config(),
            spec.git(),
            spec.versions(),
            spec.device(),
            spec.seeds(),
            new ArrayList<>(inputs.values()),
            new ArrayList<>(outputs.values()));
    AtomicFiles.writeString(dir.path().resolve(RunManifest.FILE_NAME), next.toJson());
    manifest = next;
  }
}
