package org.sycolab.stage;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import org.sycolab.backbone.EncoderEngine;
import org.sycolab.data.DatasetRecord;
import org.sycolab.data.Datasets;
import org.sycolab.engine.CacheLocation;
import org.sycolab.features.FeatureCache;
import org.sycolab.features.FeatureChunk;
import org.sycolab.features.FeatureExtractor;
import org.sycolab.features.TextSlot;
import org.sycolab.report.ResultCsv;
import org.sycolab.run.Execution;
import org.sycolab.run.RunDirectory;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The embedding: a vector for every (prompt, response) of a file of pairs or pools, through the
 * feature cache (cached texts cost nothing; the rest are embedded and cached). Writes {@link
 * #FEATURES_FILE}, {@link #TEXTS_FILE} and the manifest. With a shard it embeds one slice of the
 * distinct texts; merged shard directories add their features to the cache first.
 */
public final class EmbedStage {

  /** The stage's name: its command and its fresh directories' prefix. */
  public static final String NAME = "embed";

  /** The vectors: tensor {@code keys} (SHA-256 of each distinct text) and {@code features}. */
  public static final String FEATURES_FILE = "features.safetensors";

  /** Each record's texts and their rows in {@link #FEATURES_FILE}: record_id, slot, row. */
  public static final String TEXTS_FILE = "texts.csv";

  private final StageContext context;

  /** A stage that reports, computes and records through {@code context}. */
  public EmbedStage(StageContext context) {
    this.context = context;
  }

  /** Embeds what {@code config} describes. */
  public EmbedOutcome run(EmbedConfig config) throws Exception {
    List<DatasetRecord> records = Datasets.readAll(config.in());
    List<TextSlot> slots = TextSlot.of(records);
    long start = System.nanoTime();
    BackboneSpec backbone =
        Backbones.describe(config.model(), config.options(), CacheLocation.root());
    FeatureCache cache =
        new FeatureCache(CacheLocation.root(), backbone.fingerprint(), context.console()::warn);
    int merged = 0;
    for (Path dir : config.merge()) {
      merged += cache.importChunk(dir.resolve(FEATURES_FILE));
    }
    Device device = context.device();
    // --engine onnxruntime where it cannot run fails here, before any work.
    Backbones.runsOnOnnxRuntime(backbone, device, context.engine());
    Execution run =
        context.start(
            NAME,
            RunDirectory.atOrFresh(config.out(), NAME),
            manifestConfig(config, backbone, context.engine()),
            Map.of(),
            device.toString());
    try {
      run.recordInput(config.in());
      FeatureExtractor extractor =
          new FeatureExtractor(
              () -> Backbones.open(backbone, device, context.engine(), CacheLocation.root()),
              cache,
              config.batchSize(),
              FeatureExtractor.FLUSH_EVERY,
              FeatureExtractor.FLUSH_AFTER);
      FeatureExtractor.Result result;
      double modelSeconds;
      try (EmbeddingProgress progress = new EmbeddingProgress(context.console())) {
        result =
            extractor.extract(
                slots.stream().map(TextSlot::text).toList(), config.shard(), progress);
        modelSeconds = progress.seconds();
      }
      List<String> keys = new ArrayList<>(result.vectors().keySet());
      FeatureChunk chunk =
          new FeatureChunk(
              backbone.fingerprint(), keys, result.vectors().values().toArray(float[][]::new));
      run.writeOutput(FEATURES_FILE, chunk::writeTo);
      run.writeOutput(TEXTS_FILE, out -> ResultCsv.write(textTable(slots, keys), out));
      run.complete();
      return new EmbedOutcome(
          run.directory().path(),
          config.model(),
          keys.size(),
          config.shard(),
          chunk.dimension(),
          result.cached(),
          merged,
          result.computed(),
          modelSeconds,
          (System.nanoTime() - start) / 1e9);
    } catch (Exception e) {
      run.fail(e);
      throw e;
    }
  }

  /**
   * The config as the manifest records it, with what the backbone resolved to and the engine asked
   * for (under {@code auto}, which engine ran follows from the device, the architecture and the
   * engine check kept in the cache).
   */
  private static Map<String, Object> manifestConfig(
      EmbedConfig config, BackboneSpec backbone, EncoderEngine engine) {
    Map<String, Object> recorded = new LinkedHashMap<>();
    recorded.put("model", config.model());
    recorded.put("model_type", backbone.modelType());
    recorded.put("fingerprint", backbone.fingerprint());
    recorded.put("pooling", backbone.options().pooling().id());
    recorded.put("normalize", backbone.options().normalize());
    recorded.put("max_length", backbone.options().maxLength());
    recorded.put("dtype", backbone.options().precision().id());
    recorded.put("engine", engine.id());
    recorded.put("batch_size", config.batchSize());
    recorded.put("shard", config.shard().toString());
    recorded.put("merged", config.merge().stream().map(Path::toString).toList());
    return recorded;
  }

  /** Each record's texts and their rows in the features file (absent from other shards). */
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
}
