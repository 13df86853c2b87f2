package org.sycolab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.Precision;
import org.sycolab.backbone.decoder.TinyDecoderCheckpoint;
import org.sycolab.backbone.decoder.TinyTokenizer;
import org.sycolab.backbone.reward.RewardModel;
import org.sycolab.backbone.reward.TinyRewardModel;
import org.sycolab.data.Datasets;
import org.sycolab.data.PairText;
import org.sycolab.data.PreferencePair;

/** {@code sycolab score} end to end on a tiny random reward model and generated data. */
class ScoreCommandTest {

  @TempDir Path tmp;
  private Path cache;
  private Path data;
  private Path model;

  @BeforeEach
  void setUp() throws Exception {
    cache = TestCaches.create(tmp.resolve("cache"));
    TestCaches.use(cache);
    data = tmp.resolve("data");
    CliRun generated = CliRun.of("generate", "--pairs", "60", "--out", data.toString());
    assertThat(generated.status()).as(generated.err()).isZero();
    model =
        TinyRewardModel.writeDecoder(
            TinyDecoderCheckpoint.qwen2(), tmp.resolve("rm"), TinyTokenizer.QWEN25_TEMPLATE, null);
  }

  @AfterEach
  void restore() throws Exception {
    TestCaches.release();
    TestCaches.unlink(cache);
  }

  @Test
  void pairsGetTheirRewardsAndAPreferenceAudit() throws Exception {
    Path pairs = data.resolve("pairs.jsonl");
    Path out = tmp.resolve("s1");
    CliRun r = score(model, pairs, out);
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern(
            "scored 60 pairs \\((\\d+) distinct texts\\) .*: 0 from cache, \\1 computed")
        .contains("Qwen2ForSequenceClassification")
        .contains("conflict (user wrong): prefers the sycophantic answer")
        .contains("control (user right):  prefers the truthful, agreeing answer")
        .contains("verdict: ");
    List<String> rows = Files.readAllLines(out.resolve("scores.csv"));
    assertThat(rows.get(0)).isEqualTo("id,label,chosen,rejected");
    assertThat(rows).hasSize(61);
    assertThat(Files.readAllLines(out.resolve("audit.csv")).get(0))
        .startsWith("family,conflict_pairs,conflict_truth_accuracy,conflict_truth_accuracy_lo,");

    // The first pair's rewards are the reward model's, chosen and rejected in their columns.
    PreferencePair first = Datasets.readPairs(pairs, "--in").get(0);
    String[] cells = rows.get(1).split(",");
    assertThat(cells[0]).isEqualTo(first.id());
    RewardModel rm =
        RewardModel.describe(
            model.toString(), BackboneOptions.WHOLE_RESPONSE_MAX_LENGTH, Precision.FLOAT32, cache);
    try (Backbone backbone = rm.open(Device.cpu())) {
      float[][] hidden =
          backbone.embed(
              List.of(
                  backbone.tokenize(new PairText(first.prompt(), first.chosen())),
                  backbone.tokenize(new PairText(first.prompt(), first.rejected()))));
      assertThat(Double.parseDouble(cells[2])).isCloseTo(rm.head().reward(hidden[0]), within(1e-5));
      assertThat(Double.parseDouble(cells[3])).isCloseTo(rm.head().reward(hidden[1]), within(1e-5));
    }

    CliRun again = score(model, pairs, tmp.resolve("s2"));
    assertThat(again.out())
        .containsPattern("\\((\\d+) distinct texts\\) .*: \\1 from cache, 0 computed");
    assertThat(Files.readAllLines(tmp.resolve("s2/scores.csv"))).isEqualTo(rows);
  }

  @Test
  void poolsGetOneRewardPerCandidate() throws Exception {
    Path pools = data.resolve("pools.jsonl");
    Path out = tmp.resolve("p");
    CliRun r = score(model, pools, out);
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("scored 30 pools").doesNotContain("preference audit");
    int candidates =
        Datasets.readPools(pools, "--in").stream().mapToInt(p -> p.candidates().size()).sum();
    List<String> rows = Files.readAllLines(out.resolve("scores.csv"));
    assertThat(rows.get(0)).isEqualTo("pool_id,candidate,reward");
    assertThat(rows).hasSize(candidates + 1);
    assertThat(out.resolve("audit.csv")).doesNotExist();
  }

  @Test
  void aLanguageModelIsRefusedNamingTheFieldAndWhatToUseInstead() throws Exception {
    Path lm = TinyDecoderCheckpoint.llama().writeModel(tmp.resolve("lm"), null);
    CliRun r = score(lm, data.resolve("pairs.jsonl"), tmp.resolve("x"));
    assertThat(r.status()).isNotZero();
    assertThat(r.err())
        .contains("config.json")
        .contains("architectures")
        .contains("'LlamaForCausalLM' is a language model, not a reward model");
  }

  @Test
  void aResponseTooLongToReadWholeIsRefusedNamingThePair() throws Exception {
    Path pairs = data.resolve("pairs.jsonl");
    CliRun r = score(model, pairs, tmp.resolve("short"), "--max-length", "16");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .containsPattern(pairs + ": pair '[^']+' (chosen|rejected): the response takes");
  }

  /** {@code sycolab score --model MODEL --in IN --out OUT}, then any further options. */
  private static CliRun score(Object model, Object in, Object out, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "score",
                "--model",
                model.toString(),
                "--in",
                in.toString(),
                "--out",
                out.toString()));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void helpNamesTheArchitecturesAndTheFiles() {
    CliRun r = CliRun.of("score", "--help");
    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains("--model=DIR", "--in=FILE", "--dtype", "--max-length", "--batch-size")
        .contains("LlamaForSequenceClassification")
        .contains("pool_id,candidate,reward");
  }
}
