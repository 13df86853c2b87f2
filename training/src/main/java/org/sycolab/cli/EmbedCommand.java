package org.sycolab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    outcome.print(out());
    return ExitCode.OK;
  }
}
