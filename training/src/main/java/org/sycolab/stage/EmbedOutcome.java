package org.sycolab.stage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.sycolab.features.Shard;

/**
 * What {@link EmbedStage} embedded and wrote.
 *
 * @param directory where {@code features.safetensors}, {@code texts.csv} and the manifest were
 *     written
 * @param model the backbone as it was asked for ({@code --model})
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
    String model,
    int texts,
    Shard shard,
    int dimension,
    int cached,
    int merged,
    int computed,
    double modelSeconds,
    double seconds)
    implements StageOutcome {

  /** Texts the backbone embedded per second; 0 when it embedded none. */
  public double textsPerSecond() {
    return computed == 0 ? 0 : computed / modelSeconds;
  }

  /** One line: the texts, where their vectors came from, the time and the directory. */
  @Override
  public void print(PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "embedded %d distinct texts%s with %s (dim %d): %d from cache%s, %d computed%s;"
            + " %.1f s in all; wrote %s%n",
        texts,
        shard.count() > 1 ? " of shard " + shard : "",
        model,
        dimension,
        cached,
        merged > 0 ? " (" + merged + " merged)" : "",
        computed,
        computed == 0 ? "" : String.format(Locale.ROOT, " (%.0f texts/s)", textsPerSecond()),
        seconds,
        directory);
  }
}
