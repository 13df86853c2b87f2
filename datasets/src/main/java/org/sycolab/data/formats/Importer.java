package org.sycolab.data.formats;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one file of a public format, adding its records, skips and problems to a batch. */
public sealed interface Importer
    permits TrlImporter, AnthropicMweImporter, SycophancyEvalImporter, TruthfulQaImporter {

  /**
   * Reads {@code file} into {@code batch}; malformed input becomes problems, never an exception.
   *
   * @throws IOException when the file cannot be read at all
   */
  void read(Path file, ImportBatch batch) throws IOException;
}
