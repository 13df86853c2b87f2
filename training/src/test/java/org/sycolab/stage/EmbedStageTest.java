package org.sycolab.stage;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.cli.ClassFeatureCache;
import org.sycolab.data.Datasets;
import org.sycolab.features.FeatureChunk;
import org.sycolab.features.Shard;
import org.sycolab.report.TestRuns;
import org.sycolab.run.RunManifest;

class EmbedStageTest {

  @TempDir Path tmp;
  @RegisterExtension static final ClassFeatureCache CACHE = new ClassFeatureCache();

  private static final StageContext CONTEXT =
      StageContext.standalone(Device.cpu(), StageConsole.SILENT);

  private EmbedConfig config(Path in, Shard shard, List<Path> merge, Path out) {
    return new EmbedConfig(in, "builtin:minilm", BackboneOptions.DEFAULTS, 8, shard, merge, out);
  }

  @Test
  void embedsFromCodeAndASecondRunIsACacheHitWithTheSameVectors() throws Exception {
    Path pools = tmp.resolve("pools.jsonl");
    Datasets.writePools(pools, TestRuns.pools());
    EmbedStage stage = new EmbedStage(CONTEXT);

    EmbedOutcome first = stage.run(config(pools, Shard.ALL, List.of(), tmp.resolve("e1")));
    assertThat(first.directory()).isEqualTo(tmp.resolve("e1"));
    assertThat(first.dimension()).isEqualTo(384);
    // The class shares one cache, so another test may have embedded these texts already.
    assertThat(first.computed() + first.cached()).isEqualTo(first.texts()).isPositive();
    FeatureChunk chunk = FeatureChunk.read(first.directory().resolve(EmbedStage.FEATURES_FILE));
    assertThat(chunk.keys()).hasSize(first.texts());
    // Each pool's three candidates: one row per (record, slot).
    assertThat(Files.readAllLines(first.directory().resolve(EmbedStage.TEXTS_FILE)))
        .hasSize(1 + 13 * 3);

    EmbedOutcome second = stage.run(config(pools, Shard.ALL, List.of(), tmp.resolve("e2")));
    assertThat(second.cached()).isEqualTo(first.texts());
    assertThat(second.computed()).isZero();
    assertThat(second.textsPerSecond()).isZero();
    assertThat(FeatureChunk.read(tmp.resolve("e2").resolve(EmbedStage.FEATURES_FILE)).vectors())
        .isDeepEqualTo(chunk.vectors());

    RunManifest manifest = RunManifest.read(tmp.resolve("e1").resolve(RunManifest.FILE_NAME));
    assertThat(manifest.command()).isEqualTo(EmbedStage.NAME);
    assertThat(manifest.status()).isEqualTo(RunManifest.Status.COMPLETE);
    assertThat(manifest.config())
        .containsEntry("model", "builtin:minilm")
        .containsEntry("batch_size", 8)
        .containsEntry("shard", "0/1");
  }

  @Test
  void aShardEmbedsItsSliceOnly() throws Exception {
    Path pools = tmp.resolve("pools.jsonl");
    Datasets.writePools(pools, TestRuns.pools());
    EmbedStage stage = new EmbedStage(CONTEXT);
    EmbedOutcome whole = stage.run(config(pools, Shard.ALL, List.of(), tmp.resolve("all")));
    int sliced = 0;
    for (int i = 0; i < 2; i++) {
      EmbedOutcome part =
          stage.run(config(pools, new Shard(i, 2), List.of(), tmp.resolve("shard" + i)));
      assertThat(part.shard()).isEqualTo(new Shard(i, 2));
      sliced += part.texts();
    }
    assertThat(sliced).isEqualTo(whole.texts());
  }
}
