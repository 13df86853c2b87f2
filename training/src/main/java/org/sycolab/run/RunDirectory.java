package org.sycolab.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sycolab.io.AtomicFiles;

/**
 * The directory one command writes into: {@code runs/<name>-<timestamp>/} by default, or the
 * directory given with {@code --out}. Opening a directory clears the temporary files an interrupted
 * writer may have left in it; finished outputs are never touched.
 */
public final class RunDirectory {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
  private static final int MAX_SUFFIX = 1000;

  private final Path path;
  private final boolean created;

  private RunDirectory(Path path, boolean created) {
    this.path = path;
    this.created = created;
  }

  /**
   * Opens {@code out}, creating it if needed; an existing directory is reused (a resumed run).
   *
   * @throws IOException when {@code out} exists and is not a directory, or cannot be created
   */
  public static RunDirectory at(Path out) throws IOException {
    Path dir = out.toAbsolutePath().normalize();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IOException("--out " + out + ": exists and is not a directory");
    }
    boolean created = !Files.exists(dir);
    Files.createDirectories(dir);
    AtomicFiles.sweepTemporaries(dir);
    return new RunDirectory(dir, created);
  }

  /** Environment variable that moves the default {@code runs/} directory. */
  public static final String RUNS_ENV = "SYCOLAB_RUNS";

  /** Where new run directories go: {@code $SYCOLAB_RUNS}, or {@code runs/} here. */
  public static Path runsRoot() {
    String runs = System.getenv(RUNS_ENV);
    return (runs == null || runs.isBlank() ? Path.of("runs") : Path.of(runs)).toAbsolutePath();
  }

  /**
   * {@code out} when given ({@link #at}), else a fresh directory named after {@code name} under
   * {@link #runsRoot} ({@link #create}).
   */
  public static RunDirectory atOrFresh(Path out, String name) throws IOException {
    return out != null ? at(out) : create(runsRoot(), name, Clock.systemDefaultZone());
  }

  /**
   * Creates a fresh {@code <runsRoot>/<name>-<yyyyMMdd-HHmmss>} directory; when two runs start in
   * the same second the later one gets a {@code -2}, {@code -3}, ... suffix.
   */
  public static RunDirectory create(Path runsRoot, String name, Clock clock) throws IOException {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "run name '"
              + name
              + "': expected 1-64 letters, digits, '.', '_' or '-', starting with a letter or"
              + " digit");
    }
    Files.createDirectories(runsRoot);
    String base = name + "-" + LocalDateTime.now(clock).format(STAMP);
    for (int i = 1; i <= MAX_SUFFIX; i++) {
      Path candidate = runsRoot.resolve(i == 1 ? base : base + "-" + i);
      try {
        return new RunDirectory(
            Files.createDirectory(candidate).toAbsolutePath().normalize(), true);
      } catch (FileAlreadyExistsException e) {
        // Another run took this name in the same second; try the next suffix.
      }
    }
    throw new IOException("cannot find a free run directory name under " + runsRoot);
  }

  /** Absolute path of the directory. */
  public Path path() {
    return path;
  }

  /**
   * Resolves a path inside the directory.
   *
   * @throws IllegalArgumentException when {@code relative} would leave the directory
   */
  public Path resolve(String relative) {
    Path resolved = path.resolve(relative).normalize();
    if (!resolved.startsWith(path) || resolved.equals(path)) {
      throw new IllegalArgumentException(
          "output '" + relative + "' must name a file inside the run directory " + path);
    }
    return resolved;
  }

  /**
   * Removes the directory when it was created by this process and holds nothing but the run's
   * {@code manifest.json}: what a command that failed on its input, before any work, would leave
   * behind. Anything else, or a directory that was there before, stays. Never throws.
   *
   * @return whether it was removed
   */
  public boolean removeIfOnlyManifest() {
    if (!created) {
      return false;
    }
    try (Stream<Path> entries = Files.list(path)) {
      if (!entries.map(p -> p.getFileName().toString()).allMatch(RunManifest.FILE_NAME::equals)) {
        return false;
      }
      Files.deleteIfExists(path.resolve(RunManifest.FILE_NAME));
      Files.delete(path);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
