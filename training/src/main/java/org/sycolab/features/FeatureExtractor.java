package org.sycolab.features;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.data.PairText;

/**
 * Turns texts into vectors through a backbone and the cache: texts already cached cost nothing
 * (when all are, the backbone is never loaded); the rest are tokenised once, sorted by length and
 * cut into batches (little padding), embedded, and stored in chunks as they finish, so an
 * interrupted run keeps its progress. A chunk is written once {@code flushEvery} vectors are
 * waiting or {@code flushAfter} has passed since the last one, whichever comes first, so a killed
 * run loses at most that long of work plus one batch, however slow the model. A vector with NaN or
 * an infinity is refused before it reaches the cache.
 */
public final class FeatureExtractor {

  /** Loads the backbone, only when some text is not cached. */
  @FunctionalInterface
  public interface BackboneLoader {
    /** The loaded backbone; the extractor closes it. */
    Backbone load() throws IOException;
  }

  private final BackboneLoader loader;
  private final FeatureCache cache;
  private final int batchSize;
  private final int flushEvery;
  private final long flushAfterNanos;
  private final LongSupplier nanoTime;

  /** Computed vectors per cache chunk, at most, so an interrupted embedding keeps its work. */
  public static final int FLUSH_EVERY = 4096;

  /** Longest wait before computed vectors are written to the cache, however slow the model. */
  public static final Duration FLUSH_AFTER = Duration.ofSeconds(30);

  /**
   * An extractor.
   *
   * @param cache where vectors are cached, under the backbone's fingerprint
   * @param batchSize texts per forward pass
   * @param flushEvery computed vectors per cache chunk, at most
   * @param flushAfter longest time computed vectors wait before they are written
   */
  public FeatureExtractor(
      BackboneLoader loader,
      FeatureCache cache,
      int batchSize,
      int flushEvery,
      Duration flushAfter) {
    this(loader, cache, batchSize, flushEvery, flushAfter, System::nanoTime);
  }

  /** An extractor that reads the time from {@code nanoTime} (a fake clock, in tests). */
  FeatureExtractor(
      BackboneLoader loader,
      FeatureCache cache,
      int batchSize,
      int flushEvery,
      Duration flushAfter,
      LongSupplier nanoTime) {
    if (batchSize < 1 || flushEvery < 1 || flushAfter.isNegative() || flushAfter.isZero()) {
      throw new IllegalArgumentException("batch size and flush intervals must be positive");
    }
    this.loader = loader;
    this.cache = cache;
    this.batchSize = batchSize;
    this.flushEvery = flushEvery;
    this.flushAfterNanos = flushAfter.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * The outcome of one extraction.
   *
   * @param vectors content key → vector, for the shard's distinct texts in first-seen order
   * @param cached how many came from the cache
   * @param computed how many the backbone computed
   */
  public record Result(Map<String, float[]> vectors, int cached, int computed) {}

  /**
   * Vectors of the distinct texts in {@code shard}; {@code progress} hears how many texts need the
   * backbone (once it is loaded and they are tokenised), then how many each finished batch
   * embedded.
   */
  public Result extract(List<PairText> texts, Shard shard, Progress progress) throws IOException {
    Map<String, PairText> distinct = distinct(texts, shard);
    Map<String, float[]> found = cache.lookup(distinct.keySet());
    List<String> missing =
        distinct.keySet().stream().filter(key -> !found.containsKey(key)).toList();
    if (missing.isEmpty()) {
      progress.start(0);
    } else {
      try (Backbone backbone = loader.load()) {
        compute(backbone, missing, distinct, found, progress);
      }
    }

    Map<String, float[]> ordered = new LinkedHashMap<>();
    distinct.keySet().forEach(key -> ordered.put(key, found.get(key)));
    return new Result(ordered, distinct.size() - missing.size(), missing.size());
  }

  private void compute(
      Backbone backbone,
      List<String> missing,
      Map<String, PairText> texts,
      Map<String, float[]> found,
      Progress progress)
      throws IOException {
    List<Pending> pending = new ArrayList<>();
    for (String key : missing) {
      pending.add(new Pending(key, backbone.tokenize(texts.get(key))));
    }
    pending.sort(Comparator.comparingInt(p -> p.input().length()));
    progress.start(pending.size());
    List<String> chunkKeys = new ArrayList<>();
    List<float[]> chunkVectors = new ArrayList<>();
    long lastFlush = nanoTime.getAsLong();
    try {
      for (int start = 0; start < pending.size(); start += batchSize) {
        List<Pending> batch = pending.subList(start, Math.min(start + batchSize, pending.size()));
        float[][] vectors = backbone.embed(batch.stream().map(Pending::input).toList());
        for (int i = 0; i < vectors.length; i++) {
          checkFinite(batch.get(i).key(), texts.get(batch.get(i).key()), vectors[i]);
        }
        for (int i = 0; i < vectors.length; i++) {
          found.put(batch.get(i).key(), vectors[i]);
          chunkKeys.add(batch.get(i).key());
          chunkVectors.add(vectors[i]);
        }
        long now = nanoTime.getAsLong();
        if (chunkKeys.size() >= flushEvery || now - lastFlush >= flushAfterNanos) {
          flush(chunkKeys, chunkVectors);
          lastFlush = now;
        }
        progress.advance(batch.size());
      }
    } finally {
      // Also when a batch fails (out of memory on the longest inputs, say): keep what is done.
      flush(chunkKeys, chunkVectors);
    }
  }

  /** Refuses a vector with NaN or an infinity, naming its text. */
  private static void checkFinite(String key, PairText text, float[] vector)
      throws NonFiniteVectorException {
    for (int column = 0; column < vector.length; column++) {
      if (!Float.isFinite(vector[column])) {
        throw new NonFiniteVectorException(key, text, column, vector[column]);
      }
    }
  }

  private void flush(List<String> keys, List<float[]> vectors) throws IOException {
    cache.store(keys, vectors);
    keys.clear();
    vectors.clear();
  }

  private static Map<String, PairText> distinct(List<PairText> texts, Shard shard) {
    Map<String, PairText> distinct = new LinkedHashMap<>();
    for (PairText text : texts) {
      String key = text.contentKey();
      if (shard.contains(key)) {
        distinct.putIfAbsent(key, text);
      }
    }
    return distinct;
  }

  /** Hears about an extraction's model work. */
  public interface Progress {
    /** No progress reported. */
    Progress NONE =
        new Progress() {
          @Override
          public void start(int toCompute) {}

          @Override
          public void advance(int computed) {}
        };

    /** Called once, with the number of texts the backbone will embed. */
    void start(int toCompute);

    /** Called after each batch with the number of texts it embedded. */
    void advance(int computed);
  }

  private record Pending(String key, TokenizedInput input) {}
}
