package org.sycolab.data.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sycolab.data.DatasetValidator;
import org.sycolab.data.InvalidDatasetException;
import org.sycolab.data.Label;
import org.sycolab.data.TextLimits;

/**
 * Imports whole sets of files: every file is read and every problem found before any result; a file
 * that yields nothing at all (no record, skip or problem) is a problem too.
 */
public final class Imports {

  private Imports() {}

  /**
   * Reads {@code files} in {@code format}.
   *
   * @param label the label for formats that need one (trl), else empty
   * @throws InvalidDatasetException listing every problem in every file; nothing is returned then
   * @throws IllegalArgumentException when the label is missing or does not apply
   * @throws IOException when a file cannot be read at all
   */
  public static Imported read(
      Format format, Optional<Label> label, List<Path> files, TextLimits limits)
      throws IOException, InvalidDatasetException {
    Importer importer = format.importer(label);
    ImportBatch batch = new ImportBatch(limits);
    Map<String, Path> names = new HashMap<>();
    for (Path file : files) {
      Path earlier = names.putIfAbsent(SourceNames.stem(file), file);
      if (earlier != null) {
        throw new IllegalArgumentException(
            "inputs "
                + earlier
                + " and "
                + file
                + " share a name; record ids come from file names, so rename one");
      }
    }
    for (Path file : files) {
      batch.startFile(file);
      Optional<String> notAFile = DatasetValidator.notAFile(file);
      if (notAFile.isPresent()) {
        batch.problem(file, 0, "", notAFile.get());
        continue;
      }
      long before = batch.outcomes();
      importer.read(file, batch);
      if (batch.outcomes() == before) {
        batch.problem(file, 0, "", "expected at least one record, the file has none");
      }
    }
    return batch.result();
  }
}
