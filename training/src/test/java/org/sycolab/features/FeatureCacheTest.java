package org.sycolab.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.ModelFormatException;

class FeatureCacheTest {

  private static final String FP = "a".repeat(64);
  private static final String K1 = "1".repeat(64);
  private static final String K2 = "2".repeat(64);
  private static final String K3 = "3".repeat(64);

  @TempDir Path root;

  @Test
  void storedVectorsAreFoundByKeyAcrossChunks() throws Exception {
    FeatureCache cache = new FeatureCache(root, FP);
    cache.store(new FeatureChunk(FP, List.of(K1), new float[][] {{1f, 2f}}));
    cache.store(new FeatureChunk(FP, List.of(K2), new float[][] {{3f, 4f}}));

    Map<String, float[]> found = cache.lookup(List.of(K1, K2, K3));

    assertThat(found).containsOnlyKeys(K1, K2);
    assertThat(found.get(K2)).containsExactly(3f, 4f);
    assertThat(cache.chunks()).hasSize(2);
  }

  @Test
  void importAddsOnlyTheVectorsNotCachedYet() throws Exception {
    FeatureCache cache = new FeatureCache(root, FP);
    cache.store(new FeatureChunk(FP, List.of(K1), new float[][] {{1f}}));
    Path shardOutput = root.resolve("shard/features.safetensors");
    Files.createDirectories(shardOutput.getParent());
    new FeatureChunk(FP, List.of(K1, K2), new float[][] {{9f}, {2f}}).write(shardOutput);

    assertThat(cache.importChunk(shardOutput)).isEqualTo(1);
    assertThat(cache.lookup(List.of(K1)).get(K1)).containsExactly(1f);
    assertThat(cache.lookup(List.of(K2)).get(K2)).containsExactly(2f);
  }

  @Test
  void featuresOfAnotherBackboneAreRefused() throws Exception {
    Path other = root.resolve("other.safetensors");
    new FeatureChunk("b".repeat(64), List.of(K1), new float[][] {{1f}}).write(other);

    assertThatThrownBy(() -> new FeatureCache(root, FP).importChunk(other))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("other.safetensors")
        .hasMessageContaining("another model");
  }

  @Test
  void chunkRoundTripKeepsKeysAndVectors() throws Exception {
    Path file = root.resolve("c.safetensors");
    new FeatureChunk(FP, List.of(K1, K3), new float[][] {{1f, -1f}, {0.5f, 2f}}).write(file);

    FeatureChunk read = FeatureChunk.read(file);

    assertThat(read.fingerprint()).isEqualTo(FP);
    assertThat(read.keys()).containsExactly(K1, K3);
    assertThat(read.vectors()[1]).containsExactly(0.5f, 2f);
  }
}
