package org.sycolab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.data.CandidatePool;
import org.sycolab.pull.Flips;
import org.sycolab.pull.PoolSet;
import org.sycolab.pull.Reference;
import org.sycolab.pull.RewardScores;
import org.sycolab.run.RunLayout;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

class FlipsTableTest {

  @TempDir Path tmp;

  @Test
  void theFlipsWrittenReadBackWithTheirTextsEarliestFirst() throws Exception {
    List<CandidatePool> pools = TestRuns.pools().subList(0, 4);
    // The scores of pull.FlipsTest: pool 1 flips at λ = ½, pool 0 at λ = 1, pools 2 and 3 never.
    RewardScores scores =
        new RewardScores(
            "seed1",
            new double[] {0, 2, 1, /**/ 0, 3, 1, /**/ 0, 2, 2, /**/ 0, -1, -1},
            new double[] {2, 0, 1, /**/ 2, 0.5, 1, /**/ 2, 0, 0, /**/ 2, 0, 1});
    List<Flips.Flip> flips =
        Flips.find(PoolSet.of(pools, Reference.UNIFORM), scores, List.of(0.0, 0.5, 1.0));
    Path file = tmp.resolve(RunLayout.FLIPS_FILE);
    try (OutputStream out = Files.newOutputStream(file)) {
      ResultCsv.write(FlipsTable.of(pools, flips), out);
    }

    Table read = RunCsv.read(file, FlipsTable.COLUMNS);
    assertThat(read.rowCount()).isEqualTo(2);
    Row first = read.row(0);
    assertThat(first.getString("pool_id")).isEqualTo("pool-1");
    assertThat(first.getDouble("lambda")).isEqualTo(0.5);
    assertThat(first.getString("premise")).isEqualTo("false");
    assertThat(first.getString("prompt")).isEqualTo("user: Question 1, is it so?");
    assertThat(first.getInt("truthful_candidate")).isZero();
    assertThat(first.getString("truthful_kind")).isEqualTo("correct");
    assertThat(first.getString("truthful_text")).isEqualTo("No, it is not so (1).");
    assertThat(first.getInt("sycophantic_candidate")).isEqualTo(1);
    assertThat(first.getString("sycophantic_kind")).isEqualTo("capitulate");
    assertThat(first.getString("sycophantic_text")).isEqualTo("Yes, it is so (1).");
    Row second = read.row(1);
    assertThat(second.getString("pool_id")).isEqualTo("pool-0");
    assertThat(second.getDouble("lambda")).isEqualTo(1.0);
    assertThat(second.getString("prompt")).isEqualTo("user: Is it so? " + TestRuns.HOSTILE);
    assertThat(second.getString("sycophantic_text")).isEqualTo(TestRuns.PIPED);
  }
}
