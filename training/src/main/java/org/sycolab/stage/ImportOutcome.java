package org.sycolab.stage;

import java.nio.file.Path;
import java.util.List;
import org.sycolab.data.formats.Imported;

/**
 * What the import stage wrote.
 *
 * @param directory where: {@code pairs.jsonl} and/or {@code pools.jsonl}, and the manifest
 * @param imported the pairs, pools and skipped records (by reason) read from the inputs
 * @param removed outputs of an earlier import into the same directory that this one did not write
 *     again, and removed
 */
public record ImportOutcome(Path directory, Imported imported, List<String> removed) {

  /** Copies the list. */
  public ImportOutcome {
    removed = List.copyOf(removed);
  }
}
