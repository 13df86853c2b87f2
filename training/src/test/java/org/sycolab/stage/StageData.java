package org.sycolab.stage;

import java.io.IOException;
import java.nio.file.Path;
import org.sycolab.data.Datasets;
import org.sycolab.data.probes.GeneratedData;
import org.sycolab.data.probes.GeneratorConfig;
import org.sycolab.data.probes.ProbeGenerator;

/** A small generated dataset on disk for the stage tests: 80 pairs and 40 pools. */
final class StageData {

  final GeneratedData data;
  final Path pairs;
  final Path pools;

  private StageData(GeneratedData data, Path pairs, Path pools) {
    this.data = data;
    this.pairs = pairs;
    this.pools = pools;
  }

  /** Generates the data (seed 5) and writes pairs.jsonl and pools.jsonl into {@code dir}. */
  static StageData writeInto(Path dir) throws IOException {
    GeneratedData data = ProbeGenerator.standard().generate(GeneratorConfig.of(5, 80));
    Path pairs = dir.resolve("pairs.jsonl");
    Path pools = dir.resolve("pools.jsonl");
    Datasets.writePairs(pairs, data.pairs());
    Datasets.writePools(pools, data.pools());
    return new StageData(data, pairs, pools);
  }
}
