package org.sycolab.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sycolab.data.DataSplit;
import org.sycolab.data.PreferencePair;
import org.sycolab.data.probes.GeneratedData;
import org.sycolab.data.probes.GeneratorConfig;
import org.sycolab.data.probes.ProbeGenerator;

class EvaluationSplitTest {

  private static final GeneratedData DATA =
      ProbeGenerator.standard().generate(GeneratorConfig.of(5, 80));
  private static final Path FILE = Path.of("pairs.jsonl");

  @Test
  void keepsTheRecordsOfItsSplitOrAll() {
    List<PreferencePair> dev = new EvaluationSplit("dev").pairs(DATA.pairs(), FILE);
    assertThat(dev).isNotEmpty().allMatch(pair -> DataSplit.of(pair) == DataSplit.DEV);
    assertThat(new EvaluationSplit(EvaluationSplit.ALL).pairs(DATA.pairs(), FILE))
        .isEqualTo(DATA.pairs());
    assertThat(new EvaluationSplit("test").pools(DATA.pools(), Path.of("pools.jsonl")))
        .isNotEmpty()
        .allMatch(pool -> DataSplit.of(pool) == DataSplit.TEST);
  }

  @Test
  void refusesAnUnknownSplitAndOneWithoutRecords() {
    assertThatThrownBy(() -> new EvaluationSplit("holdout"))
        .hasMessage("--split must be train, dev, test or all, got 'holdout'");
    List<PreferencePair> train = new EvaluationSplit("train").pairs(DATA.pairs(), FILE);
    assertThatThrownBy(() -> new EvaluationSplit("test").pairs(train, FILE))
        .hasMessage("no pairs in pairs.jsonl belong to split test; choose another --split");
  }
}
