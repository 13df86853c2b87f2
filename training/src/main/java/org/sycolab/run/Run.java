package org.sycolab.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sycolab.io.AtomicFiles;
import org.sycolab.io.FileDigest;

/**
 * A command's run in progress: writes {@code manifest.json} when it starts, records the digest of
 * every input it reads and every output it writes (each written atomically), and marks the manifest
 * complete or failed at the end. The manifest is rewritten, atomically, after every change, so an
 * interrupted run still says what it had finished. Changes are serialised, so a shutdown hook may
 * mark a run interrupted while its command is still writing.
 */
public final class Run {

  private final RunDirectory dir;
  private final RunSpec spec;
  private final Clock clock;
  private final String startedAt;
  private final Map<String, RunManifest.FileEntry> inputs = new LinkedHashMap<>();
  private final Map<String, RunManifest.FileEntry> outputs = new LinkedHashMap<>();
  private RunManifest manifest;
  private RunManifest.Status status = RunManifest.Status.RUNNING;
  private String finishedAt;
  private String error;

  private Run(RunDirectory dir, RunSpec spec, Clock clock) {
    this.dir = dir;
    this.spec = spec;
    this.clock = clock;
    this.startedAt = clock.instant().toString();
  }

  /** Starts a run in {@code dir}, writing its manifest with status {@code running}. */
  public static Run start(RunDirectory dir, RunSpec spec, Clock clock) throws IOException {
    Run run = new Run(dir, spec, clock);
    run.save();
    return run;
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
   * Writes an output file atomically and records its digest, computed while writing.
   *
   * @return the file's path
   */
  public Path writeOutput(String relative, AtomicFiles.OutputBody body) throws IOException {
    Path target = dir.resolve(relative);
    if (target.getFileName().toString().equals(RunManifest.FILE_NAME)
        && target.getParent().equals(dir.path())) {
      throw new IllegalArgumentException(RunManifest.FILE_NAME + " is written by the run itself");
    }
    MessageDigest digest = FileDigest.newSha256();
    AtomicFiles.write(target, out -> body.writeTo(new DigestOutputStream(out, digest)));
    String name = dir.path().relativize(target).toString();
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
