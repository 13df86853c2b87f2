package org.sycolab.backbone.safetensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.WeightDigests;
import org.sycolab.io.FileDigest;

class ShardedSafetensorsTest {

  private static final String SHARD_1 = "model-00001-of-00002.safetensors";
  private static final String SHARD_2 = "model-00002-of-00002.safetensors";

  @TempDir Path dir;

  @Test
  void readsTwoShardsAsOneFile() throws IOException {
    writeTwoShards();
    writeIndex(
        "{\"metadata\": {\"total_size\": 28, \"format\": \"pt\"}, \"weight_map\": {"
            + "\"embed.weight\": \""
            + SHARD_1
            + "\", \"ids\": \""
            + SHARD_1
            + "\","
            + "\"head.weight\": \""
            + SHARD_2
            + "\"}}");
    try (ShardedSafetensors weights = ShardedSafetensors.openDirectory(dir)) {
      assertThat(weights.source()).isEqualTo(dir.resolve(ShardedSafetensors.INDEX_FILE));
      assertThat(weights.metadata()).containsOnly(entry("total_size", "28"), entry("format", "pt"));
      assertThat(weights.weightFiles()).containsExactly(dir.resolve(SHARD_1), dir.resolve(SHARD_2));
      assertThat(weights.tensors())
          .extracting(TensorInfo::name)
          .containsExactly("embed.weight", "ids", "head.weight");
      assertThat(weights.readFloats("embed.weight")).containsExactly(1f, 2f, 3f, 4f);
      assertThat(weights.readLongs("ids")).containsExactly(7L);
      assertThat(weights.readFloats("head.weight")).containsExactly(-1f, 0.5f);
      assertThat(weights.readFloat32("head.weight").getFloat(4)).isEqualTo(0.5f);
      assertThat(weights.info("head.weight").shape()).containsExactly(1, 2);
      assertThat(weights.contains("ids")).isTrue();
      assertThatThrownBy(() -> weights.readFloats("missing.weight"))
          .isInstanceOf(ModelFormatException.class)
          .hasMessageContaining(ShardedSafetensors.INDEX_FILE)
          .hasMessageContaining("missing.weight");
    }
  }

  @Test
  void opensASingleModelFile() throws IOException {
    new SafetensorsWriter()
        .metadata("format", "pt")
        .addFloats("w", new float[] {3f}, 1)
        .write(dir.resolve("model.safetensors"));
    try (ShardedSafetensors weights = ShardedSafetensors.openDirectory(dir)) {
      assertThat(weights.metadata()).containsOnly(entry("format", "pt"));
      assertThat(weights.readFloats("w")).containsExactly(3f);
      assertThat(weights.weightFiles()).containsExactly(dir.resolve("model.safetensors"));
    }
  }

