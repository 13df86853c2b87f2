package org.sycolab.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.safetensors.DType;
import org.sycolab.backbone.safetensors.SafetensorsWriter;

class FeatureCacheTest {

  private static final String FP = "a".repeat(64);
  private static final String K1 = "1".repeat(64);
  private static final String K2 = "2".repeat(64);
  private static final String K3 = "3".repeat(64);

  @TempDir Path root;

  private final List<String> warnings = new ArrayList<>();

  @Test
  void storedVectorsAreFoundByKeyAcrossChunks() throws Exception {
    FeatureCache cache = new FeatureCache(root, FP, warnings::add);
    cache.store(new FeatureChunk(FP, List.of(K1), new float[][] {{1f, 2f}}));
    cache.store(new FeatureChunk(FP, List.of(K2), new float[][] {{3f, 4f}}));

    Map<String, float[]> found = cache.lookup(List.of(K1, K2, K3));

    assertThat(found).containsOnlyKeys(K1, K2);
    assertThat(found.get(K2)).containsExactly(3f, 4f);
    assertThat(cache.chunks()).hasSize(2);
  }

  @Test
  void importAddsOnlyTheVectorsNotCachedYet() throws Exception {
    FeatureCache cache = new FeatureCache(root, FP, warnings::add);
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

    assertThatThrownBy(() -> new FeatureCache(root, FP, warnings::add).importChunk(other))
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

  @Test
  void aChangedByteAnywhereInAChunkIsSeenAndTheChunkNeverUsed() throws Exception {
    FeatureCache cache = new FeatureCache(root, FP, warnings::add);
    cache.store(new FeatureChunk(FP, List.of(K1, K2), new float[][] {{1f, 2f, 3f}, {4f, 5f, 6f}}));
    Path chunk = cache.chunks().get(0);
    byte[] good = Files.readAllBytes(chunk);
    // One bit, a space turned into a newline (still valid JSON), the top bit, every bit.
    int[] masks = {0x01, 0x2a, 0x80, 0xff};

    for (int offset = 0; offset < good.length; offset++) {
      for (int mask : masks) {
        byte[] bad = good.clone();
        bad[offset] ^= (byte) mask;
        Files.write(chunk, bad);
        warnings.clear();

        Map<String, float[]> found = cache.lookup(List.of(K1, K2));

        String flip = "byte " + offset + " of " + good.length + " ^ 0x" + Integer.toHexString(mask);
        assertThat(found).as(flip).isEmpty();
        assertThat(warnings).as(flip).singleElement().asString().contains(chunk.toString());
        Path quarantined = quarantine().resolve(chunk.getFileName());
        assertThat(quarantined).as(flip).exists();
        Files.delete(quarantined);
      }
    }
  }

  @Test
  void aDamagedChunkIsFoundWhenItWouldBeUsedAndNotBefore() throws Exception {
    FeatureCache cache = new FeatureCache(root, FP, warnings::add);
    cache.store(new FeatureChunk(FP, List.of(K1), new float[][] {{1f, 2f}}));
    Path chunk = cache.chunks().get(0);
    byte[] bytes = Files.readAllBytes(chunk);
    bytes[bytes.length - 1] ^= 0x01;
    Files.write(chunk, bytes);

    assertThat(cache.lookup(List.of(K2))).isEmpty();
    assertThat(warnings).isEmpty();
    assertThat(cache.chunks()).containsExactly(chunk);

    assertThat(cache.lookup(List.of(K1, K2))).isEmpty();
    assertThat(warnings).singleElement().asString().contains("SHA-256");
    assertThat(cache.chunks()).isEmpty();
  }

  @Test
  void aTruncatedChunkIsSetAsideAndNoLongerBlocksTheCache() throws Exception {
    FeatureCache cache = new FeatureCache(root, FP, warnings::add);
    cache.store(new FeatureChunk(FP, List.of(K1), new float[][] {{1f, 2f}}));
    Path chunk = cache.chunks().get(0);
    byte[] good = Files.readAllBytes(chunk);
    for (int length : new int[] {0, 7, 8, 20, good.length / 2, good.length - 1}) {
      Files.write(chunk, Arrays.copyOf(good, length));
      warnings.clear();

      assertThat(cache.lookup(List.of(K1))).as("%d bytes", length).isEmpty();
      assertThat(warnings).as("%d bytes", length).hasSize(1);
      assertThat(cache.chunks()).isEmpty();
      Files.delete(quarantine().resolve(chunk.getFileName()));
    }

    cache.store(new FeatureChunk(FP, List.of(K1), new float[][] {{1f, 2f}}));
    assertThat(cache.lookup(List.of(K1)).get(K1)).containsExactly(1f, 2f);
  }

  @Test
  void aChunkHoldingNaNOrInfinityIsNeverUsed() throws Exception {
    FeatureCache cache = new FeatureCache(root, FP, warnings::add);
    Files.createDirectories(cacheDir());
    // A valid digest over bad values: only the check of the values can catch it.
    new FeatureChunk(FP, List.of(K1, K2), new float[][] {{1f, 2f}, {3f, Float.NaN}})
        .write(cacheDir().resolve("chunk-1-a.safetensors"));
    new FeatureChunk(FP, List.of(K3), new float[][] {{Float.NEGATIVE_INFINITY, 0f}})
        .write(cacheDir().resolve("chunk-2-b.safetensors"));

    assertThat(cache.lookup(List.of(K1, K2, K3))).isEmpty();
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).contains("row 1").contains("NaN").contains("column 1");
    assertThat(warnings.get(1)).contains("-Infinity");
    assertThat(cache.chunks()).isEmpty();
  }

