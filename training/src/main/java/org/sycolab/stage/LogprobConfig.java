package org.sycolab.stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.Precision;

/**
 * What {@link LogprobStage} scores, as {@code sycolab logprob}'s options give it.
 *
 * @param pools the JSONL file of candidate pools ({@code --pools})
 * @param model the causal language model's directory ({@code --model})
 * @param precision the type weights and activations are held in ({@code --dtype})
 * @param maxLength the most tokens per conversation, capped by the model ({@code --max-length})
 * @param batchSize candidates per forward pass ({@code --batch-size})
 * @param perToken whether a candidate's {@code ref_logprob} is the mean log-probability per counted
 *     token ({@code --per-token}) rather than their sum
 * @param out the directory to write into; null for a fresh {@code runs/logprob-<time>/}
 */
public record LogprobConfig(
    Path pools,
    String model,
    Precision precision,
    int maxLength,
    int batchSize,
    boolean perToken,
    Path out)
    implements StageConfig {

  /** Checks the values as the command does. */
  public LogprobConfig {
    Objects.requireNonNull(pools, "pools");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(precision, "precision");
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be positive, got " + batchSize);
    }
    if (maxLength < BackboneOptions.MIN_LENGTH) {
      throw new IllegalArgumentException(
          "--max-length must be at least " + BackboneOptions.MIN_LENGTH + ", got " + maxLength);
    }
  }

  @Override
  public List<String> commandLine() {
    return new CommandLineWords(LogprobStage.NAME)
        .option("--pools", pools)
        .option("--model", model)
        .option("--max-length", maxLength)
        .option("--dtype", precision.id())
        .option("--batch-size", batchSize)
        .flag("--per-token", perToken)
        .option("--out", out)
        .words();
  }
}