  @Test
  void missingShardNamesTheIndexAndTheShard() throws IOException {
    writeTwoShards();
    Files.delete(dir.resolve(SHARD_2));
    writeIndex(
        "{\"weight_map\": {\"embed.weight\": \""
            + SHARD_1
            + "\", \"head.weight\": \""
            + SHARD_2
            + "\"}}");
    assertThatThrownBy(() -> ShardedSafetensors.openDirectory(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(ShardedSafetensors.INDEX_FILE)
        .hasMessageContaining(SHARD_2)
        .hasMessageContaining("does not exist");
  }

  @Test
  void tensorMissingFromItsShardNamesShardAndTensor() throws IOException {
    writeTwoShards();
    writeIndex(
        "{\"weight_map\": {\"embed.weight\": \""
            + SHARD_1
            + "\", \"head.bias\": \""
            + SHARD_2
            + "\"}}");
    assertThatThrownBy(() -> ShardedSafetensors.openDirectory(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(SHARD_2)
        .hasMessageContaining("head.bias")
        .hasMessageContaining("missing from this shard");
  }

  @Test
  void tensorInTwoShardsIsRefused() throws IOException {
    writeTwoShards();
    new SafetensorsWriter()
        .addFloats("head.weight", new float[] {-1f, 0.5f}, 1, 2)
        .addFloats("embed.weight", new float[] {9f}, 1)
        .write(dir.resolve(SHARD_2));
    writeIndex(
        "{\"weight_map\": {\"embed.weight\": \""
            + SHARD_1
            + "\", \"head.weight\": \""
            + SHARD_2
            + "\"}}");
    assertThatThrownBy(() -> ShardedSafetensors.openDirectory(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("embed.weight")
        .hasMessageContaining("is also in the shard " + SHARD_1);
  }

  @Test
  void shardNamesMustStayInTheDirectory() throws IOException {
    writeIndex("{\"weight_map\": {\"w\": \"../elsewhere.safetensors\"}}");
    assertThatThrownBy(() -> ShardedSafetensors.openDirectory(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("not a file name in the same directory");
  }

  @Test
  void pickledWeightsAreRefusedWithTheReason() throws IOException {
    Files.write(dir.resolve("pytorch_model.bin"), new byte[] {(byte) 0x80, 2});
    assertThatThrownBy(() -> ShardedSafetensors.openDirectory(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("pytorch_model.bin")
        .hasMessageContaining("unpickling can run arbitrary code")
        .hasMessageContaining("safe_serialization=True");
  }

  @Test
  void emptyDirectoryNamesTheExpectedFiles() {
    assertThatThrownBy(() -> ShardedSafetensors.openDirectory(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("model.safetensors or model.safetensors.index.json");
  }

  @Test
  void weightsSha256IsStableAndChangesWithAnyShardByte() throws IOException {
    writeTwoShards();
    writeIndex(
        "{\"weight_map\": {\"embed.weight\": \""
            + SHARD_1
            + "\", \"head.weight\": \""
            + SHARD_2
            + "\"}}");
    String first = sha256();
    assertThat(first).matches("[0-9a-f]{64}");
    assertThat(sha256()).isEqualTo(first);

    Path shard = dir.resolve(SHARD_2);
    byte[] bytes = Files.readAllBytes(shard);
    bytes[bytes.length - 1] ^= 1;
    Files.write(shard, bytes);
    assertThat(sha256()).isNotEqualTo(first);
  }

  @Test
  void weightsSha256IsTheHashOfTheSha256sumListing() throws IOException {
    writeTwoShards();
    writeIndex(
        "{\"weight_map\": {\"embed.weight\": \""
            + SHARD_1
            + "\", \"head.weight\": \""
            + SHARD_2
            + "\"}}");
    String listing =
        FileDigest.sha256(dir.resolve(SHARD_1))
            + "  "
            + SHARD_1
            + "\n"
            + FileDigest.sha256(dir.resolve(SHARD_2))
            + "  "
            + SHARD_2
            + "\n";
    assertThat(sha256()).isEqualTo(FileDigest.sha256(listing.getBytes(StandardCharsets.UTF_8)));
  }

  private String sha256() throws IOException {
    try (ShardedSafetensors weights = ShardedSafetensors.openDirectory(dir)) {
      return WeightDigests.under(dir.resolveSibling("cache")).weightsSha256(weights.weightFiles());
    }
  }

  private void writeTwoShards() throws IOException {
    new SafetensorsWriter()
        .addFloats("embed.weight", new float[] {1f, 2f, 3f, 4f}, 2, 2)
        .addLongs("ids", new long[] {7}, 1)
        .write(dir.resolve(SHARD_1));
    new SafetensorsWriter()
        .addFloats("head.weight", new float[] {-1f, 0.5f}, 1, 2)
        .write(dir.resolve(SHARD_2));
  }

  private void writeIndex(String json) throws IOException {
    Files.writeString(dir.resolve(ShardedSafetensors.INDEX_FILE), json);
  }
}
