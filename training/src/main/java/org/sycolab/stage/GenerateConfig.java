package org.sycolab.stage;

import java.nio.file.Path;
import java.util.Objects;
import org.sycolab.data.probes.GeneratorConfig;

/**
 * What {@code sycolab generate} makes: the probe generator's settings and where they go.
 *
 * @param generator seed, pair count, held-out domain, families and control share
 * @param out the directory to write into; null for a fresh {@code runs/generate-<time>/}
 */
public record GenerateConfig(GeneratorConfig generator, Path out) {

  /** Requires the generator's settings. */
  public GenerateConfig {
    Objects.requireNonNull(generator, "generator");
  }
}
