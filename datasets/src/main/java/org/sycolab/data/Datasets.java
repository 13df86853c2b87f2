package org.sycolab.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sycolab.io.AtomicFiles;

/**
 * Reading and writing dataset files. Reading validates the whole file first and fails with every
 * problem listed, so no stage ever works on half a dataset; a file read again unchanged in the same
 * process is not validated again ({@link ValidatedFiles}), and the lists read are unmodifiable.
 * Writing is atomic.
 */
public final class Datasets {

  private Datasets() {}

  /** Reads a file of preference pairs, or fails listing its problems. */
  public static List<PreferencePair> readPairs(Path file, TextLimits limits)
      throws IOException, InvalidDatasetException {
    return read(file, limits, RecordKind.PAIRS, PreferencePair.class);
  }

  /** Reads a file of candidate pools, or fails listing its problems. */
  public static List<CandidatePool> readPools(Path file, TextLimits limits)
      throws IOException, InvalidDatasetException {
    return read(file, limits, RecordKind.POOLS, CandidatePool.class);
  }

  /**
   * The preference pairs of {@code file}, validated in full with the default text limits; refuses a
   * file of pools, or one without pairs, naming {@code field} (the option or experiment field that
   * gave the file).
   */
  public static List<PreferencePair> readPairs(Path file, String field)
      throws IOException, InvalidDatasetException {
    return only(file, field, PreferencePair.class, "preference pairs");
  }

  /** The candidate pools of {@code file}; see {@link #readPairs(Path, String)}. */
  public static List<CandidatePool> readPools(Path file, String field)
      throws IOException, InvalidDatasetException {
    return only(file, field, CandidatePool.class, "candidate pools");
  }

  /** Every record of {@code file}, validated in full with the default text limits. */
  public static List<DatasetRecord> readAll(Path file) throws IOException, InvalidDatasetException {
    requireFile(file);
    return validated(file, TextLimits.DEFAULT).records();
  }

  /**
   * Refuses a directory, a missing file or a device where a dataset file is expected, with the same
   * words everywhere: {@code FILE: expected a file, got a directory}.
   */
  public static void requireFile(Path file) throws FileSystemException {
    Optional<String> notAFile = DatasetValidator.notAFile(file);
    if (notAFile.isPresent()) {
      throw new FileSystemException(file.toString(), null, notAFile.get());
    }
  }

  private static <T extends DatasetRecord> List<T> only(
      Path file, String field, Class<T> type, String what)
      throws IOException, InvalidDatasetException {
    List<T> typed = new ArrayList<>();
    for (DatasetRecord record : readAll(file)) {
      if (!type.isInstance(record)) {
        throw new IllegalArgumentException(
            field + " " + file + " must hold " + what + ", but it holds other records");
      }
      typed.add(type.cast(record));
    }
    if (typed.isEmpty()) {
      throw new IllegalArgumentException(field + " " + file + " holds no " + what);
    }
    return List.copyOf(typed);
  }

  /** Writes pairs as JSONL, atomically. */
  public static void writePairs(Path file, Iterable<PreferencePair> pairs) throws IOException {
    write(file, pairs);
  }

  /** Writes pools as JSONL, atomically. */
  public static void writePools(Path file, Iterable<CandidatePool> pools) throws IOException {
    write(file, pools);
  }

  /** One record as a single JSON line, without the line end. */
  public static String toJsonLine(DatasetRecord record) {
    ObjectNode node =
        record instanceof PreferencePair pair
            ? PairCodec.toJson(pair)
            : PoolCodec.toJson((CandidatePool) record);
    return node.toString();
  }

  /** Writes records as JSONL (UTF-8, one record a line) to {@code out}, leaving it open. */
  public static void write(OutputStream out, Iterable<? extends DatasetRecord> records)
      throws IOException {
    Writer writer =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    for (DatasetRecord record : records) {
      writer.write(toJsonLine(record));
      writer.write('\n');
    }
    writer.flush();
  }

  private static void write(Path file, Iterable<? extends DatasetRecord> records)
      throws IOException {
    AtomicFiles.write(file, out -> write(out, records));
  }

  private static <T extends DatasetRecord> List<T> read(
      Path file, TextLimits limits, RecordKind expected, Class<T> type)
      throws IOException, InvalidDatasetException {
    ValidatedFiles.Validated validated = validated(file, limits);
    ValidationReport report = validated.report();
    Optional<RecordKind> kind = report.kind();
    if (kind.isPresent() && kind.get() != expected) {
      throw new InvalidDatasetException(
          new ValidationReport(
              report.file(),
              kind,
              report.lines(),
              0,
              1,
              List.of(
                  new Problem(
                      report.file(),
                      0,
                      "",
                      "expected "
                          + expected.description()
                          + ", the file holds "
                          + kind.get().description())),
              report.counts()));
    }
    return validated.records().stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The records of a clean file, or the report's problems as an exception. */
  private static ValidatedFiles.Validated validated(Path file, TextLimits limits)
      throws IOException, InvalidDatasetException {
    ValidatedFiles.Validated validated = ValidatedFiles.SHARED.validate(file, limits);
    if (!validated.report().clean()) {
      throw new InvalidDatasetException(validated.report());
    }
    return validated;
  }
}
