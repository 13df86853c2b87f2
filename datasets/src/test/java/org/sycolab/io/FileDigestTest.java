package org.sycolab.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestTest {

  @TempDir Path dir;

  @Test
  void matchesPublishedTestVectors() {
    // FIPS 180-2 appendix B.1 ("abc") and the digest of the empty string.
    assertThat(FileDigest.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(FileDigest.sha256(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void streamedFileDigestEqualsInMemoryDigestAcrossBufferBoundaries() throws IOException {
    byte[] bytes = new byte[(1 << 16) * 3 + 17];
    new Random(7).nextBytes(bytes);
    Path file = dir.resolve("blob.bin");
    Files.write(file, bytes);
    assertThat(FileDigest.sha256(file)).isEqualTo(FileDigest.sha256(bytes));
  }
}
