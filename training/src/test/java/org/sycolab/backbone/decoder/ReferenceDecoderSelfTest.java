package org.sycolab.backbone.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.safetensors.DType;

/** Checks the plain-Java decoder reference against hand-worked numbers and its own invariants. */
class ReferenceDecoderSelfTest {

  private static final long[] IDS = {3, 141, 59, 26, 299, 0, 53, 58, 97};

  @TempDir Path tmp;

  @Test
  void ropeRotatesEachHalfPairByPositionTimesFrequency() {
    // Head size 4, theta 10^4: frequencies 1 and 10^4^(-2/4) = 0.01; the pairs are (x0, x2), (x1,
    // x3) and each turns to (a·cos − b·sin, b·cos + a·sin).
    RotaryReference rope = new RotaryReference(RotaryReference.inverseFrequencies(4, 10000));
    assertThat(rope.inverseFrequencies()).containsExactly(new double[] {1, 0.01}, within(1e-15));

    double[] atOne = {1, 2, 3, 4};
    rope.rotate(atOne, 1, 1);
    double cos1 = 0.5403023058681398;
    double sin1 = 0.8414709848078965;
    double cosSmall = 0.9999500004166653;
    double sinSmall = 0.009999833334166664;
    assertThat(atOne)
        .containsExactly(
            new double[] {
              1 * cos1 - 3 * sin1,
              2 * cosSmall - 4 * sinSmall,
              3 * cos1 + 1 * sin1,
              4 * cosSmall + 2 * sinSmall
            },
            within(1e-15));
    assertThat(atOne[0]).isCloseTo(-1.9841106485555497, within(1e-15));

    double[] atTwo = {1, 2, 3, 4, -1, 0.5, 0, 2};
    rope.rotate(atTwo, 2, 2);
    double cos2 = -0.4161468365471424;
    double sin2 = 0.9092974268256817;
    double cos002 = 0.9998000066665778;
    double sin002 = 0.01999866669333308;
    assertThat(atTwo)
        .containsExactly(
            new double[] {
              1 * cos2 - 3 * sin2,
              2 * cos002 - 4 * sin002,
              3 * cos2 + 1 * sin2,
              4 * cos002 + 2 * sin002,
              -1 * cos2 - 0 * sin2,
              0.5 * cos002 - 2 * sin002,
              0 * cos2 + -1 * sin2,
              2 * cos002 + 0.5 * sin002
            },
            within(1e-15));

    double[] atZero = {1, 2, 3, 4};
    rope.rotate(atZero, 1, 0);
    assertThat(atZero).containsExactly(1, 2, 3, 4);
  }

  @Test
  void ropeScoresDependOnlyOnTheDistanceBetweenPositions() {
    RotaryReference rope = new RotaryReference(RotaryReference.inverseFrequencies(16, 10000));
    double[] q = new double[16];
    double[] k = new double[16];
    for (int i = 0; i < 16; i++) {
      q[i] = Math.sin(i + 1);
      k[i] = Math.cos(3 * i);
    }
    assertThat(rotatedDot(rope, q, 7, k, 4)).isCloseTo(rotatedDot(rope, q, 3, k, 0), within(1e-12));
    assertThat(rotatedDot(rope, q, 40, k, 1))
        .isCloseTo(rotatedDot(rope, q, 39, k, 0), within(1e-12));
  }

  private static double rotatedDot(
      RotaryReference rope, double[] q, int queryPosition, double[] k, int keyPosition) {
    double[] rq = q.clone();
    double[] rk = k.clone();
    rope.rotate(rq, 1, queryPosition);
    rope.rotate(rk, 1, keyPosition);
    double dot = 0;
    for (int i = 0; i < rq.length; i++) {
      dot += rq[i] * rk[i];
    }
    return dot;
  }

  @Test
  void llama3ScalingSlowsLowFrequenciesKeepsHighOnesAndBlendsBetween() {
    // Head size 16, theta 10^4, factor 8, low/high frequency factors 1 and 4, original context 64:
    // wavelengths 2π/f are 6.28 (< 64/4: kept), 19.87 and 62.83 (between: blended), then > 64.
    double[] plain = RotaryReference.inverseFrequencies(16, 10000);
    double[] scaled = RotaryReference.llama3(plain, 8, 1, 4, 64);
    assertThat(scaled[0]).isEqualTo(1);
    double f1 = 0.31622776601683794;
    double smooth1 = (64 / (2 * Math.PI / f1) - 1) / (4 - 1);
    assertThat(smooth1).isCloseTo(0.7403565248957235, within(1e-12));
    assertThat(scaled[1]).isCloseTo((1 - smooth1) * f1 / 8 + smooth1 * f1, within(1e-15));
    assertThat(scaled[1]).isCloseTo(0.24438459943539834, within(1e-12));
    assertThat(scaled[2]).isCloseTo(0.013042256043820465, within(1e-12));
    for (int j = 3; j < 8; j++) {
      assertThat(scaled[j]).isCloseTo(plain[j] / 8, within(1e-18));
    }
  }

  @Test
  void rmsNormDividesByTheRootMeanSquareAndScales() {
    // mean(1, 4, 9, 16) = 7.5 and 1/sqrt(7.5) = 0.3651483716701107.
    double r = 0.3651483716701107;
    assertThat(ReferenceMath.rmsNorm(new double[] {1, 2, 3, 4}, new float[] {1, 1, 2, 0.5f}, 0))
        .containsExactly(new double[] {r, 2 * r, 6 * r, 2 * r}, within(1e-15));
    // eps joins the mean square: mean(3², 4²) + 0.5 = 13, so 3 / sqrt(13).
    assertThat(ReferenceMath.rmsNorm(new double[] {3, 4}, new float[] {1, 1}, 0.5)[0])
        .isCloseTo(3 / Math.sqrt(13), within(1e-15));
  }

