package org.sycolab.features;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.safetensors.SafetensorsFile;

class ChunkDigestTest {

  @TempDir Path dir;

  private Path chunk() throws Exception {
    Path file = dir.resolve("c.safetensors");
    new FeatureChunk("a".repeat(64), List.of("1".repeat(64)), new float[][] {{1f, 2f}}).write(file);
    return file;
  }

  private static String recorded(Path file) throws Exception {
    try (SafetensorsFile opened = SafetensorsFile.open(file)) {
      return opened.metadata().get(ChunkDigest.KEY);
    }
  }

  @Test
  void aChunkMatchesTheDigestItWasWrittenWith() throws Exception {
    Path file = chunk();
    assertThatCode(() -> ChunkDigest.verify(file, recorded(file))).doesNotThrowAnyException();
  }

  @Test
  void theDigestCoversTheSizePrefixHeaderAndData() throws Exception {
    Path file = chunk();
    String digest = recorded(file);
    byte[] good = Files.readAllBytes(file);
    // A byte of the size prefix is not checked here: the file would no longer open.
    for (int offset : new int[] {9, 20, good.length / 2, good.length - 1}) {
      byte[] bad = good.clone();
      bad[offset] ^= 0x01;
      Files.write(file, bad);
      assertThatThrownBy(() -> ChunkDigest.verify(file, digest))
          .as("byte %d", offset)
          .isInstanceOf(ModelFormatException.class)
          .hasMessageContaining("c.safetensors");
    }
  }

  @Test
  void aDigestThatIsNotHexOrNotInTheHeaderIsRefused() throws Exception {
    Path file = chunk();
    assertThatThrownBy(() -> ChunkDigest.verify(file, "xyz"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("is not a SHA-256 in hex");
    assertThatThrownBy(() -> ChunkDigest.verify(file, "0".repeat(64)))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("is not written once in the header");
  }
}
