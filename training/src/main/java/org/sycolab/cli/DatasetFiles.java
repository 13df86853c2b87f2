package org.sycolab.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.DatasetRecord;
import org.sycolab.data.DatasetValidator;
import org.sycolab.data.InvalidDatasetException;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.TextLimits;
import org.sycolab.data.ValidationReport;

/** Reads dataset files for the commands that work on them, validating the whole file first. */
final class DatasetFiles {

  private DatasetFiles() {}

  /** Every record of {@code file}, or an error listing what is wrong with it. */
  static List<DatasetRecord> readValid(Path file) throws IOException, InvalidDatasetException {
    requireFile(file);
    List<DatasetRecord> records = new ArrayList<>();
    ValidationReport report = new DatasetValidator(TextLimits.DEFAULT).validate(file, records::add);
    if (!report.clean()) {
      throw new InvalidDatasetException(report);
    }
    return records;
  }

  /**
   * Refuses a directory, a missing file or a device where a dataset file is expected, with the same
   * words and exit status in every command: {@code FILE: expected a file, got a directory}.
   */
  static void requireFile(Path file) throws FileSystemException {
    Optional<String> notAFile = DatasetValidator.notAFile(file);
    if (notAFile.isPresent()) {
      throw new FileSystemException(file.toString(), null, notAFile.get());
    }
  }

  /** The preference pairs of {@code file}, refusing a file of pools. */
  static List<PreferencePair> readPairs(Path file, String option)
      throws IOException, InvalidDatasetException {
    return only(file, option, PreferencePair.class, "preference pairs");
  }

  /** The candidate pools of {@code file}, refusing a file of pairs. */
  static List<CandidatePool> readPools(Path file, String option)
      throws IOException, InvalidDatasetException {
    return only(file, option, CandidatePool.class, "candidate pools");
  }

  private static <T extends DatasetRecord> List<T> only(
      Path file, String option, Class<T> type, String what)
      throws IOException, InvalidDatasetException {
    List<DatasetRecord> records = readValid(file);
    List<T> typed = new ArrayList<>();
    for (DatasetRecord record : records) {
      if (!type.isInstance(record)) {
        throw new IllegalArgumentException(
            option + " " + file + " must hold " + what + ", but it holds other records");
      }
      typed.add(type.cast(record));
    }
    if (typed.isEmpty()) {
      throw new IllegalArgumentException(option + " " + file + " holds no " + what);
    }
    return typed;
  }
}