  @Test
  void attentionIsCausalAndSharesEachKeyValueHeadBetweenTwoQueryHeads() {
    // Four query heads of size 1 over two key/value heads: heads 0 and 1 read kv head 0, 2 and 3
    // read kv head 1.
    double[][] queries = {{1, 2, 3, 4}, {1, -1, 0.5, 2}};
    double[][] keys = {{0.5, 1}, {2, -1}};
    double[][] values = {{10, 20}, {30, 40}};
    double[][] out = ReferenceMath.causalAttention(queries, keys, values, 4, 2);
    assertThat(out[0]).containsExactly(10, 10, 20, 20);
    // Head 0 at position 1: scores 1·0.5 and 1·2, so weights e^0.5 and e^2 over their sum.
    double w = Math.exp(2) / (Math.exp(0.5) + Math.exp(2));
    assertThat(out[1][0]).isCloseTo((1 - w) * 10 + w * 30, within(1e-12));
    // Head 3 at position 1: scores 2·1 and 2·(−1).
    double w3 = Math.exp(-2) / (Math.exp(2) + Math.exp(-2));
    assertThat(out[1][3]).isCloseTo((1 - w3) * 20 + w3 * 40, within(1e-12));
  }

  @Test
  void aPrefixHasTheSameHiddenStatesAsTheStartOfALongerSequence() {
    ReferenceDecoder reference = TinyDecoderCheckpoint.llama().withLayers(3).reference();
    double[][] full = reference.hiddenStates(IDS);
    double[][] prefix = reference.hiddenStates(Arrays.copyOf(IDS, 4));
    for (int t = 0; t < prefix.length; t++) {
      assertThat(prefix[t]).containsExactly(full[t], within(1e-12));
    }
    assertThat(reference.lastTokenState(IDS)).hasSize(TinyDecoderCheckpoint.HIDDEN);
    assertThat(reference.lastTokenState(IDS)[5]).isEqualTo((float) full[IDS.length - 1][5]);
  }

  @Test
  void finalStatesAreNormalisedToTheNormWeightScale() {
    // Without the final norm weight, each row would have unit root mean square.
    TinyDecoderCheckpoint checkpoint = TinyDecoderCheckpoint.qwen2();
    float[] weight = checkpoint.tensors().get("model.norm.weight");
    for (double[] row : checkpoint.reference().hiddenStates(IDS)) {
      double sum = 0;
      for (int j = 0; j < row.length; j++) {
        sum += Math.pow(row[j] / weight[j], 2);
      }
      assertThat(Math.sqrt(sum / row.length)).isCloseTo(1, within(1e-6));
    }
  }

  @Test
  void optionsAddTheirTensorsAndBiasesChangeTheStates() {
    TinyDecoderCheckpoint llama = TinyDecoderCheckpoint.llama();
    double[] plain = llama.reference().hiddenStates(IDS)[8];
    assertThat(llama.tensors()).containsKey("lm_head.weight");
    assertThat(llama.withTiedEmbeddings(true).tensors()).doesNotContainKey("lm_head.weight");

    TinyDecoderCheckpoint biased = llama.withAttentionBias(true);
    assertThat(biased.tensors())
        .containsKeys(
            "model.layers.1.self_attn.q_proj.bias", "model.layers.1.self_attn.o_proj.bias");
    assertThat(biased.reference().hiddenStates(IDS)[8]).isNotEqualTo(plain);

    TinyDecoderCheckpoint mlpBiased = llama.withMlpBias(true);
    assertThat(mlpBiased.config().get("mlp_bias").booleanValue()).isTrue();
    assertThat(mlpBiased.shapes())
        .containsEntry(
            "model.layers.1.mlp.gate_proj.bias", new long[] {TinyDecoderCheckpoint.INTERMEDIATE})
        .containsEntry(
            "model.layers.1.mlp.up_proj.bias", new long[] {TinyDecoderCheckpoint.INTERMEDIATE})
        .containsEntry(
            "model.layers.1.mlp.down_proj.bias", new long[] {TinyDecoderCheckpoint.HIDDEN});
    assertThat(mlpBiased.reference().hiddenStates(IDS)[8]).isNotEqualTo(plain);
    assertThat(llama.shapes()).doesNotContainKey("model.layers.0.mlp.up_proj.bias");
    assertThat(TinyDecoderCheckpoint.qwen2().tensors())
        .containsKey("model.layers.0.self_attn.v_proj.bias")
        .doesNotContainKey("model.layers.0.self_attn.o_proj.bias");
    assertThat(TinyDecoderCheckpoint.mistral().tensors())
        .doesNotContainKey("model.layers.0.self_attn.q_proj.bias");
  }

  @Test
  void writtenDirectoriesReadBackAsTheCheckpointsTensors() throws Exception {
    for (TinyDecoderCheckpoint checkpoint :
        new TinyDecoderCheckpoint[] {
          TinyDecoderCheckpoint.llama().withDtype(DType.BF16).withShards(3),
          TinyDecoderCheckpoint.qwen2().withDtype(DType.F16),
          TinyDecoderCheckpoint.mistral().withLlama3RopeScaling(true).withShards(2)
        }) {
      Path dir = checkpoint.write(tmp.resolve(checkpoint.modelType() + checkpoint.dtype()));
      double[][] expected = checkpoint.reference().hiddenStates(IDS);
      double[][] read = ReferenceDecoder.read(dir).hiddenStates(IDS);
      for (int t = 0; t < IDS.length; t++) {
        assertThat(read[t]).as(checkpoint.toString()).containsExactly(expected[t], within(0.0));
      }
    }
  }
}
