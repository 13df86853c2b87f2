package org.sycolab.stage;

import ai.djl.Device;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import org.sycolab.data.DatasetRecord;
import org.sycolab.data.PairText;
import org.sycolab.engine.CacheLocation;
import org.sycolab.features.FeatureCache;
import org.sycolab.features.FeatureExtractor;
import org.sycolab.features.Shard;
import org.sycolab.features.TextSlot;

/**
 * Vectors for the texts a stage scores, through the feature cache: cached ones cost nothing, the
 * rest are embedded (with a progress display) and cached for the next stage.
 */
public final class FeatureVectors {

  private FeatureVectors() {}

  /**
   * The texts of {@code records} in the order {@code embed} reads them: (prompt, chosen) and
   * (prompt, rejected) of each pair, (prompt, candidate) of each pool's candidates.
   */
  public static List<PairText> texts(List<? extends DatasetRecord> records) {
    return TextSlot.of(records).stream().map(TextSlot::text).toList();
  }

  /** The vector of each text, in order, from a map made by {@link #of}. */
  public static float[][] lookup(List<PairText> texts, Map<String, float[]> vectors) {
    return texts.stream().map(text -> vectors.get(text.contentKey())).toArray(float[][]::new);
  }

  /** Content key → vector for every distinct text; says how many were computed when any were. */
  public static Map<String, float[]> of(
      List<PairText> texts,
      BackboneSpec backbone,
      Device device,
      int batchSize,
      StageConsole console)
      throws IOException {
    FeatureExtractor extractor =
        new FeatureExtractor(
            () -> Backbones.open(backbone, device),
            new FeatureCache(CacheLocation.root(), backbone.fingerprint(), console::warn),
            batchSize,
            FeatureExtractor.FLUSH_EVERY,
            FeatureExtractor.FLUSH_AFTER);
    FeatureExtractor.Result result;
    try (EmbeddingProgress progress = new EmbeddingProgress(console)) {
      result = extractor.extract(texts, Shard.ALL, progress);
    }
    if (result.computed() > 0) {
      console.info(
          String.format(
              Locale.ROOT,
              "features: %d from cache, %d computed with %s",
              result.cached(),
              result.computed(),
              backbone.reference()));
    }
    return result.vectors();
  }
}
