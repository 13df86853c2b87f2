package org.sycolab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sycolab.io.FileDigest;

/**
 * Dataset files validated in this process, with their records, so that a file read again unchanged
 * is not validated again: the stages of one {@code sycolab run} share a JVM and read the same pairs
 * and pools files several times each.
 *
 * <p>A file is the same when its absolute path, size, last-modified time and the SHA-256 of its
 * content are (hashing is a fraction of what parsing and checking every record costs); a file
 * edited in any way is validated again. Only clean files are kept, with the text limits they were
 * checked against. Each validation logs {@code validated FILE (N records)} at debug level.
 *
 * <p>Memory stays bounded: at most {@value #MAX_FILES} files are kept (a run reads a pairs and a
 * pools file, sometimes a second of each), the least recently read going first, and their sizes
 * together stay within {@link #defaultBudget()}, an eighth of the largest heap, since records take
 * a few times their file's bytes on the heap. A file larger than that budget is validated on every
 * read, as it was before this memo.
 */
final class ValidatedFiles {

  /** How many files are kept at most. */
  static final int MAX_FILES = 4;

  /** The memo {@link Datasets} reads through. */
  static final ValidatedFiles SHARED = new ValidatedFiles(defaultBudget(), DatasetValidator::new);

  private static final Logger LOG = LoggerFactory.getLogger(ValidatedFiles.class);

  private final long budgetBytes;
  private final ValidatorFactory validators;
  private final Map<Key, Validated> kept = new LinkedHashMap<>(16, 0.75f, true);

  /**
   * A memo of at most {@link #MAX_FILES} files of at most {@code budgetBytes} together.
   *
   * @param validators makes the validator of given text limits; tests count its validations
   */
  ValidatedFiles(long budgetBytes, ValidatorFactory validators) {
    this.budgetBytes = budgetBytes;
    this.validators = validators;
  }

  /** An eighth of the largest heap this JVM may grow to, in file bytes. */
  static long defaultBudget() {
    return Runtime.getRuntime().maxMemory() / 8;
  }

  /**
   * The report and records of {@code file}, validated now unless an unchanged file was validated
   * clean with the same limits before. A file that is not a regular file is validated (and so
   * reported) every time.
   */
  Validated validate(Path file, TextLimits limits) throws IOException {
    if (!Files.isRegularFile(file)) {
      return validateNow(file, limits);
    }
    Stamp before = Stamp.of(file);
    if (before.size() > budgetBytes) {
      return validateNow(file, limits);
    }
    Key key =
        new Key(
            file.toAbsolutePath().normalize().toString(), before, FileDigest.sha256(file), limits);
    synchronized (this) {
      Validated known = kept.get(key);
      if (known != null) {
        return known;
      }
    }
    Validated validated = validateNow(file, limits);
    if (validated.report().clean() && Stamp.of(file).equals(before)) {
      keep(key, validated);
    }
    return validated;
  }

  private Validated validateNow(Path file, TextLimits limits) throws IOException {
    List<DatasetRecord> records = new ArrayList<>();
    ValidationReport report = validators.create(limits).validate(file, records::add);
    LOG.debug("validated {} ({} records)", file, records.size());
    return new Validated(report, List.copyOf(records));
  }

  private synchronized void keep(Key key, Validated validated) {
    kept.put(key, validated);
    long bytes = kept.keySet().stream().mapToLong(k -> k.stamp().size()).sum();
    Iterator<Key> eldest = kept.keySet().iterator();
    while (kept.size() > MAX_FILES || bytes > budgetBytes) {
      bytes -= eldest.next().stamp().size();
      eldest.remove();
    }
  }

  /**
   * A validation's outcome.
   *
   * @param report the report
   * @param records the valid records in file order, unmodifiable
   */
  record Validated(ValidationReport report, List<DatasetRecord> records) {}

  /** Makes a validator for text limits. */
  @FunctionalInterface
  interface ValidatorFactory {
    DatasetValidator create(TextLimits limits);
  }

  /** What a file's attributes say of its version. */
  private record Stamp(long size, long modifiedNanos) {
    static Stamp of(Path file) throws IOException {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }
  }

  private record Key(String path, Stamp stamp, String sha256, TextLimits limits) {}
}
