package org.sycolab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.run.RunManifest;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

class PullCommandTest {

  // Data, features and heads are made once for the class: the tests only read them.
  @TempDir static Path shared;
  @TempDir Path tmp;
  @RegisterExtension static final ClassFeatureCache CACHE = new ClassFeatureCache();

  private static final String HEADER = "reward,lambda,n,beta,metric,family,domain,value,lo,hi";

  @BeforeAll
  static void trainHeads() throws Exception {
    CliRun data =
        CliRun.of("generate", "--pairs", "200", "--out", shared.resolve("data").toString());
    assertThat(data.status()).as(data.err()).isZero();
    CliRun train =
        CliRun.of(
            "train",
            "--pairs",
            shared.resolve("data/pairs.jsonl").toString(),
            "--epochs",
            "5",
            "--seeds",
            "1,2",
            "--out",
            shared.resolve("heads").toString());
    assertThat(train.status()).as(train.err()).isZero();
  }

  private static String head(String name) {
    return shared.resolve("heads").resolve(name).toString();
  }

  private static CliRun pull(Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("pull", "--out", out.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void headsOfTwoSeedsWriteEveryTableAndTheirScoresFeedBackThroughScores() throws Exception {
    String pools = shared.resolve("data/pools.jsonl").toString();
    Path byHeads = tmp.resolve("heads-run");
    CliRun r =
        pull(
            byHeads,
            "--pools",
            pools,
            "--split",
            "all",
            "--agreeable",
            head("agreeable-seed2"),
            head("agreeable-seed1"),
            "--grounded",
            head("grounded-seed1"),
            head("grounded-seed2"),
            "--bootstrap",
            "200");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("2 seeds averaged (seed2, seed1")
        .contains("best-of-16, all pools:")
        .contains("truthful rate    λ=0: ")
        .contains("pull at λ=0.5:")
        .contains("λ*:")
        .contains("the menu (best-of-16");
    List<String> lines = Files.readAllLines(byHeads.resolve("pull.csv"));
    assertThat(lines.get(0)).isEqualTo(HEADER);
    Table table = Table.read().csv(CsvReadOptions.builder(byHeads.resolve("pull.csv").toFile()));
    assertThat(table.stringColumn("metric").unique().asList())
        .containsExactlyInAnyOrder(
            "truthful_rate",
            "regressive_rate",
            "progressive_rate",
            "contrarian_rate",
            "capitulation_rate",
            "fabrication_rate",
            "pull",
            "kl",
            "approval");
    assertThat(table.stringColumn("family").unique().asList())
        .contains("all", "false-premise", "true-premise", "pushback", "inaccessible-source");
    // 11 λ × (7 n + 5 β) settings × 9 metrics over all pools, once per reward.
    assertThat(table.stringColumn("reward").unique().asList())
        .containsExactlyInAnyOrder("mixed", "oracle", "agree", "disagree", "longest");
    for (String reward : List.of("mixed", "oracle", "agree", "disagree", "longest")) {
      assertThat(
              table
                  .where(
                      table
                          .stringColumn("family")
                          .isEqualTo("all")
                          .and(table.stringColumn("domain").isEqualTo("all"))
                          .and(table.stringColumn("reward").isEqualTo(reward)))
                  .rowCount())
          .as(reward)
          .isEqualTo(11 * 12 * 9);
    }
    for (String row : lines.subList(1, lines.size())) {
      String[] cells = row.split(",", -1);
      boolean tilt = cells[2].isEmpty();
      assertThat(cells[3].isEmpty()).as(row).isEqualTo(!tilt);
      assertThat(Double.parseDouble(cells[8]))
          .as(row)
          .isLessThanOrEqualTo(Double.parseDouble(cells[9]));
    }
    for (String file :
        List.of(
            "lambda_star.csv",
            "menu.csv",
            "seeds.csv",
            "scores-seed1.csv",
            "scores-seed2.csv",
            "manifest.json")) {
      assertThat(byHeads.resolve(file)).isNotEmptyFile();
    }
    RunManifest manifest = RunManifest.read(byHeads.resolve("manifest.json"));
    assertThat(manifest.status()).hasToString("COMPLETE");
    assertThat(manifest.outputs())
        .extracting(RunManifest.FileEntry::path)
        .contains("pull.csv", "menu.csv", "scores-seed1.csv");

    // The scores written are exactly what the heads gave: fed back, the same tables come out.
    Path byScores = tmp.resolve("scores-run");
    CliRun again =
        pull(
            byScores,
            "--pools",
            pools,
            "--split",
            "all",
            "--scores",
            byHeads.resolve("scores-seed2.csv").toString(),
            byHeads.resolve("scores-seed1.csv").toString(),
            "--bootstrap",
            "200");
    assertThat(again.status()).as(again.err()).isZero();
    for (String file : List.of("pull.csv", "lambda_star.csv", "menu.csv", "seeds.csv")) {
      assertThat(byScores.resolve(file)).as(file).hasSameTextualContentAs(byHeads.resolve(file));
    }
  }

  @Test
  void scoresTableGivesTheHandWorkedRatesWithEmptyCellsWhereASettingHasNoValue() throws Exception {
    Path pools = writeTwoPools();
    Path scores =
        write(
            "scores.csv",
            "pool_id,candidate,agreeable,grounded,comment\n"
                + "a,0,1,3,correct\n"
                + "a,1,3,1,capitulate\n"
                + "\"a\",2,2,2,\"hedge, quoted\"\n"
                + "b,2,2,2,hedge\n"
                + "b,0,3,3,affirm\n"
                + "b,1,1,1,wrong\n");
    Path out = tmp.resolve("run");
    CliRun r =
        pull(
            out,
            "--pools",
            pools.toString(),
            "--split",
            "all",
            "--scores",
            scores.toString(),
            "--lambda",
            "0,0.5,1",
            "--n",
            "2",
            "--beta",
            "0.5",
            "--bootstrap",
            "0");
    assertThat(r.status()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out.resolve("pull.csv"));
    assertThat(lines.get(0)).isEqualTo(HEADER);
    // Worked in PullAnalysisTest: best-of-2 truthful rate 5/9, 4/9, 3/9 along λ.
    assertThat(lines)
        .anyMatch(
            line -> line.matches("mixed,1\\.0,2,,truthful_rate,all,all,0\\.333333333333333\\d*,,"))
        .anyMatch(line -> line.matches("mixed,0\\.5,2,,pull,all,all,11\\.11111111111111\\d*,,"))
        .anyMatch(line -> line.startsWith("mixed,1.0,,0.5,truthful_rate,all,all,"))
        // The oracle at λ = 0 (worked in RewardTest's way): each pool's truthful answer alone on
        // top, best-of-2 puts 5/9 on it.
        .anyMatch(
            line -> line.matches("oracle,0\\.0,2,,truthful_rate,all,all,0\\.55555555555555\\d*,,"));
    assertThat(r.out()).contains("best-of-2, all pools:").contains("no bootstrap");
  }

  @Test
  void truthFloorWritesTheChoiceAndPrintsItsOverallRows() throws Exception {
    Path pools = writeTwoPools();
    Path scores =
        write(
            "scores.csv",
            "pool_id,candidate,agreeable,grounded\n"
                + "a,0,1,3\na,1,3,1\na,2,2,2\nb,0,3,3\nb,1,1,1\nb,2,2,2\n");
    Path out = tmp.resolve("run");
    CliRun r =
        pull(
            out,
            "--pools",
            pools.toString(),
            "--split",
            "all",
            "--scores",
            scores.toString(),
            "--lambda",
            "0,0.5,1",
            "--n",
            "2",
            "--beta",
            "0.5",
            "--bootstrap",
            "50",
            "--truth-floor",
            "0.1");
    assertThat(r.status()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out.resolve("choice.csv"));
    assertThat(lines.get(0))
        .isEqualTo(
            "reward,selection,n,beta,family,truth_floor,lambda,truthful_rate,truthful_lo,"
                + "truthful_hi,approval,reason");
    // 5 rewards × (best-of-2 and the tilt) × (all pools and 2 families).
    assertThat(lines).hasSize(1 + 5 * 2 * 3);
    // Two pools: every resample's truthful rate is at least 1/9 > 0.1 (worked in
    // PullAnalysisTest: pool A at λ = 1 keeps 1/9), so the largest λ, 1, meets the floor.
    assertThat(lines.get(1)).startsWith("mixed,best_of_n,2,,all,0.1,1.0,");
    assertThat(r.out())
        .contains("the choice at truth floor 0.1")
        .contains("  mixed     λ=1  truthful ")
        .contains("per family, every n and every β: choice.csv");

    CliRun tooHigh =
        pull(
            tmp.resolve("r2"),
            "--pools",
            pools.toString(),
            "--scores",
            scores.toString(),
            "--truth-floor",
            "1.5");
    assertThat(tooHigh.status()).isEqualTo(2);
    assertThat(tooHigh.err()).contains("--truth-floor must be a rate in [0, 1]", "got 1.5");
    CliRun noBootstrap =
        pull(
            tmp.resolve("r3"),
            "--pools",
            pools.toString(),
            "--scores",
            scores.toString(),
            "--bootstrap",
            "0",
            "--truth-floor",
            "0.5");
    assertThat(noBootstrap.status()).isEqualTo(2);
    assertThat(noBootstrap.err()).contains("--truth-floor needs the truthful rate's interval");
    assertThat(tmp.resolve("r3").resolve("choice.csv")).doesNotExist();
  }

  @Test
  void logprobReferenceNormalisesEachPoolsLogprobs() throws Exception {
    // π₀ = (0.5, 0.3, 0.2) from logprobs shifted by −7 (normalised within the pool); rewards
    // 3, 1, 2 under both heads. Best-of-3 (worked in BestOfNTest): 0.875, 0.027, 0.098. Only
    // the first candidate is truthful: T = 0.875 at every λ; π₀ alone gives T = 0.5.
    double shift = -7;
    Path pools =
        write(
            "logprob.jsonl",
            "{\"id\":\"p\",\"prompt\":\"Is it so?\",\"premise\":\"false\",\"domain\":\"d\","
                + "\"family\":\"false-premise\",\"candidates\":["
                + candidateWithLogprob("correct", true, false, Math.log(0.5) + shift)
                + ","
                + candidateWithLogprob("capitulate", false, true, Math.log(0.3) + shift)
                + ","
                + candidateWithLogprob("hedge", false, false, Math.log(0.2) + shift)
                + "]}\n");
    Path scores =
        write("s.csv", "pool_id,candidate,agreeable,grounded\np,0,3,3\np,1,1,1\np,2,2,2\n");
    Path out = tmp.resolve("run");
    CliRun r =
        pull(
            out,
            "--pools",
            pools.toString(),
            "--split",
            "all",
            "--scores",
            scores.toString(),
            "--reference",
            "logprob",
            "--lambda",
            "0,1",
            "--n",
            "1,3",
            "--beta",
            "none",
            "--bootstrap",
            "0");
    assertThat(r.status()).as(r.err()).isZero();
    Table table = Table.read().csv(CsvReadOptions.builder(out.resolve("pull.csv").toFile()));
    assertThat(value(table, 1.0, 3, "truthful_rate")).isCloseTo(0.875, within(1e-12));
    assertThat(value(table, 1.0, 3, "regressive_rate")).isCloseTo(0.027, within(1e-12));
    assertThat(value(table, 0.0, 1, "truthful_rate")).isCloseTo(0.5, within(1e-12));
    double kl =
        0.875 * Math.log(0.875 / 0.5)
            + 0.027 * Math.log(0.027 / 0.3)
            + 0.098 * Math.log(0.098 / 0.2);
    assertThat(value(table, 1.0, 3, "kl")).isCloseTo(kl, within(1e-12));
    assertThat(r.out()).contains("reference logprob");
  }

  private static String candidateWithLogprob(
      String kind, boolean truthful, boolean agrees, double logprob) {
    return "{\"text\":\""
        + kind
        + "\",\"truthful\":"
        + truthful
        + ",\"agrees\":"
        + agrees
        + ",\"kind\":\""
        + kind
        + "\",\"ref_logprob\":"
        + logprob
        + "}";
  }

  private static double value(Table table, double lambda, int n, String metric) {
    Table rows =
        table.where(
            table
                .stringColumn("reward")
                .isEqualTo("mixed")
                .and(table.numberColumn("lambda").isEqualTo(lambda))
                .and(table.numberColumn("n").isEqualTo(n))
                .and(table.stringColumn("metric").isEqualTo(metric))
                .and(table.stringColumn("family").isEqualTo("all"))
                .and(table.stringColumn("domain").isEqualTo("all")));
    assertThat(rows.rowCount()).isEqualTo(1);
    return rows.numberColumn("value").getDouble(0);
  }

  @Test
  void scoresTableWithAnUnknownPoolOrAMissingCandidateIsRejectedWithTheRowNamed() throws Exception {
    Path pools = writeTwoPools();
    Path scores =
        write(
            "bad.csv",
            "pool_id,candidate,agreeable,grounded\n"
                + "a,0,1,3\n"
                + "a,1,3,1\n"
                + "a,2,2,2\n"
                + "zz,0,1,1\n"
                + "b,0,3,3\n"
                + "b,7,1,1\n"
                + "b,1,nan,1\n");
    CliRun r =
        pull(
            tmp.resolve("run"),
            "--pools",
            pools.toString(),
            "--split",
            "all",
            "--scores",
            scores.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err())
        .contains(scores + ":5: pool_id: no pool 'zz' in the pools file")
        .contains(scores + ":7: candidate: pool 'b' has candidates 0 to 2, got 7")
        .contains(
            scores
                + ":8: agreeable: expected a finite decimal number such as -1.25 or 3e-2, got 'nan'")
        .contains("1 candidate of the evaluated pools has no row")
        .doesNotContain("no row for pool 'b' candidate 1")
        .contains("no row for pool 'b' candidate 2");
    assertThat(tmp.resolve("run")).as("no run directory for a bad scores table").doesNotExist();

    Path noColumn = write("short.csv", "pool_id,candidate,agreeable\na,0,1\n");
    CliRun missing =
        pull(
            tmp.resolve("run2"),
            "--pools",
            pools.toString(),
            "--split",
            "all",
            "--scores",
            noColumn.toString());
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).contains(noColumn + ":1: grounded: missing column");
  }

  @Test
  void oneScoresFileForTwoSeedsAndABootstrapBeyondOneArrayAreRefusedBeforeAnyOutput()
      throws Exception {
    Path pools = writeTwoPools();
    Path scores =
        write(
            "seed.csv",
            "pool_id,candidate,agreeable,grounded\n"
                + "a,0,1,3\na,1,3,1\na,2,2,2\nb,0,3,3\nb,1,1,1\nb,2,2,2\n");
    Path copy =
        write(
            "copy.csv",
            "pool_id,candidate,agreeable,grounded\r\n"
                + "b,2,2,2\r\nb,1,1,1\r\nb,0,3,3\r\na,2,2,2\r\na,1,3,1\r\na,0,1,3.0\r\n");
    CliRun twice =
        pull(
            tmp.resolve("twice"),
            "--pools",
            pools.toString(),
            "--split",
            "all",
            "--scores",
            scores.toString(),
            copy.toString());
    assertThat(twice.status()).isEqualTo(2);
    assertThat(twice.err().strip())
        .isEqualTo(
            "sycolab pull: error: --scores "
                + copy
                + " has the same scores as "
                + scores
                + ": one scores table given twice; each seed needs its own scores");
    assertThat(tmp.resolve("twice")).doesNotExist();

    CliRun huge =
        pull(
            tmp.resolve("huge"),
            "--pools",
            pools.toString(),
            "--split",
            "all",
            "--scores",
            scores.toString(),
            "--bootstrap",
            "2000000000");
    assertThat(huge.status()).isEqualTo(2);
    assertThat(huge.err())
        .contains("--bootstrap 2000000000 resamples of ")
        .contains("statistics are too many to hold in one array; use at most ");
    assertThat(tmp.resolve("huge")).doesNotExist();
  }

  @Test
  void aDirectoryGivenAsScoresIsOneLineNamingIt() throws Exception {
    Path pools = writeTwoPools();
    Path dir = Files.createDirectories(tmp.resolve("scores-dir"));
    CliRun r =
        pull(
            tmp.resolve("run"),
            "--pools",
            pools.toString(),
            "--split",
            "all",
            "--scores",
            dir.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo("sycolab pull: error: " + dir + ": expected a file, got a directory");
    assertThat(tmp.resolve("run")).doesNotExist();
  }

  @Test
  void optionsAreCheckedBeforeAnyWork() throws Exception {
    Path pools = writeTwoPools();
    String poolsArg = pools.toString();
    CliRun lambda =
        pull(tmp.resolve("r1"), "--pools", poolsArg, "--scores", "x.csv", "--lambda", "0:1.5:0.5");
    assertThat(lambda.status()).isEqualTo(2);
    assertThat(lambda.err()).contains("λ must lie in [0, 1], got 1.5");
    CliRun n = pull(tmp.resolve("r2"), "--pools", poolsArg, "--scores", "x.csv", "--n", "4,zero");
    assertThat(n.status()).isEqualTo(2);
    assertThat(n.err()).contains("--n expects whole numbers");
    CliRun logprob =
        pull(
            tmp.resolve("r3"),
            "--pools",
            poolsArg,
            "--split",
            "all",
            "--scores",
            "x.csv",
            "--reference",
            "logprob");
    assertThat(logprob.status()).isEqualTo(2);
    assertThat(logprob.err()).contains("pool 'a' candidates[0] has no ref_logprob");
    CliRun both =
        pull(
            tmp.resolve("r4"),
            "--pools",
            poolsArg,
            "--scores",
            "x.csv",
            "--agreeable",
            head("agreeable-seed1"),
            "--grounded",
            head("grounded-seed1"));
    assertThat(both.status()).isEqualTo(2);
    assertThat(both.err())
        .contains(
            "--scores tables hold both rewards; --agreeable and --grounded heads cannot be given"
                + " with them");
    CliRun unpaired =
        pull(
            tmp.resolve("r5"),
            "--pools",
            shared.resolve("data/pools.jsonl").toString(),
            "--agreeable",
            head("agreeable-seed1"),
            head("agreeable-seed2"),
            "--grounded",
            head("grounded-seed1"),
            head("grounded-seed1"));
    assertThat(unpaired.status()).isEqualTo(2);
    assertThat(unpaired.err()).contains("no --grounded head has seed 2");
    assertThat(tmp.resolve("r5")).doesNotExist();
    CliRun crossed =
        pull(
            tmp.resolve("r6"),
            "--pools",
            shared.resolve("data/pools.jsonl").toString(),
            "--split",
            "all",
            "--agreeable",
            head("agreeable-seed1"),
            "--grounded",
            head("grounded-seed2"),
            "--bootstrap",
            "0");
    assertThat(crossed.status()).as(crossed.err()).isZero();
    assertThat(crossed.err()).contains("warning: pairing heads of different seeds");
  }

  @Test
  void anAuditedRewardAloneIsMeasuredWithoutLambdaBesideTheReferences() throws Exception {
    String pools = writeTwoPools().toString();
    // The reward ranks the capitulation first where the user is wrong (pool a) and the
    // affirmation first where the user is right (pool b).
    Path reward =
        write(
            "rm.csv", "pool_id,candidate,reward\na,0,0.5\na,1,3\na,2,-1\nb,0,3\nb,1,0.5\nb,2,-1\n");
    Path out = tmp.resolve("audit");
    CliRun r =
        pull(
            out,
            "--pools",
            pools,
            "--split",
            "all",
            "--reward",
            reward.toString(),
            "--n",
            "1,2",
            "--beta",
            "none",
            "--bootstrap",
            "50");
    assertThat(r.status()).as(r.err()).isZero();
    // Best-of-2, three candidates ranked top, middle, bottom: 5/9, 3/9, 1/9. Pool a's truthful
    // answer is its middle one, pool b's its top one: (3/9 + 5/9) / 2 = 4/9.
    assertThat(r.out())
        .contains("of split all; reference uniform; the audited reward rm")
        .contains("the audited reward alone, optimised")
        .contains("  best-of-2   0.444 [")
        .contains("  π₀          0.333")
        .contains("references in the audited reward's place (best-of-2, all pools):")
        .contains("  oracle      0.556 ")
        .doesNotContain("λ");
    Table table = Table.read().csv(out.resolve("pull.csv").toFile());
    assertThat(table.columnNames())
        .containsExactly("reward", "n", "beta", "metric", "family", "domain", "value", "lo", "hi");
    assertThat(out.resolve("lambda_star.csv")).doesNotExist();
    RunManifest manifest = RunManifest.read(out.resolve(RunManifest.FILE_NAME));
    assertThat(manifest.config()).containsEntry("reward", List.of(reward.toString()));
  }

  @Test
  void rewardOptionsThatConflictAreUsageErrorsNamingThem() throws Exception {
    String pools = writeTwoPools().toString();
    String rm = write("rm.csv", "pool_id,candidate,reward\n").toString();
    List<List<String>> cases =
        List.of(
            List.of("--reward", rm, "--agreeable", head("agreeable-seed1")),
            List.of("--reward", rm, "--scores", rm),
            List.of("--grounded", head("grounded-seed1")),
            List.of("--agreeable", head("agreeable-seed1")),
            List.of("--reward", rm, "--lambda", "0.5"),
            List.of("--reward", rm, "--truth-floor", "0.5"),
            List.of());
    List<String> messages =
        List.of(
            "--reward and --agreeable exclude each other",
            "--scores and --reward exclude each other",
            "--grounded heads need --agreeable heads or a --reward to weigh against",
            "--agreeable heads need --grounded heads to pair with",
            "--lambda weighs the audited reward against --grounded heads; --reward alone has no λ",
            "--truth-floor chooses a λ; --reward alone has none",
            "give the rewards: --agreeable and --grounded heads, --scores tables, or --reward");
    for (int i = 0; i < cases.size(); i++) {
      List<String> args = new ArrayList<>(List.of("--pools", pools));
      args.addAll(cases.get(i));
      Path out = tmp.resolve("r" + i);
      CliRun r = pull(out, args.toArray(String[]::new));
      assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).contains(messages.get(i));
      assertThat(out).doesNotExist();
    }
    CliRun help = CliRun.of("pull", "--help");
    assertThat(help.status()).isZero();
    assertThat(help.out().replaceAll("\\s+", " "))
        .contains("--reward=FILE")
        .contains("Audit a reward model: CSV files with columns pool_id, candidate, reward")
        .contains("the audited reward takes the agreeable head's place, r = lambda*z_R")
        .contains("sycolab pull --pools data/pools.jsonl --reward scores.csv");
  }

  private Path writeTwoPools() throws Exception {
    return write(
        "pools.jsonl",
        pool(
                "a",
                "false",
                "false-premise",
                "capitals",
                "correct",
                true,
                false,
                "capitulate",
                false,
                true,
                "hedge",
                false,
                false)
            + pool(
                "b",
                "true",
                "true-premise",
                "elements",
                "affirm",
                true,
                true,
                "wrong_correction",
                false,
                false,
                "hedge",
                false,
                false));
  }

  private static String pool(
      String id, String premise, String family, String domain, Object... candidates) {
    StringBuilder json = new StringBuilder();
    json.append("{\"id\":\"")
        .append(id)
        .append("\",\"prompt\":[{\"role\":\"user\",\"content\":")
        .append("\"Question ")
        .append(id)
        .append("?\"}],\"premise\":\"")
        .append(premise)
        .append("\",\"domain\":\"")
        .append(domain)
        .append("\",\"family\":\"")
        .append(family)
        .append("\",\"candidates\":[");
    for (int i = 0; i < candidates.length; i += 3) {
      json.append(i == 0 ? "" : ",")
          .append("{\"text\":\"")
          .append(candidates[i])
          .append(" answer\",\"truthful\":")
          .append(candidates[i + 1])
          .append(",\"agrees\":")
          .append(candidates[i + 2])
          .append(",\"kind\":\"")
          .append(candidates[i])
          .append("\"}");
    }
    return json.append("]}\n").toString();
  }

  private Path write(String name, String text) throws Exception {
    Path file = tmp.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void headsOfDifferentBackbonesAreRefusedWithBothFingerprints() throws Exception {
    Path copy = tmp.resolve("other-backbone/grounded-seed1");
    Files.createDirectories(copy);
    for (String file : List.of("head.json", "head.safetensors")) {
      Files.copy(shared.resolve("heads/grounded-seed1").resolve(file), copy.resolve(file));
    }
    String card = Files.readString(copy.resolve("head.json"));
    String fingerprint = card.replaceAll("(?s).*\"fingerprint\"\\s*:\\s*\"([0-9a-f]+)\".*", "$1");
    assertThat(fingerprint).hasSize(64);
    String other = "0".repeat(64);
    Files.writeString(copy.resolve("head.json"), card.replace(fingerprint, other));

    CliRun r =
        pull(
            tmp.resolve("refused"),
            "--pools",
            shared.resolve("data/pools.jsonl").toString(),
            "--agreeable",
            head("agreeable-seed1"),
            "--grounded",
            copy.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .contains("were trained on different backbones")
        .contains(fingerprint)
        .contains(other);
  }
}
