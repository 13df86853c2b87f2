package org.sycolab.stage;

import java.nio.file.Path;
import org.sycolab.features.Shard;

/**
 * What {@link EmbedStage} embedded and wrote.
 *
 * @param directory where {@code features.safetensors}, {@code texts.csv} and the manifest were
 *     written
 * @param texts the distinct texts written (those of the shard)
 * @param shard the slice embedded
 * @param dimension the length of each vector
 * @param cached texts found in the cache
 * @param merged features the merged shard directories added to the cache
 * @param computed texts the backbone embedded
 * @param modelSeconds seconds the backbone spent on the computed texts
 * @param seconds seconds in all, from describing the backbone to the manifest's completion
 */
public record EmbedOutcome(
    Path directory,
    int texts,
    Shard shard,
    int dimension,
    int cached,
    int merged,
    int computed,
    double modelSeconds,
    double seconds) {

  /** Texts the backbone embedded per second; 0 when it embedded none. */
  public double textsPerSecond() {
    return computed == 0 ? 0 : computed / modelSeconds;
  }
}
