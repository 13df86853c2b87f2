package org.sycolab.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        .hasMessageContaining(
            ":8: grounded: expected a finite decimal number such as -1.25 or 3e-2, got 'x'")
        .hasMessageContaining(":8: pool 'say \"hi\"' candidate 1 already has scores on line 7");
  }

  @Test
  void scoresMustBePlainDecimalNumbers() throws Exception {
    PoolSet pools = PoolSet.of(POOLS.subList(0, 1), Reference.UNIFORM);
    Path file = tmp.resolve("scores.csv");
    Files.writeString(
        file, "pool_id,candidate,agreeable,grounded\n\"q,1\",0,-1.5E-3,+.25\n\"q,1\",1,2.,7\n");
    RewardScores read = ScoresFile.read(file, "s", pools, ScoresFile.sizes(POOLS));
    assertThat(read.agreeable()).containsExactly(-1.5e-3, 2);
    assertThat(read.grounded()).containsExactly(0.25, 7);

    List<String> refused =
        List.of("0x1p3", "1f", "1d", "NaN", "Infinity", "-Infinity", "", "1e400", "1_000", "١");
    StringBuilder rows = new StringBuilder("pool_id,candidate,agreeable,grounded\n");
    for (int i = 0; i < refused.size(); i++) {
      rows.append("\"q,1\",").append(i % 2).append(",").append(refused.get(i)).append(",0\n");
    }
    Files.writeString(file, rows.toString());
    assertThatThrownBy(() -> ScoresFile.read(file, "s", pools, ScoresFile.sizes(POOLS)))
        .isInstanceOf(InvalidScoresException.class)
        .hasMessageContaining(
            ":2: agreeable: expected a finite decimal number such as -1.25 or"
                + " 3e-2, got '0x1p3'")
        .hasMessageContaining(":3: agreeable: expected a finite decimal number")
        .hasMessageContaining("got '1d'")
        .hasMessageContaining("got 'NaN'")
        .hasMessageContaining("got 'Infinity'")
        .hasMessageContaining("got ''")
        .hasMessageContaining("got '1e400'")
        .hasMessageContaining(":11: agreeable: expected a finite decimal number");
  }

  @Test
  void aScoreTooLargeToStandardiseIsRefusedWithItsRow() throws Exception {
    PoolSet pools = PoolSet.of(POOLS.subList(0, 1), Reference.UNIFORM);
    Path file = tmp.resolve("scores.csv");
    Files.writeString(
        file,
        "pool_id,candidate,agreeable,grounded\n\"q,1\",0,1e300,1e150\n\"q,1\",1,-2,-1.7e308\n");
    assertThatThrownBy(() -> ScoresFile.read(file, "s", pools, ScoresFile.sizes(POOLS)))
        .isInstanceOf(InvalidScoresException.class)
        .hasMessageContaining(
            file
                + ":2: agreeable: expected a score between -1e150 and 1e150 (larger ones overflow"
                + " z-scoring), got '1e300'")
        .hasMessageContaining(":3: grounded: expected a score between -1e150 and 1e150")
        .hasMessageContaining("got '-1.7e308'")
        .hasMessageNotContaining(":2: grounded");
  }

  @Test
  void aCandidateIndexIsAsciiDigits() throws Exception {
    PoolSet pools = PoolSet.of(POOLS.subList(0, 1), Reference.UNIFORM);
    Path file = tmp.resolve("scores.csv");
    Files.writeString(
        file, "pool_id,candidate,agreeable,grounded\n\"q,1\",+0,1,1\n\"q,1\",\u0661,1,1\n");
    assertThatThrownBy(() -> ScoresFile.read(file, "s", pools, ScoresFile.sizes(POOLS)))
        .hasMessageContaining(":2: candidate: expected the candidate's 0-based index")
        .hasMessageContaining(":3: candidate: expected the candidate's 0-based index");
  }

  @Test
  void oneScoresTableGivenTwiceIsRefusedByPathOrByWhatWasRead() throws Exception {
    PoolSet pools = PoolSet.of(POOLS, Reference.UNIFORM);
    Path first =
        scores(
            "a.csv",
            "pool_id,candidate,agreeable,grounded\n"
                + "\"q,1\",0,1,2\n\"q,1\",1,3,4\n\"say \"\"hi\"\"\",0,5,6\n\"say \"\"hi\"\"\",1,7,8\n");
    Path other =
        scores(
            "b.csv",
            "pool_id,candidate,agreeable,grounded\n"
                + "\"q,1\",0,1,2\n\"q,1\",1,3,4\n\"say \"\"hi\"\"\",0,5,6\n\"say \"\"hi\"\"\",1,7,9\n");
    ScoresFile.requireDistinct("--scores", List.of(first, other), readAll(pools, first, other));

    Path samePath = tmp.resolve("sub/../a.csv");
    Files.createDirectories(tmp.resolve("sub"));
    assertThatThrownBy(
            () ->
                ScoresFile.requireDistinct(
                    "--scores",
                    List.of(first, other, samePath),
                    readAll(pools, first, other, samePath)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--scores "
                + samePath
                + " is the same file as "
                + first
                + ": one scores table given twice; each seed needs its own scores");

    Path copy = Files.copy(first, tmp.resolve("copy.csv"));
    Path reordered =
        scores(
            "reordered.csv",
            "grounded,agreeable,candidate,pool_id\r\n"
                + "8.0,7,1,\"say \"\"hi\"\"\"\r\n2,1e0,0,\"q,1\"\r\n"
                + "6,5,0,\"say \"\"hi\"\"\"\r\n4,+3,1,\"q,1\"\r\n");
    for (Path same : List.of(copy, reordered)) {
      assertThatThrownBy(
              () ->
                  ScoresFile.requireDistinct(
                      "--scores", List.of(first, same), readAll(pools, first, same)))
          .hasMessage(
              "--scores "
                  + same
                  + " has the same scores as "
                  + first
                  + ": one scores table given twice; each seed needs its own scores");
    }
  }

  private Path scores(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text);
  }

  private static List<double[][]> readAll(PoolSet pools, Path... files) throws Exception {
    List<double[][]> read = new ArrayList<>();
    for (Path file : files) {
      RewardScores scores =
          ScoresFile.read(file, file.getFileName().toString(), pools, ScoresFile.sizes(POOLS));
      read.add(new double[][] {scores.agreeable(), scores.grounded()});
    }
    return read;
  }

  @Test
  void anAuditedRewardTableIsReadInAnyColumnOrderAndRefusedAsAScoresTable() throws Exception {
    PoolSet pools = PoolSet.of(POOLS, Reference.UNIFORM);
    Path file =
        scores(
            "rm.csv",
            "reward,pool_id,extra,candidate\n"
                + "-1.5,\"q,1\",x,1\n2.25e1,\"q,1\",y,0\n"
                + "0,\"say \"\"hi\"\"\",z,0\n0.125,\"say \"\"hi\"\"\",z,1\n");
    assertThat(ScoresFile.readReward(file, pools, ScoresFile.sizes(POOLS)))
        .containsExactly(22.5, -1.5, 0, 0.125);
    assertThatThrownBy(() -> ScoresFile.read(file, "s", pools, ScoresFile.sizes(POOLS)))
        .isInstanceOf(InvalidScoresException.class)
        .hasMessageContaining(
            file
                + ":1: agreeable: missing column; the header must name pool_id, candidate,"
                + " agreeable, grounded")
        .hasMessageContaining(file + ":1: grounded: missing column");
  }

  @Test
  void anAuditedRewardTableNamesFileLineAndFieldOfEachProblem() throws Exception {
    PoolSet pools = PoolSet.of(POOLS, Reference.UNIFORM);
    Path noColumn = scores("no-column.csv", "pool_id,candidate,score\n\"q,1\",0,1\n");
    assertThatThrownBy(() -> ScoresFile.readReward(noColumn, pools, ScoresFile.sizes(POOLS)))
        .isInstanceOf(InvalidScoresException.class)
        .hasMessageContaining(
            noColumn
                + ":1: reward: missing column; the header must name pool_id, candidate, reward");
    Path bad =
        scores(
            "bad.csv",
            "pool_id,candidate,reward\n"
                + "\"q,1\",0,1\n"
                + "nowhere,0,1\n"
                + "\"q,1\",2,1\n"
                + "\"say \"\"hi\"\"\",0,NaN\n"
                + "\"q,1\",0,3\n");
    assertThatThrownBy(() -> ScoresFile.readReward(bad, pools, ScoresFile.sizes(POOLS)))
        .isInstanceOf(InvalidScoresException.class)
        .hasMessageContaining(bad + ":3: pool_id: no pool 'nowhere' in the pools file")
        .hasMessageContaining(bad + ":4: candidate: pool 'q,1' has candidates 0 to 1, got 2")
        .hasMessageContaining(
            bad + ":5: reward: expected a finite decimal number such as -1.25 or 3e-2, got 'NaN'")
        .hasMessageContaining(bad + ":6: pool 'q,1' candidate 0 already has scores on line 2")
        .hasMessageContaining("2 candidates of the evaluated pools have no row")
        .hasMessageContaining("no row for pool 'q,1' candidate 1");
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
