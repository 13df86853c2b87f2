package org.sycolab.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.data.PairText;
import org.sycolab.data.Turn;

class FeatureExtractorTest {

  /** Long enough that no test's chunks are written because of the time. */
  private static final Duration NO_TIME_LIMIT = Duration.ofDays(1);

  @TempDir Path cacheRoot;

  private final List<String> warnings = new ArrayList<>();

  private static List<PairText> texts(int n) {
    List<PairText> texts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Lengths vary with i, so sorting by length reorders the texts.
      texts.add(new PairText(List.of(Turn.user("q" + i)), "r" + "x".repeat((i * 7) % 23) + i));
    }
    return texts;
  }

  @Test
  void vectorsComeBackInFirstSeenOrderWithDuplicatesOnce() throws Exception {
    List<PairText> texts = new ArrayList<>(texts(50));
    texts.add(texts.get(3));
    CountingBackbone backbone = new CountingBackbone();
    FeatureCache cache = new FeatureCache(cacheRoot, backbone.fingerprint(), warnings::add);

    FeatureExtractor.Result result =
        new FeatureExtractor(() -> backbone, cache, 8, 1000, NO_TIME_LIMIT)
            .extract(texts, Shard.ALL, FeatureExtractor.Progress.NONE);

    assertThat(result.computed()).isEqualTo(50);
    assertThat(result.cached()).isZero();
    List<String> keys = new ArrayList<>(result.vectors().keySet());
    assertThat(keys).hasSize(50);
    for (int i = 0; i < 50; i++) {
      assertThat(keys.get(i)).isEqualTo(texts.get(i).contentKey());
      assertThat(result.vectors().get(keys.get(i)))
          .containsExactly(CountingBackbone.vector(backbone.tokenize(texts.get(i))));
    }
  }

  @Test
  void batchesAreSortedByLengthAndNoLargerThanTheBatchSize() throws Exception {
    CountingBackbone backbone = new CountingBackbone();
    new FeatureExtractor(
            () -> backbone,
            new FeatureCache(cacheRoot, backbone.fingerprint(), warnings::add),
            8,
            1000,
            NO_TIME_LIMIT)
        .extract(texts(50), Shard.ALL, FeatureExtractor.Progress.NONE);

    List<Integer> all = backbone.batchLengths.stream().flatMap(List::stream).toList();
    assertThat(all).isSorted();
    assertThat(backbone.batchLengths).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(8));
    assertThat(backbone.batchLengths).hasSize(7);
  }

  @Test
  void aSecondRunNeverLoadsTheBackbone() throws Exception {
    CountingBackbone first = new CountingBackbone();
    FeatureCache cache = new FeatureCache(cacheRoot, first.fingerprint(), warnings::add);
    Map<String, float[]> before =
        new FeatureExtractor(() -> first, cache, 8, 1000, NO_TIME_LIMIT)
            .extract(texts(30), Shard.ALL, FeatureExtractor.Progress.NONE)
            .vectors();

    FeatureExtractor.Result again =
        new FeatureExtractor(
                () -> {
                  throw new AssertionError("the backbone was loaded");
                },
                cache,
                8,
                1000,
                NO_TIME_LIMIT)
            .extract(texts(30), Shard.ALL, FeatureExtractor.Progress.NONE);

    assertThat(again.cached()).isEqualTo(30);
    assertThat(again.computed()).isZero();
    assertThat(again.vectors().keySet()).containsExactlyElementsOf(before.keySet());
    before.forEach((key, vector) -> assertThat(again.vectors().get(key)).containsExactly(vector));
  }

  @Test
  void aFailedRunKeepsEveryVectorItComputed() throws Exception {
    CountingBackbone failing = new CountingBackbone();
    failing.failOnBatch = 3;
    FeatureCache cache = new FeatureCache(cacheRoot, failing.fingerprint(), warnings::add);
    FeatureExtractor extractor = new FeatureExtractor(() -> failing, cache, 5, 10, NO_TIME_LIMIT);
    assertThatThrownBy(
            () -> extractor.extract(texts(40), Shard.ALL, FeatureExtractor.Progress.NONE))
        .hasMessageContaining("interrupted on purpose");

    CountingBackbone resumed = new CountingBackbone();
    FeatureExtractor.Result result =
        new FeatureExtractor(() -> resumed, cache, 5, 10, NO_TIME_LIMIT)
            .extract(texts(40), Shard.ALL, FeatureExtractor.Progress.NONE);
    // Three batches of 5 finished before the fourth failed: one full chunk of 10, then 5 more.
    assertThat(result.cached()).isEqualTo(15);
    assertThat(resumed.computed()).isEqualTo(25);
  }

  @Test
  void shardsSplitTheDistinctTextsWithoutOverlapAndTheirCachesAssembleTheWhole() throws Exception {
    List<PairText> texts = texts(60);
    Set<String> seen = new HashSet<>();
    int total = 0;
    for (int i = 0; i < 3; i++) {
      CountingBackbone backbone = new CountingBackbone();
      FeatureExtractor.Result part =
          new FeatureExtractor(
                  () -> backbone,
                  new FeatureCache(cacheRoot, backbone.fingerprint(), warnings::add),
                  8,
                  100,
                  NO_TIME_LIMIT)
              .extract(texts, new Shard(i, 3), FeatureExtractor.Progress.NONE);
      assertThat(part.vectors()).isNotEmpty();
      for (String key : part.vectors().keySet()) {
        assertThat(seen.add(key)).as("key in two shards").isTrue();
      }
      total += part.computed();
    }
    assertThat(total).isEqualTo(60);

    CountingBackbone merge = new CountingBackbone();
    FeatureExtractor.Result whole =
        new FeatureExtractor(
                () -> merge,
                new FeatureCache(cacheRoot, merge.fingerprint(), warnings::add),
                8,
                100,
                NO_TIME_LIMIT)
            .extract(texts, Shard.ALL, FeatureExtractor.Progress.NONE);
    assertThat(merge.computed()).isZero();
    assertThat(whole.vectors()).hasSize(60);
  }

  @Test
  void chunksAreWrittenByTimeSoAKillLosesLittleWhateverTheCount() throws Exception {
    AtomicLong clock = new AtomicLong();
    CountingBackbone slow = new CountingBackbone();
    FeatureCache cache = new FeatureCache(cacheRoot, slow.fingerprint(), warnings::add);
    List<Integer> chunksOnDisk = new ArrayList<>();
    slow.beforeBatch =
        () -> {
          try {
            // What a kill -9 at this moment would leave behind.
            chunksOnDisk.add(cache.chunks().size());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          clock.addAndGet(Duration.ofSeconds(10).toNanos());
        };

    new FeatureExtractor(() -> slow, cache, 5, 1000, Duration.ofSeconds(30), clock::get)
        .extract(texts(40), Shard.ALL, FeatureExtractor.Progress.NONE);

    // Eight batches of 10 s each: a chunk after the third and the sixth, the rest at the end.
    assertThat(chunksOnDisk).containsExactly(0, 0, 0, 1, 1, 1, 2, 2);
    assertThat(cache.chunks()).hasSize(3);
    assertThat(cache.lookup(texts(40).stream().map(PairText::contentKey).toList())).hasSize(40);
  }

  @Test
  void aNonFiniteVectorIsRefusedNamingItsTextAndNeverCached() throws Exception {
    CountingBackbone broken = new CountingBackbone();
    broken.nanOnBatch = 2;
    FeatureCache cache = new FeatureCache(cacheRoot, broken.fingerprint(), warnings::add);

    assertThatThrownBy(
            () ->
                new FeatureExtractor(() -> broken, cache, 5, 1000, NO_TIME_LIMIT)
                    .extract(texts(40), Shard.ALL, FeatureExtractor.Progress.NONE))
        .isInstanceOf(NonFiniteVectorException.class)
        .hasMessageContaining("NaN at column 1")
        .hasMessageContaining("nothing of it was cached");

    Map<String, float[]> cached =
        cache.lookup(texts(40).stream().map(PairText::contentKey).toList());
    // The two batches before the bad one are kept; nothing of the bad batch is.
    assertThat(cached).hasSize(10);
    assertThat(cached.values()).allSatisfy(v -> assertThat(v).doesNotContain(Float.NaN));
  }

  @Test
  void aDamagedChunkIsSetAsideAndItsTextsComputedAgain() throws Exception {
    CountingBackbone first = new CountingBackbone();
    FeatureCache cache = new FeatureCache(cacheRoot, first.fingerprint(), warnings::add);
    FeatureExtractor.Result before =
        new FeatureExtractor(() -> first, cache, 5, 10, NO_TIME_LIMIT)
            .extract(texts(30), Shard.ALL, FeatureExtractor.Progress.NONE);
    Path damaged = cache.chunks().get(1);
    byte[] bytes = Files.readAllBytes(damaged);
    bytes[bytes.length - 5] ^= 0x40;
    Files.write(damaged, bytes);

    CountingBackbone again = new CountingBackbone();
    FeatureExtractor.Result after =
        new FeatureExtractor(() -> again, cache, 5, 10, NO_TIME_LIMIT)
            .extract(texts(30), Shard.ALL, FeatureExtractor.Progress.NONE);

    assertThat(again.computed()).isEqualTo(10);
    assertThat(after.cached()).isEqualTo(20);
    before.vectors().forEach((key, v) -> assertThat(after.vectors().get(key)).containsExactly(v));
    assertThat(warnings).singleElement().asString().contains(damaged.getFileName().toString());
    assertThat(damaged.resolveSibling("quarantine").resolve(damaged.getFileName())).exists();
  }
}
