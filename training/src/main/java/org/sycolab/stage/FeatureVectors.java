package org.sycolab.stage;

import ai.djl.Device;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import org.sycolab.backbone.EncoderEngine;
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
  public static float[][] lookup(List<PairText> texts, Map<PairText, float[]> vectors) {
    return texts.stream().map(vectors::get).toArray(float[][]::new);
  }

  /**
   * The vector of every text, found by the text itself (texts with equal content share one), so
   * that no later look-up hashes a text again; says how many were computed when any were.
   */
  public static Map<PairText, float[]> of(
      List<PairText> texts,
      BackboneSpec backbone,
      Device device,
      EncoderEngine engine,
      int batchSize,
      StageConsole console)
      throws IOException {
    // --engine onnxruntime where it cannot run fails here, whether or not any text is missing.
    Backbones.runsOnOnnxRuntime(backbone, device, engine);
    FeatureExtractor extractor =
        new FeatureExtractor(
            () -> Backbones.open(backbone, device, engine, CacheLocation.root()),
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
    Map<PairText, float[]> byText = new HashMap<>();
    for (PairText text : texts) {
      // The extractor keyed each of these texts, which keep their keys: no hashing here.
      byText.putIfAbsent(text, result.vectors().get(text.contentKey()));
    }
    return byText;
  }
}
