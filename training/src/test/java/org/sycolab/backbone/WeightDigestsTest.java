package org.sycolab.backbone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sycolab.backbone.decoder.TinyDecoderCheckpoint;
import org.sycolab.backbone.safetensors.ShardedSafetensors;
import org.sycolab.io.AtomicFiles;
import org.sycolab.io.FileDigest;

class WeightDigestsTest {

  private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minusSeconds(3600));

  @TempDir Path tmp;

  private final AtomicInteger hashes = new AtomicInteger();

  /** Digests kept in {@code tmp/digests}, with a memo of their own, counting what is hashed. */
  private WeightDigests freshProcess() {
    return new WeightDigests(
        tmp.resolve(WeightDigests.DIRECTORY),
        WeightDigests.newMemo(),
        file -> {
          hashes.incrementAndGet();
          return FileDigest.sha256(file);
        });
  }

  private Path weights(String content) throws IOException {
    Path file = tmp.resolve("model.safetensors");
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, AN_HOUR_AGO);
    return file;
  }

  @Test
  void aFileIsHashedOnceInAProcessAndOnceAcrossProcesses() throws IOException {
    Path file = weights("weights");
    WeightDigests first = freshProcess();
    assertThat(first.sha256(file)).isEqualTo(FileDigest.sha256(file));
    assertThat(first.sha256(file)).isEqualTo(FileDigest.sha256(file));
    assertThat(freshProcess().sha256(file)).isEqualTo(FileDigest.sha256(file));
    assertThat(hashes).hasValue(1);
    assertThat(entries()).hasSize(1);
  }

  @Test
  void aChangedTimeIsHashedAgain() throws IOException {
    Path file = weights("weights");
    freshProcess().sha256(file);
    Files.setLastModifiedTime(file, FileTime.from(AN_HOUR_AGO.toInstant().plusSeconds(1)));
    freshProcess().sha256(file);
    assertThat(hashes).hasValue(2);
  }

  @Test
  void aChangedSizeIsHashedAgainEvenWithTheSameTime() throws IOException {
    Path file = weights("weights");
    WeightDigests digests = freshProcess();
    String before = digests.sha256(file);
    Files.writeString(file, "more", StandardOpenOption.APPEND);
    Files.setLastModifiedTime(file, AN_HOUR_AGO);

    assertThat(digests.sha256(file)).isNotEqualTo(before).isEqualTo(FileDigest.sha256(file));
    assertThat(freshProcess().sha256(file)).isEqualTo(FileDigest.sha256(file));
    assertThat(hashes).hasValue(2);
  }

  @Test
  void aReplacedFileOfTheSameSizeAndTimeIsHashedAgain() throws IOException {
    Path file = weights("weights");
    WeightDigests digests = freshProcess();
    digests.sha256(file);
    // Another inode, as a download or `cp -p` leaves it.
    Path other = tmp.resolve("other");
    Files.writeString(other, "WEIGHTS");
    Files.setLastModifiedTime(other, AN_HOUR_AGO);
    Files.move(other, file, StandardCopyOption.REPLACE_EXISTING);

    assertThat(digests.sha256(file)).isEqualTo(FileDigest.sha256(file));
    assertThat(hashes).hasValue(2);
  }

  @Test
  void aFreshlyWrittenFileIsNotKept() throws IOException {
    Path file = tmp.resolve("model.safetensors");
    Files.writeString(file, "still being written");
    WeightDigests digests = freshProcess();
    digests.sha256(file);
    digests.sha256(file);
    assertThat(hashes).hasValue(2);
    assertThat(entries()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{\"path\": ",
        "not json at all",
        "[1, 2, 3]",
        "{\"sha256\": \"0000\"}",
        "{\"sha256\": 12}",
        "\u0000\u0001\u0002"
      })
  void aDamagedEntryIsHashedAgainAndRewritten(String garbage) throws IOException {
    Path file = weights("weights");
    freshProcess().sha256(file);
    Path entry = entries().get(0);
    Files.writeString(entry, garbage);

    assertThat(freshProcess().sha256(file)).isEqualTo(FileDigest.sha256(file));
    assertThat(freshProcess().sha256(file)).isEqualTo(FileDigest.sha256(file));
    assertThat(hashes).hasValue(2);
  }

  @Test
  void anEntryOfAnotherVersionIsNotTrusted() throws IOException {
    Path file = weights("weights");
    freshProcess().sha256(file);
    Path entry = entries().get(0);
    // A well-formed entry whose digest is wrong for the size it names: never taken as current.
    String forged =
        Files.readString(entry)
            .replaceAll("\"size\":\\d+", "\"size\":1")
            .replaceAll("[0-9a-f]{64}", "0".repeat(64));
    Files.writeString(entry, forged);

    assertThat(freshProcess().sha256(file)).isEqualTo(FileDigest.sha256(file));
    assertThat(hashes).hasValue(2);
  }

  @Test
  void aLinkAndItsTargetAreOneFile() throws IOException {
    Path file = weights("weights");
    Path link = Files.createSymbolicLink(tmp.resolve("link.safetensors"), file);
    WeightDigests digests = freshProcess();
    assertThat(digests.sha256(link)).isEqualTo(digests.sha256(file));
    assertThat(hashes).hasValue(1);
  }

  @Test
  void aCacheThatCannotBeWrittenOnlyCostsTime() throws IOException {
    Path file = weights("weights");
    Files.writeString(tmp.resolve(WeightDigests.DIRECTORY), "a file where the directory goes");
    assertThat(freshProcess().sha256(file)).isEqualTo(FileDigest.sha256(file));
    assertThat(freshProcess().sha256(file)).isEqualTo(FileDigest.sha256(file));
    assertThat(hashes).hasValue(2);
  }

  @Test
  void concurrentProcessesAgreeAndLeaveOneWholeEntry() throws Exception {
    Path file = weights("x".repeat(1 << 20));
    String expected = FileDigest.sha256(file);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(pool.submit(() -> freshProcess().sha256(file)));
      }
      for (Future<String> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(entries()).hasSize(1);
    try (Stream<Path> files = Files.list(tmp.resolve(WeightDigests.DIRECTORY))) {
      assertThat(files.filter(AtomicFiles::isTemporary)).isEmpty();
    }
    int hashed = hashes.get();
    assertThat(freshProcess().sha256(file)).isEqualTo(expected);
    assertThat(hashes).hasValue(hashed);
  }

  @Test
  void weightsFingerprintIsTheSha256sumListingOfTheShards() throws IOException {
    Path dir = TinyDecoderCheckpoint.qwen2().withShards(3).write(tmp.resolve("model"));
    try (ShardedSafetensors weights = ShardedSafetensors.openDirectory(dir)) {
      StringBuilder listing = new StringBuilder();
      for (Path file : weights.weightFiles()) {
        listing
            .append(FileDigest.sha256(file))
            .append("  ")
            .append(file.getFileName())
            .append('\n');
      }
      assertThat(freshProcess().weightsSha256(weights.weightFiles()))
          .isEqualTo(FileDigest.sha256(listing.toString().getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void describeKeepsTheWeightsDigestUnderTheCacheRoot() throws IOException {
    Path dir = TinyDecoderCheckpoint.qwen2().writeModel(tmp.resolve("model"), null);
    Path weights = dir.resolve(ModelDirectory.SINGLE_WEIGHTS);
    Files.setLastModifiedTime(weights, AN_HOUR_AGO);
    Path cache = tmp.resolve("cache");
    String fingerprint =
        Backbones.describe(dir.toString(), BackboneOptions.DEFAULTS, cache).fingerprint();

    Path entry;
    try (Stream<Path> files = Files.list(cache.resolve(WeightDigests.DIRECTORY))) {
      entry = files.findFirst().orElseThrow();
    }
    assertThat(Files.readString(entry, StandardCharsets.UTF_8))
        .contains(FileDigest.sha256(weights));
    assertThat(Backbones.describe(dir.toString(), BackboneOptions.DEFAULTS, cache).fingerprint())
        .isEqualTo(fingerprint);
  }

  private List<Path> entries() throws IOException {
    Path dir = tmp.resolve(WeightDigests.DIRECTORY);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".json")).toList();
    }
  }
}