  @Test
  void chunksWithoutDigestFromAnEarlierVersionAreSetAsideWithOneWarningForAll() throws Exception {
    FeatureCache cache = new FeatureCache(root, FP, warnings::add);
    Files.createDirectories(cacheDir());
    List<Path> old = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      byte[] key = new byte[32];
      key[31] = (byte) i;
      Path chunk = cacheDir().resolve("chunk-" + i + "-old.safetensors");
      new SafetensorsWriter()
          .metadata(FeatureChunk.FINGERPRINT, FP)
          .addBytes(FeatureChunk.KEYS, DType.U8, key, 1, 32)
          .addFloats(FeatureChunk.FEATURES, new float[] {1f}, 1, 1)
          .write(chunk);
      old.add(chunk);
    }

    assertThat(cache.lookup(List.of("0".repeat(64), "0".repeat(63) + "1"))).isEmpty();
    assertThat(warnings)
        .singleElement()
        .asString()
        .startsWith("2 feature cache chunks written by an older sycolab (no sycolab.sha256");
    for (Path chunk : old) {
      assertThat(quarantine().resolve(chunk.getFileName())).exists();
    }
  }

  @Test
  void aChunkOfAnotherBackboneInTheCacheIsSetAside() throws Exception {
    FeatureCache cache = new FeatureCache(root, FP, warnings::add);
    Files.createDirectories(cacheDir());
    new FeatureChunk("b".repeat(64), List.of(K1), new float[][] {{1f}})
        .write(cacheDir().resolve("chunk-1-x.safetensors"));

    assertThat(cache.lookup(List.of(K1))).isEmpty();
    assertThat(warnings).singleElement().asString().contains("another model");
  }

  @Test
  void aDamagedShardOutputIsRefusedByNameAndLeftWhereItIs() throws Exception {
    Path shardOutput = root.resolve("shard-0/features.safetensors");
    Files.createDirectories(shardOutput.getParent());
    new FeatureChunk(FP, List.of(K1, K2), new float[][] {{1f}, {2f}}).write(shardOutput);
    byte[] bytes = Files.readAllBytes(shardOutput);
    bytes[bytes.length - 1] ^= 0x01;
    Files.write(shardOutput, bytes);
    FeatureCache cache = new FeatureCache(root, FP, warnings::add);

    assertThatThrownBy(() -> cache.importChunk(shardOutput))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(shardOutput.toString())
        .hasMessageContaining("SHA-256");
    assertThat(shardOutput).exists();
    assertThat(cache.chunks()).isEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void readingAWholeChunkChecksItsValues() throws Exception {
    Path file = root.resolve("nan.safetensors");
    new FeatureChunk(FP, List.of(K1), new float[][] {{Float.NaN}}).write(file);

    assertThatThrownBy(() -> FeatureChunk.read(file))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("nan.safetensors")
        .hasMessageContaining("vectors must be finite");
  }

  private Path cacheDir() {
    return root.resolve("features").resolve(FP);
  }

  private Path quarantine() {
    return cacheDir().resolve(FeatureCache.QUARANTINE);
  }
}
