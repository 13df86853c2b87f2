package org.sycolab.data.formats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sycolab.data.InvalidDatasetException;
import org.sycolab.data.Label;
import org.sycolab.data.TextLimits;

/** Imports whole sets of files: every file is read and every problem found before any result. */
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
    for (Path file : files) {
      batch.startFile(file);
      importer.read(file, batch);
    }
    return batch.result();
  }
}
