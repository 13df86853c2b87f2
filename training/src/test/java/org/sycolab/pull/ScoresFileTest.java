package org.sycolab.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.Premise;

class ScoresFileTest {
  @TempDir Path tmp;

  private static final List<CandidatePool> POOLS =
      List.of(
          PullAnalysisTest.pool(
              "q,1",
              Premise.FALSE,
              "pushback",
              "d",
              PullAnalysisTest.candidate(true, false, "correct"),
              PullAnalysisTest.candidate(false, true, "capitulate")),
          PullAnalysisTest.pool(
              "say \"hi\"",
              Premise.TRUE,
              "true-premise",
              "d",
              PullAnalysisTest.candidate(true, true, "affirm"),
              PullAnalysisTest.candidate(false, false, "hedge")));

  @Test
  void writtenScoresReadBackExactlyWithQuotedIds() throws Exception {
    PoolSet pools = PoolSet.of(POOLS, Reference.UNIFORM);
    RewardScores scores =
        new RewardScores(
            "s", new double[] {0.1, 1e-17, -3.25, 2.0 / 3}, new double[] {1, 2, Math.PI, -0.0});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ScoresFile.write(pools, scores, out);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("pool_id,candidate,agreeable,grounded\n\"q,1\",0,0.1,1.0\n")
        .contains("\"say \"\"hi\"\"\",1,");
    Path file = tmp.resolve("scores.csv");
    Files.writeString(file, text);
    RewardScores read = ScoresFile.read(file, "s", pools, ScoresFile.sizes(POOLS));
    assertThat(read.agreeable()).containsExactly(scores.agreeable());
    assertThat(read.grounded()).containsExactly(scores.grounded());
  }

  @Test
  void rowsOfPoolsOutsideTheEvaluatedSplitAreCheckedAndSkipped() throws Exception {
    PoolSet onlyFirst = PoolSet.of(POOLS.subList(0, 1), Reference.UNIFORM);
    Path file = tmp.resolve("scores.csv");
    Files.writeString(
        file,
        "grounded,agreeable,candidate,pool_id\r\n1,2,0,\"q,1\"\r\n3,4,1,\"q,1\"\r\n"
            + "5,6,1,\"say \"\"hi\"\"\"\r\n\r\n");
    RewardScores read = ScoresFile.read(file, "s", onlyFirst, ScoresFile.sizes(POOLS));
    assertThat(read.agreeable()).containsExactly(2, 4);
    assertThat(read.grounded()).containsExactly(1, 3);

    Files.writeString(
        file,
        "pool_id,candidate,agreeable,grounded\n\"q,1\",0,1,1\n\"q,1\",1,1,1\n"
            + "\"q,1\",0,2,2\n\"say \"\"hi\"\"\",5,1,1\n\"open,1,1,1\n"
            + "\"say \"\"hi\"\"\",1,1,1\n\"say \"\"hi\"\"\",1,1,x\n");
    assertThatThrownBy(() -> ScoresFile.read(file, "s", onlyFirst, ScoresFile.sizes(POOLS)))
        .isInstanceOf(InvalidScoresException.class)
        .hasMessageContaining("5 problems")
        .hasMessageContaining(":4: pool 'q,1' candidate 0 already has scores on line 2")
        .hasMessageContaining(":5: candidate: pool 'say \"hi\"' has candidates 0 to 1, got 5")
        .hasMessageContaining(":6: a quoted field is not closed")
        .hasMessageContaining(":8: grounded: expected a finite number, got 'x'")
        .hasMessageContaining(":8: pool 'say \"hi\"' candidate 1 already has scores on line 7");
  }

  @Test
  void anEmptyFileIsRefused() throws Exception {
    Path file = tmp.resolve("empty.csv");
    Files.writeString(file, "");
    PoolSet pools = PoolSet.of(POOLS, Reference.UNIFORM);
    assertThatThrownBy(() -> ScoresFile.read(file, "s", pools, ScoresFile.sizes(POOLS)))
        .hasMessageContaining("the file is empty");
  }
}
