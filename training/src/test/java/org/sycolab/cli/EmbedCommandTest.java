package org.sycolab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.features.FeatureChunk;
import org.sycolab.run.RunManifest;

class EmbedCommandTest {

  @TempDir Path tmp;
  private Path cache;

  @BeforeEach
  void isolateFeatureCache() throws Exception {
    // The converted model is shared by the JVM's tests; the features are this test's own.
    cache = TestCaches.create(tmp.resolve("cache"));
    TestCaches.use(cache);
  }

  @AfterEach
  void restore() throws Exception {
    TestCaches.release();
    TestCaches.unlink(cache);
    TestCaches.unlink(tmp.resolve("elsewhere-cache"));
    TestCaches.unlink(tmp.resolve("onnxruntime-cache"));
  }

  private Path generate(int pairs) {
    Path data = tmp.resolve("data");
    CliRun r = CliRun.of("generate", "--pairs", String.valueOf(pairs), "--out", data.toString());
    assertThat(r.status()).as(r.err()).isZero();
    return data.resolve("pairs.jsonl");
  }

  @Test
  void aSecondEmbedOfTheSameFileIsACacheHit() throws Exception {
    Path pairs = generate(40);
    Path first = tmp.resolve("e1");
    CliRun r1 = CliRun.of("embed", "--in", pairs.toString(), "--out", first.toString());
    assertThat(r1.status()).as(r1.err()).isZero();
    assertThat(r1.out())
        .containsPattern("embedded (\\d+) distinct texts .*: 0 from cache, \\1 computed");

    CliRun r2 = CliRun.of("embed", "--in", pairs.toString(), "--out", tmp.resolve("e2").toString());
    assertThat(r2.status()).as(r2.err()).isZero();
    assertThat(r2.out())
        .containsPattern("embedded (\\d+) distinct texts .*: \\1 from cache, 0 computed");

    FeatureChunk a = FeatureChunk.read(first.resolve("features.safetensors"));
    FeatureChunk b = FeatureChunk.read(tmp.resolve("e2/features.safetensors"));
    assertThat(b.keys()).isEqualTo(a.keys());
    assertThat(b.vectors()).isDeepEqualTo(a.vectors());
    assertThat(a.dimension()).isEqualTo(384);
    List<String> texts = Files.readAllLines(first.resolve("texts.csv"));
    assertThat(texts.get(0)).isEqualTo("record_id,slot,row");
    assertThat(texts).hasSize(1 + 80);
    RunManifest manifest = RunManifest.read(first.resolve("manifest.json"));
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.COMPLETE);
    assertThat(manifest.outputs())
        .extracting(RunManifest.FileEntry::path)
        .containsExactly("features.safetensors", "texts.csv");
  }

  @Test
  void bothEnginesGiveTheSameVectorsWithinTheToleranceAndShareOneCache() throws Exception {
    Path pairs = generate(20);
    CliRun pytorch = embed("pytorch", pairs, "pytorch");
    assertThat(pytorch.status()).as(pytorch.err()).isZero();

    TestCaches.use(TestCaches.create(tmp.resolve("onnxruntime-cache")));
    CliRun onnx = embed("onnxruntime", pairs, "onnxruntime");
    assertThat(onnx.status()).as(onnx.err()).isZero();
    assertThat(onnx.out()).containsPattern(": 0 from cache, \\d+ computed");
    FeatureChunk a = FeatureChunk.read(tmp.resolve("pytorch/features.safetensors"));
    FeatureChunk b = FeatureChunk.read(tmp.resolve("onnxruntime/features.safetensors"));
    assertThat(b.keys()).isEqualTo(a.keys());
    assertThat(b.fingerprint()).isEqualTo(a.fingerprint());
    for (int row = 0; row < a.vectors().length; row++) {
      for (int i = 0; i < a.dimension(); i++) {
        assertThat(b.vectors()[row][i]).isCloseTo(a.vectors()[row][i], within(1e-4f));
      }
    }
    assertThat(RunManifest.read(tmp.resolve("pytorch/manifest.json")).config())
        .containsEntry("engine", "pytorch");
    assertThat(RunManifest.read(tmp.resolve("onnxruntime/manifest.json")).config())
        .containsEntry("engine", "onnxruntime");

    TestCaches.use(cache);
    CliRun again = embed("onnxruntime", pairs, "again");
    assertThat(again.status()).as(again.err()).isZero();
    assertThat(again.out())
        .containsPattern("embedded (\\d+) distinct texts .*: \\1 from cache, 0 computed");
  }

  /** {@code sycolab --engine ENGINE embed --in PAIRS --out tmp/OUT}. */
  private CliRun embed(String engine, Path pairs, String out) {
    return CliRun.of(
        "--engine",
        engine,
        "embed",
        "--in",
        pairs.toString(),
        "--out",
        tmp.resolve(out).toString());
  }

  @Test
  void shardsRunSeparatelyAndMergeIntoTheWholeWithNoModelWork() throws Exception {
    Path pairs = generate(20);
    Path elsewhere = tmp.resolve("elsewhere-cache");
    int total = 0;
    for (int i = 0; i < 2; i++) {
      // Shard 1 runs "on another machine": its own cache.
      if (i == 1) {
        Files.createDirectories(elsewhere);
        Files.createSymbolicLink(elsewhere.resolve("models"), cache.resolve("models"));
        TestCaches.use(elsewhere);
      }
      CliRun r =
          CliRun.of(
              "embed",
              "--in",
              pairs.toString(),
              "--shard",
              i + "/2",
              "--out",
              tmp.resolve("shard" + i).toString());
      assertThat(r.status()).as(r.err()).isZero();
      assertThat(r.out()).contains("of shard " + i + "/2");
      total += FeatureChunk.read(tmp.resolve("shard" + i + "/features.safetensors")).keys().size();
    }
    TestCaches.use(cache);

    CliRun merged =
        CliRun.of(
            "embed",
            "--in",
            pairs.toString(),
            "--merge",
            tmp.resolve("shard1").toString(),
            "--out",
            tmp.resolve("all").toString());
    assertThat(merged.status()).as(merged.err()).isZero();
    assertThat(merged.out())
        .contains("embedded " + total + " distinct texts")
        .contains("0 computed");
  }

  @Test
  void badArgumentsAreUsageErrors() throws Exception {
    Path pairs = generate(10);
    CliRun shard = CliRun.of("embed", "--in", pairs.toString(), "--shard", "2/2");
    assertThat(shard.status()).isEqualTo(2);
    assertThat(shard.err()).contains("0 <= i < n");
    CliRun pooling = CliRun.of("embed", "--in", pairs.toString(), "--pooling", "max");
    assertThat(pooling.status()).isEqualTo(2);
    assertThat(pooling.err()).contains("--pooling must be one of mean, cls, last");
    CliRun missing = CliRun.of("embed", "--in", tmp.resolve("nope.jsonl").toString());
    assertThat(missing.status()).isEqualTo(ExitCode.PROBLEMS);
    assertThat(missing.err()).contains("nope.jsonl: no such file");
    CliRun half = CliRun.of("embed", "--in", pairs.toString(), "--dtype", "float16");
    assertThat(half.status()).isEqualTo(2);
    assertThat(half.err()).contains("runs in float32 only");
  }

  @Test
  void aModelWithPickledWeightsIsRefusedInOneLine() throws Exception {
    Path pairs = generate(10);
    Path model = tmp.resolve("model");
    Files.createDirectories(model);
    // No config.json either: the weights are refused first.
    Files.write(model.resolve("pytorch_model.bin"), new byte[] {(byte) 0x80, 2});

    CliRun r = CliRun.of("embed", "--in", pairs.toString(), "--model", model.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err())
        .contains("pytorch_model.bin")
        .contains("unpickling can run arbitrary code")
        .doesNotContain("stack trace");
  }

  @Test
  void aDamagedCacheChunkIsSetAsideWithOneWarningAndItsTextsComputedAgain() throws Exception {
    Path pairs = generate(10);
    Path first = tmp.resolve("e1");
    CliRun r1 = CliRun.of("embed", "--in", pairs.toString(), "--out", first.toString());
    assertThat(r1.status()).as(r1.err()).isZero();
    List<Path> chunks;
    try (Stream<Path> files = Files.walk(cache.resolve("features"))) {
      chunks = files.filter(f -> f.getFileName().toString().startsWith("chunk-")).toList();
    }
    assertThat(chunks).hasSize(1);
    byte[] bytes = Files.readAllBytes(chunks.get(0));
    for (int i = bytes.length - 400; i < bytes.length - 300; i++) {
      bytes[i] ^= 0x5a;
    }
    Files.write(chunks.get(0), bytes);

    CliRun r2 = CliRun.of("embed", "--in", pairs.toString(), "--out", tmp.resolve("e2").toString());

    assertThat(r2.status()).as(r2.err()).isZero();
    assertThat(r2.err().lines().filter(line -> line.startsWith("warning: ")))
        .singleElement()
        .asString()
        .contains(chunks.get(0).getFileName().toString())
        .contains("quarantine")
        .contains("SHA-256");
    assertThat(r2.out())
        .containsPattern("embedded (\\d+) distinct texts .*: 0 from cache, \\1 computed");
    FeatureChunk a = FeatureChunk.read(first.resolve("features.safetensors"));
    FeatureChunk b = FeatureChunk.read(tmp.resolve("e2/features.safetensors"));
    assertThat(b.keys()).isEqualTo(a.keys());
    assertThat(b.vectors()).isDeepEqualTo(a.vectors());
  }

  @Test
  void aDamagedShardOutputGivenToMergeIsRefusedByName() throws Exception {
    Path pairs = generate(10);
    Path shard = tmp.resolve("shard0");
    CliRun r =
        CliRun.of("embed", "--in", pairs.toString(), "--shard", "0/2", "--out", shard.toString());
    assertThat(r.status()).as(r.err()).isZero();
    Path features = shard.resolve("features.safetensors");
    byte[] bytes = Files.readAllBytes(features);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(features, bytes);

    CliRun merged =
        CliRun.of(
            "embed",
            "--in",
            pairs.toString(),
            "--merge",
            shard.toString(),
            "--out",
            tmp.resolve("all").toString());

    assertThat(merged.status()).isEqualTo(1);
    assertThat(merged.err())
        .contains(features.toString())
        .contains("SHA-256")
        .doesNotContain("stack trace");
    assertThat(features).exists();
  }
}
