package org.sycolab.stage;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the diagnose stage does, as {@code sycolab heads diagnose}'s options (and an experiment's
 * diagnose step) say it. Checked when made, with the messages the command gives, naming its
 * options.
 *
 * @param heads head directories written by the train stage, all on one backbone ({@code --heads})
 * @param pairs the JSONL file of preference pairs ({@code --pairs})
 * @param pools the JSONL file of candidate pools ({@code --pools})
 * @param split the records evaluated ({@code --split})
 * @param model where the heads' backbone is now, when it moved; null for where their cards say
 *     ({@code --model})
 * @param batchSize texts per backbone pass when features are missing ({@code --batch-size})
 * @param out the directory to write; null for a fresh {@code runs/diagnose-<time>/} ({@code --out})
 */
public record DiagnoseConfig(
    List<Path> heads,
    Path pairs,
    Path pools,
    EvaluationSplit split,
    String model,
    int batchSize,
    Path out)
    implements StageConfig {

  /** Checks every field. */
  public DiagnoseConfig {
    heads = List.copyOf(heads);
    if (heads.isEmpty()) {
      throw new IllegalArgumentException("--heads must name at least one head directory");
    }
    Objects.requireNonNull(pairs, "pairs");
    Objects.requireNonNull(pools, "pools");
    Objects.requireNonNull(split, "split");
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be positive, got " + batchSize);
    }
  }

  @Override
  public List<String> commandLine() {
    return new CommandLineWords("heads", "diagnose")
        .repeated("--heads", heads)
        .option("--pairs", pairs)
        .option("--pools", pools)
        .option("--split", split.name())
        .option("--model", model)
        .option("--batch-size", batchSize)
        .option("--out", out)
        .words();
  }
}
