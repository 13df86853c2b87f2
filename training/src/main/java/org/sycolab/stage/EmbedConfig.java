package org.sycolab.stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.features.Shard;

/**
 * What {@link EmbedStage} embeds, as {@code sycolab embed}'s options give it.
 *
 * @param in the JSONL file of preference pairs or candidate pools ({@code --in})
 * @param model the backbone ({@code --model}): {@code builtin:minilm}, a model directory or a
 *     TorchScript file
 * @param options pooling, normalisation, maximum length and precision of the backbone
 * @param batchSize texts per backbone forward pass ({@code --batch-size})
 * @param shard the slice of the distinct texts to embed ({@code --shard}); {@link Shard#ALL} for
 *     every text
 * @param merge directories of shards computed elsewhere, whose features go into the cache first
 *     ({@code --merge})
 * @param out the directory to write into; null for a fresh {@code runs/embed-<time>/}
 */
public record EmbedConfig(
    Path in,
    String model,
    BackboneOptions options,
    int batchSize,
    Shard shard,
    List<Path> merge,
    Path out)
    implements StageConfig {

  /** Checks the values as the command does. */
  public EmbedConfig {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(shard, "shard");
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be positive, got " + batchSize);
    }
    merge = List.copyOf(merge);
  }

  @Override
  public List<String> commandLine() {
    return new CommandLineWords("embed")
        .option("--in", in)
        .option("--model", model)
        .backbone(options)
        .option("--batch-size", batchSize)
        .option("--shard", shard.equals(Shard.ALL) ? null : shard)
        .repeated("--merge", merge)
        .option("--out", out)
        .words();
  }
}
