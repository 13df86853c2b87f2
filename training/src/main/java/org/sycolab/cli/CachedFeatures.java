package org.sycolab.cli;

import ai.djl.Device;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.Backbones;
import org.sycolab.backbone.PairText;
import org.sycolab.data.DatasetRecord;
import org.sycolab.engine.CacheLocation;
import org.sycolab.features.FeatureCache;
import org.sycolab.features.FeatureExtractor;
import org.sycolab.features.Shard;
import org.sycolab.features.TextSlot;

/**
 * Vectors for the texts a command scores, through the feature cache: cached ones cost nothing, the
 * rest are embedded (with a progress bar) and cached for the next command.
 */
final class CachedFeatures {

  private CachedFeatures() {}

  /**
   * The texts of {@code records} in the order {@code embed} reads them: (prompt, chosen) and
   * (prompt, rejected) of each pair, (prompt, candidate) of each pool's candidates.
   */
  static List<PairText> texts(List<? extends DatasetRecord> records) {
    return TextSlot.of(records).stream().map(TextSlot::text).toList();
  }

  /** The vector of each text, in order, from a map made by {@link #of}. */
  static float[][] lookup(List<PairText> texts, Map<String, float[]> vectors) {
    return texts.stream().map(text -> vectors.get(text.contentKey())).toArray(float[][]::new);
  }

  /**
   * Content key → vector for every distinct text; says on {@code err} how many were computed when
   * any were.
   */
  static Map<String, float[]> of(
      List<PairText> texts,
      BackboneSpec backbone,
      Device device,
      int batchSize,
      PrintWriter err,
      Verbosity verbosity)
      throws IOException {
    FeatureExtractor extractor =
        new FeatureExtractor(
            () -> Backbones.open(backbone, device),
            new FeatureCache(
                CacheLocation.root(),
                backbone.fingerprint(),
                line -> err.println("warning: " + line)),
            batchSize,
            EmbedCommand.FLUSH_EVERY,
            EmbedCommand.FLUSH_AFTER);
    FeatureExtractor.Result result;
    try (EmbedProgress progress = new EmbedProgress(err, verbosity)) {
      result = extractor.extract(texts, Shard.ALL, progress);
    }
    if (result.computed() > 0 && verbosity.chatty()) {
      err.printf(
          Locale.ROOT,
          "features: %d from cache, %d computed with %s%n",
          result.cached(),
          result.computed(),
          backbone.reference());
    }
    return result.vectors();
  }
}
