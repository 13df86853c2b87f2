package org.sycolab.backbone.decoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sycolab.backbone.Precision;
import org.sycolab.data.PairText;
import org.sycolab.data.Role;
import org.sycolab.data.Turn;

/**
 * Log-probabilities of responses under tiny random causal LMs against {@link ReferenceDecoder}'s
 * token-by-token double-precision computation: a separate reference forward pass for each prefix,
 * log-softmax over the whole vocabulary.
 */
class ResponseScorerTest {

  @TempDir Path tmp;

  /** Untied llama (its own lm_head.weight) and tied qwen2 (the embedding projects out). */
  static List<TinyDecoderCheckpoint> causalModels() {
    return List.of(TinyDecoderCheckpoint.llama(), TinyDecoderCheckpoint.qwen2());
  }

  private static PairText text(String question, String response) {
    return new PairText(List.of(new Turn(Role.USER, question)), response);
  }

  private ResponseScorer open(TinyDecoderCheckpoint checkpoint, int maxLength) throws Exception {
    Path dir =
        checkpoint.writeModel(tmp.resolve(checkpoint.modelType()), TinyTokenizer.BARE_CHATML);
    CausalModelSpec spec =
        CausalModelSpec.describe(dir, Precision.FLOAT32, maxLength, tmp.resolve("cache"));
    return ResponseScorer.load(spec, Device.cpu());
  }

  /** The reference's log-probability of each counted token, one forward pass per prefix. */
  private static double[] reference(ReferenceDecoder reference, ScoredSequence sequence) {
    long[] ids = sequence.ids();
    double[] out = new double[sequence.counted()];
    for (int t = sequence.firstCounted(); t < ids.length; t++) {
      out[t - sequence.firstCounted()] = reference.logProbability(Arrays.copyOf(ids, t), ids[t]);
    }
    return out;
  }

  private static void assertMatches(float[] ours, double[] expected, String what) {
    assertThat(ours).hasSize(expected.length);
    for (int i = 0; i < ours.length; i++) {
      assertThat((double) ours[i])
          .as("%s token %d", what, i)
          .isCloseTo(expected[i], within(1e-4 * Math.max(1, Math.abs(expected[i]))));
    }
  }

  @ParameterizedTest
  @MethodSource("causalModels")
  void batchedLogProbabilitiesMatchTheTokenByTokenReference(TinyDecoderCheckpoint checkpoint)
      throws Exception {
    ReferenceDecoder reference = checkpoint.reference();
    try (ResponseScorer scorer = open(checkpoint, 128)) {
      List<ScoredSequence> batch = new ArrayList<>();
      for (String response : List.of("Canberra.", "Sydney, of course!", "I cannot say.")) {
        batch.add(scorer.sequence(text("Is Sydney the capital of Australia?", response)));
      }
      float[][] ours = scorer.logProbabilities(batch);
      for (int row = 0; row < batch.size(); row++) {
        assertMatches(ours[row], reference(reference, batch.get(row)), checkpoint + " row " + row);
        for (float value : ours[row]) {
          assertThat(value).isNegative();
        }
      }
    }
  }

  @Test
  void theResponsesTokensAndTheTurnsEndCountAndNothingAfterIt() throws Exception {
    try (ResponseScorer scorer = open(TinyDecoderCheckpoint.qwen2(), 128)) {
      ScoredSequence sequence = scorer.sequence(text("Hi?", "Hello."));
      long[] ids = sequence.ids();
      // The tiny tokenizer's ids are the bytes: the response's six, then <|im_end|>, and the
      // newline after it is not read.
      assertThat(sequence.counted()).isEqualTo("Hello.".length() + 1);
      assertThat(Arrays.copyOfRange(ids, sequence.firstCounted(), ids.length))
          .containsExactly('H', 'e', 'l', 'l', 'o', '.', TinyTokenizer.IM_END);
      assertThat(ids[sequence.firstCounted() - 1]).isEqualTo('\n');
      assertThat(sequence.headTokensCut()).isZero();
    }
  }

  @Test
  void paddingAndBatchCompanyChangeNothing() throws Exception {
    try (ResponseScorer scorer = open(TinyDecoderCheckpoint.qwen2(), 128)) {
      ScoredSequence middle = scorer.sequence(text("What is 2 + 2?", "It is 4."));
      ScoredSequence shorter = scorer.sequence(text("2+2?", "4"));
      ScoredSequence longer =
          scorer.sequence(text("What is two plus two, exactly, in base ten?", "Four, as always."));
      float[] alone = scorer.logProbabilities(List.of(middle))[0];
      float[][] together = scorer.logProbabilities(List.of(longer, middle, shorter));
      assertThat(together[1]).containsExactly(alone, within(1e-5f));
      assertThat(scorer.logProbabilities(List.of(shorter, longer))[0])
          .containsExactly(together[2], within(1e-5f));
    }
  }

  @Test
  void aLongHeadIsCutFromItsStartAndScoresAsTheCutConversation() throws Exception {
    TinyDecoderCheckpoint checkpoint = TinyDecoderCheckpoint.llama();
    String question = "Tell me about the long history of this city. ".repeat(3);
    try (ResponseScorer whole = open(checkpoint, 256);
        ResponseScorer cut = open(checkpoint, 64)) {
      PairText text = text(question, "It was founded long ago.");
      ScoredSequence full = whole.sequence(text);
      ScoredSequence truncated = cut.sequence(text);
      assertThat(full.headTokensCut()).isZero();
      assertThat(truncated.ids()).hasSize(64);
      assertThat(truncated.headTokensCut()).isEqualTo(full.ids().length - 64);
      // The kept ids are the end of the whole conversation: its head's end and the whole response.
      assertThat(truncated.ids())
          .containsExactly(
              Arrays.copyOfRange(full.ids(), full.ids().length - 64, full.ids().length));
      assertThat(truncated.counted()).isEqualTo(full.counted());
      assertMatches(
          cut.logProbabilities(List.of(truncated))[0],
          reference(checkpoint.reference(), truncated),
          "cut conversation");
    }
  }

  @Test
  void aResponseThatCannotFitIsRefused() throws Exception {
    try (ResponseScorer scorer = open(TinyDecoderCheckpoint.qwen2(), 16)) {
      assertThatThrownBy(() -> scorer.sequence(text("Hi?", "A response far longer than sixteen.")))
          .isInstanceOf(ResponseTooLongException.class)
          .hasMessageContaining("takes 36 tokens")
          .hasMessageContaining("--max-length 16");
      // Fifteen tokens of response and end of turn, one of conversation: exactly fits.
      ScoredSequence tight = scorer.sequence(text("Hi?", "Fourteen chars"));
      assertThat(tight.ids()).hasSize(16);
      assertThat(tight.firstCounted()).isEqualTo(1);
    }
  }
}
