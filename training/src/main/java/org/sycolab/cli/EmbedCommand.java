package org.sycolab.cli;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import org.sycolab.data.DatasetRecord;
import org.sycolab.data.Datasets;
import org.sycolab.engine.CacheLocation;
import org.sycolab.features.FeatureCache;
import org.sycolab.features.FeatureChunk;
import org.sycolab.features.FeatureExtractor;
import org.sycolab.features.Shard;
import org.sycolab.features.TextSlot;
import org.sycolab.report.ResultCsv;
import org.sycolab.run.Execution;
import org.sycolab.stage.EmbeddingProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

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
          "Execution directories of shards computed elsewhere: their features.safetensors are added to"
              + " the cache first.")
  List<Path> merge = new ArrayList<>();

  @Mixin OutputOptions output;

  @Override
  protected void check() {
    Shard.parse(shard);
    model.backboneOptions();
  }

  @Override
  protected int execute() throws Exception {
    Shard slice = Shard.parse(shard);
    var options = model.backboneOptions();
    List<DatasetRecord> records = Datasets.readAll(in);
    List<TextSlot> slots = TextSlot.of(records);
    long start = System.nanoTime();
    BackboneSpec backbone = Backbones.describe(model.model, options, CacheLocation.root());
    FeatureCache cache =
        new FeatureCache(
            CacheLocation.root(),
            backbone.fingerprint(),
            line -> err().println("warning: " + line));
    int merged = 0;
    for (Path dir : merge) {
      merged += cache.importChunk(dir.resolve(FEATURES_FILE));
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("model", model.model);
    config.put("model_type", backbone.modelType());
    config.put("fingerprint", backbone.fingerprint());
    config.put("pooling", backbone.options().pooling().id());
    config.put("normalize", backbone.options().normalize());
    config.put("max_length", backbone.options().maxLength());
    config.put("dtype", backbone.options().precision().id());
    config.put("batch_size", model.batchSize.value);
    config.put("shard", slice.toString());
    config.put("merged", merge.stream().map(Path::toString).toList());
    Device device = root().device();
    Execution run = startRun(output.open("embed"), config, Map.of(), device.toString());
    try {
      run.recordInput(in);
      FeatureExtractor extractor =
          new FeatureExtractor(
              () -> Backbones.open(backbone, device),
              cache,
              model.batchSize.value,
              FeatureExtractor.FLUSH_EVERY,
              FeatureExtractor.FLUSH_AFTER);
      FeatureExtractor.Result result;
      double modelSeconds;
      try (EmbeddingProgress progress = new EmbeddingProgress(context().console())) {
        result = extractor.extract(slots.stream().map(TextSlot::text).toList(), slice, progress);
        modelSeconds = progress.seconds();
      }
      List<String> keys = new ArrayList<>(result.vectors().keySet());
      FeatureChunk chunk =
          new FeatureChunk(
              backbone.fingerprint(), keys, result.vectors().values().toArray(float[][]::new));
      run.writeOutput(FEATURES_FILE, chunk::writeTo);
      run.writeOutput("texts.csv", out -> ResultCsv.write(textTable(slots, keys), out));
      run.complete();
      double seconds = (System.nanoTime() - start) / 1e9;
      out()
          .printf(
              Locale.ROOT,
              "embedded %d distinct texts%s with %s (dim %d): %d from cache%s, %d computed%s;"
                  + " %.1f s in all; wrote %s%n",
              keys.size(),
              slice.count() > 1 ? " of shard " + slice : "",
              model.model,
              chunk.dimension(),
              result.cached(),
              merged > 0 ? " (" + merged + " merged)" : "",
              result.computed(),
              result.computed() == 0
                  ? ""
                  : String.format(Locale.ROOT, " (%.0f texts/s)", result.computed() / modelSeconds),
              seconds,
              run.directory().path());
    } catch (Exception e) {
      run.fail(e);
      throw e;
    }
    return ExitCode.OK;
  }

  /** Each record's texts and their rows in features.safetensors (absent from other shards). */
  private static Table textTable(List<TextSlot> slots, List<String> keys) {
    Map<String, Integer> rows = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      rows.put(keys.get(i), i);
    }
    StringColumn ids = StringColumn.create("record_id");
    StringColumn slotColumn = StringColumn.create("slot");
    IntColumn rowColumn = IntColumn.create("row");
    for (TextSlot slot : slots) {
      Integer row = rows.get(slot.text().contentKey());
      if (row != null) {
        ids.append(slot.recordId());
        slotColumn.append(slot.slot());
        rowColumn.append(row);
      }
    }
    return Table.create("texts", ids, slotColumn, rowColumn);
  }

  private static final String FEATURES_FILE = "features.safetensors";
}
