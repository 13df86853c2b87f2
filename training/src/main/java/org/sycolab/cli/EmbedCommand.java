package org.sycolab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sycolab.features.Shard;
import org.sycolab.stage.EmbedConfig;
import org.sycolab.stage.EmbedOutcome;
import org.sycolab.stage.EmbedStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sycolab embed}: vectors for every text of a dataset, through the feature cache. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description = {
      "Embed every (prompt, response) of a file of pairs or pools with a frozen backbone. Vectors"
          + " are cached by backbone fingerprint (weights, tokenizer, pooling, max length) and text"
          + " content, so a second run over the same texts does no model work.",
      "Writes features.safetensors (tensor 'keys' (N,32) U8: SHA-256 of each distinct text,"
          + " 'features' (N,d) F32) and texts.csv (record_id, slot, row) to the run directory.",
      "Job arrays: --shard i/n embeds one slice of the distinct texts (0 <= i < n); once all"
          + " shards have run, the same command without --shard assembles the whole file from the"
          + " cache. Shards run on machines with separate caches are brought together with"
          + " --merge SHARD_RUN_DIR..."
    })
final class EmbedCommand extends BaseCommand {

  @Option(
      names = "--in",
      paramLabel = "FILE",
      required = true,
      description = "JSONL file of preference pairs or candidate pools.")
  Path in;

  @Mixin ModelOptions model;

  @Option(
      names = "--shard",
      paramLabel = "i/n",
      defaultValue = "0/1",
      description = "Embed only slice i of n (0-based), e.g. $SLURM_ARRAY_TASK_ID/4.")
  String shard;

  @Option(
      names = "--merge",
      paramLabel = "DIR",
      arity = "1..*",
      description =
          "Run directories of shards computed elsewhere: their features.safetensors are added to"
              + " the cache first.")
  List<Path> merge = new ArrayList<>();

  @Mixin OutputOptions output;

  /** The options as the stage's config; reads no file. */
  private EmbedConfig config() {
    Shard slice = Shard.parse(shard);
    return new EmbedConfig(
        in, model.model, model.backboneOptions(), model.batchSize.value, slice, merge, output.out);
  }

  @Override
  protected int execute() throws Exception {
    EmbedOutcome outcome = new EmbedStage(context()).run(config());
    out()
        .printf(
            Locale.ROOT,
            "embedded %d distinct texts%s with %s (dim %d): %d from cache%s, %d computed%s;"
                + " %.1f s in all; wrote %s%n",
            outcome.texts(),
            outcome.shard().count() > 1 ? " of shard " + outcome.shard() : "",
            model.model,
            outcome.dimension(),
            outcome.cached(),
            outcome.merged() > 0 ? " (" + outcome.merged() + " merged)" : "",
            outcome.computed(),
            outcome.computed() == 0
                ? ""
                : String.format(Locale.ROOT, " (%.0f texts/s)", outcome.textsPerSecond()),
            outcome.seconds(),
            outcome.directory());
    return ExitCode.OK;
  }
}
