package org.sycolab.experiment;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The data stage of an experiment that brings its own files: they are validated, then copied into
 * the run.
 *
 * @param pairs the experiment's pairs file
 * @param pools the experiment's pools file
 * @param out the run's data directory, which receives the copies
 */
public record DataCopy(Path pairs, Path pools, Path out) {

  /** Requires every path. */
  public DataCopy {
    Objects.requireNonNull(pairs, "pairs");
    Objects.requireNonNull(pools, "pools");
    Objects.requireNonNull(out, "out");
  }
}
