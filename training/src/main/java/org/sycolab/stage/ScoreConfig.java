package org.sycolab.stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.Precision;

/**
 * What {@link ScoreStage} scores, as {@code sycolab score}'s options give it.
 *
 * @param model the reward model's directory ({@code --model}): a Hugging Face sequence classifier
 *     with one output
 * @param in the JSONL file of preference pairs or candidate pools ({@code --in})
 * @param maxLength the most tokens per conversation, capped by the model ({@code --max-length})
 * @param precision the type weights and activations are held in ({@code --dtype})
 * @param batchSize texts per forward pass ({@code --batch-size})
 * @param out the directory to write into; null for a fresh {@code runs/score-<time>/}
 */
public record ScoreConfig(
    String model, Path in, int maxLength, Precision precision, int batchSize, Path out)
    implements StageConfig {

  /** Checks the values as the command does. */
  public ScoreConfig {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(precision, "precision");
    if (maxLength < BackboneOptions.MIN_LENGTH) {
      throw new IllegalArgumentException(
          "--max-length must be at least " + BackboneOptions.MIN_LENGTH + ", got " + maxLength);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be positive, got " + batchSize);
    }
  }

  @Override
  public List<String> commandLine() {
    return new CommandLineWords(ScoreStage.NAME)
        .option("--model", model)
        .option("--in", in)
        .option("--max-length", maxLength)
        .option("--dtype", precision.id())
        .option("--batch-size", batchSize)
        .option("--out", out)
        .words();
  }
}
