package org.sycolab.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.PairText;
import org.sycolab.data.Turn;

class FeatureExtractorTest {

  @TempDir Path cacheRoot;

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
    FeatureCache cache = new FeatureCache(cacheRoot, backbone.fingerprint());

    FeatureExtractor.Result result =
        new FeatureExtractor(() -> backbone, cache, 8, 1000)
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
            () -> backbone, new FeatureCache(cacheRoot, backbone.fingerprint()), 8, 1000)
        .extract(texts(50), Shard.ALL, FeatureExtractor.Progress.NONE);

    List<Integer> all = backbone.batchLengths.stream().flatMap(List::stream).toList();
    assertThat(all).isSorted();
    assertThat(backbone.batchLengths).allSatisfy(b -> assertThat(b).hasSizeLessThanOrEqualTo(8));
    assertThat(backbone.batchLengths).hasSize(7);
  }

  @Test
  void aSecondRunNeverLoadsTheBackbone() throws Exception {
    CountingBackbone first = new CountingBackbone();
    FeatureCache cache = new FeatureCache(cacheRoot, first.fingerprint());
    Map<String, float[]> before =
        new FeatureExtractor(() -> first, cache, 8, 1000)
            .extract(texts(30), Shard.ALL, FeatureExtractor.Progress.NONE)
            .vectors();

    FeatureExtractor.Result again =
        new FeatureExtractor(
                () -> {
                  throw new AssertionError("the backbone was loaded");
                },
                cache,
                8,
                1000)
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
    FeatureCache cache = new FeatureCache(cacheRoot, failing.fingerprint());
    FeatureExtractor extractor = new FeatureExtractor(() -> failing, cache, 5, 10);
    assertThatThrownBy(
            () -> extractor.extract(texts(40), Shard.ALL, FeatureExtractor.Progress.NONE))
        .hasMessageContaining("interrupted on purpose");

    CountingBackbone resumed = new CountingBackbone();
    FeatureExtractor.Result result =
        new FeatureExtractor(() -> resumed, cache, 5, 10)
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
                  () -> backbone, new FeatureCache(cacheRoot, backbone.fingerprint()), 8, 100)
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
        new FeatureExtractor(() -> merge, new FeatureCache(cacheRoot, merge.fingerprint()), 8, 100)
            .extract(texts, Shard.ALL, FeatureExtractor.Progress.NONE);
    assertThat(merge.computed()).isZero();
    assertThat(whole.vectors()).hasSize(60);
  }
}
