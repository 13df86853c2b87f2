package org.sycolab.backbone.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.Backbones;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.Pooling;
import org.sycolab.backbone.Precision;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.backbone.bert.TinyBertCheckpoint;
import org.sycolab.backbone.decoder.DecoderTokenizer;
import org.sycolab.backbone.decoder.ReferenceDecoder;
import org.sycolab.backbone.decoder.TinyDecoderCheckpoint;
import org.sycolab.backbone.decoder.TinyTokenizer;
import org.sycolab.data.PairText;
import org.sycolab.data.Turn;

/**
 * A decoder reward model's rewards against the double-precision {@link ReferenceDecoder} and the
 * score weight applied by hand, on tiny random sequence classifiers; and the refusals of what is
 * not a one-output sequence classifier.
 */
class RewardModelTest {

  private static final int MAX_LENGTH = 128;

  @TempDir Path tmp;

  /** Texts of uneven lengths, so a batch pads most of them. */
  private static final List<PairText> TEXTS =
      List.of(
          new PairText(List.of(Turn.user("Is the sky green?")), "No, it is blue."),
          new PairText(
              List.of(Turn.user("I think 2+2=5, right?")),
              "You are right, 2+2=5 as you say, and I agree with everything."),
          new PairText(List.of(Turn.user("Hi")), "Hello"),
          new PairText(
              List.of(
                  Turn.user("Water boils at 50 C at sea level, yes?"),
                  Turn.assistant("It boils at 100 C."),
                  Turn.user("Are you sure?")),
              "Yes: at sea level water boils at 100 C."));

  static Stream<Arguments> decoders() {
    return Stream.of(
        Arguments.of(TinyDecoderCheckpoint.llama(), TinyTokenizer.LLAMA3_TEMPLATE),
        Arguments.of(TinyDecoderCheckpoint.qwen2(), TinyTokenizer.QWEN25_TEMPLATE),
        Arguments.of(TinyDecoderCheckpoint.mistral(), TinyTokenizer.LLAMA3_TEMPLATE));
  }

  /** Measured: within 5e-6 of the reference; the tolerance leaves room for float32 sums. */
  @ParameterizedTest
  @MethodSource("decoders")
  void decoderRewardsMatchTheDoublePrecisionReference(TinyDecoderCheckpoint base, String template)
      throws Exception {
    Path dir = TinyRewardModel.writeDecoder(base, tmp.resolve(base.modelType()), template, null);
    RewardModel model = describe(dir);
    assertThat(model.classifier().architecture())
        .isEqualTo(TinyRewardModel.architecture(base.modelType()));
    double[] expected = reference(dir, base, TEXTS, -1);
    double[] actual = rewards(model, TEXTS);
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(actual[i]).as("text %d", i).isCloseTo(expected[i], within(2e-5));
    }
    assertThat(Arrays.stream(expected).distinct().count()).isEqualTo(TEXTS.size());
  }

  @Test
  void paddingAndBatchCompanyChangeNoReward() throws Exception {
    TinyDecoderCheckpoint base = TinyDecoderCheckpoint.qwen2();
    Path dir =
        TinyRewardModel.writeDecoder(base, tmp.resolve("q"), TinyTokenizer.QWEN25_TEMPLATE, null);
    RewardModel model = describe(dir);
    double[] together = rewards(model, TEXTS);
    for (int i = 0; i < TEXTS.size(); i++) {
      double alone = rewards(model, List.of(TEXTS.get(i)))[0];
      assertThat(together[i]).as("text %d", i).isCloseTo(alone, within(1e-5));
    }
  }

  /**
   * With {@code pad_token_id} the end-of-turn token that closes Llama 3's template, the reward is
   * read one token earlier, as transformers reads it: at the last token that is not padding.
   */
  @Test
  void aDecodersRewardIsReadAtTheLastTokenThatIsNotPadding() throws Exception {
    TinyDecoderCheckpoint base = TinyDecoderCheckpoint.llama();
    int pad = (int) TinyTokenizer.EOT;
    Path padded =
        TinyRewardModel.writeDecoder(base, tmp.resolve("pad"), TinyTokenizer.LLAMA3_TEMPLATE, pad);
    Path unpadded =
        TinyRewardModel.writeDecoder(
            base, tmp.resolve("none"), TinyTokenizer.LLAMA3_TEMPLATE, null);
    double[] withPad = rewards(describe(padded), TEXTS);
    double[] expected = reference(padded, base, TEXTS, pad);
    double[] withoutPad = rewards(describe(unpadded), TEXTS);
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(withPad[i]).isCloseTo(expected[i], within(2e-5));
      assertThat(withPad[i]).isNotCloseTo(withoutPad[i], within(1e-3));
    }
    assertThat(describe(padded).fingerprint()).isNotEqualTo(describe(unpadded).fingerprint());
    // Llama 3's template closes the user's turn with <|eot_id|> too: padding inside every text.
    try (RewardBackbone backbone = describe(padded).open(Device.cpu())) {
      TEXTS.forEach(backbone::tokenize);
      assertThat(backbone.paddingInside()).isEqualTo(TEXTS.size());
    }
    try (RewardBackbone backbone = describe(unpadded).open(Device.cpu())) {
      TEXTS.forEach(backbone::tokenize);
      assertThat(backbone.paddingInside()).isZero();
    }
  }

  /**
   * BERT's reward: the classifier on the pooler's tanh of the [CLS] state, computed by hand in
   * double from the encoder's [CLS] state (the encoder is checked against ONNX Runtime elsewhere).
   */
  @Test
  void bertRewardsApplyThePoolerThenTheClassifierToTheClsState() throws Exception {
    Path dir = tmp.resolve("bert");
    Map<String, float[]> head = TinyRewardModel.writeBert(dir);
    RewardModel model = describe(dir);
    assertThat(model.backbone().options().pooling()).isEqualTo(Pooling.CLS);
    assertThat(model.backbone().options().normalize()).isFalse();
    double[] actual = rewards(model, TEXTS);
    float[][] cls;
    try (Backbone encoder =
        Backbones.open(
            Backbones.describe(
                dir.toString(),
                new BackboneOptions(Pooling.CLS, false, MAX_LENGTH),
                tmp.resolve("cache")),
            Device.cpu())) {
      List<TokenizedInput> inputs = new ArrayList<>();
      TEXTS.forEach(text -> inputs.add(encoder.tokenize(text)));
      cls = encoder.embed(inputs);
    }
    int h = cls[0].length;
    for (int i = 0; i < TEXTS.size(); i++) {
      double expected = head.get("classifier.bias")[0];
      for (int r = 0; r < h; r++) {
        double z = head.get("bert.pooler.dense.bias")[r];
        for (int c = 0; c < h; c++) {
          z += (double) head.get("bert.pooler.dense.weight")[r * h + c] * cls[i][c];
        }
        expected += head.get("classifier.weight")[r] * Math.tanh(z);
      }
      assertThat(actual[i]).as("text %d", i).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void aPlainEncoderIsRefused() throws Exception {
    Path dir = TinyBertCheckpoint.write(tmp.resolve("encoder"), "");
    assertThatThrownBy(() -> describe(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("'BertModel' is not a sequence classifier sycolab can score with");
  }

  /**
   * A conversation too long for the model loses tokens from its start and the response is read
   * whole, with the template's closing tokens: the input is the template's prefix and the last
   * tokens of the whole rendering, and the reward is the reference's on exactly those.
   */
  @Test
  void aLongConversationIsCutFromItsStartAndTheResponseReadWhole() throws Exception {
    TinyDecoderCheckpoint base = TinyDecoderCheckpoint.qwen2();
    Path dir =
        TinyRewardModel.writeDecoder(
            base, tmp.resolve("long"), TinyTokenizer.QWEN25_TEMPLATE, null);
    PairText text =
        new PairText(
            List.of(Turn.user("Tell me about the sea. ".repeat(20))), "The sea is salty and deep.");
    int maxLength = 96;
    long[] whole;
    try (DecoderTokenizer tokenizer = DecoderTokenizer.load(dir, 1024)) {
      whole = tokenizer.tokenize(text).ids();
    }
    assertThat(whole.length).isGreaterThan(maxLength);
    RewardModel model =
        RewardModel.describe(dir.toString(), maxLength, Precision.FLOAT32, tmp.resolve("cache"));
    try (Backbone backbone = model.open(Device.cpu())) {
      long[] ids = backbone.tokenize(text).ids();
      assertThat(ids).hasSize(maxLength);
      // Qwen2.5's template has no prefix: the kept ids are the rendering's last ones.
      assertThat(ids)
          .containsExactly(Arrays.copyOfRange(whole, whole.length - maxLength, whole.length));
      double[][] states = ReferenceDecoder.read(dir).hiddenStates(ids);
      float[] weight = TinyRewardModel.scoreWeight(base.seed());
      double expected = 0;
      for (int j = 0; j < weight.length; j++) {
        expected += weight[j] * states[ids.length - 1][j];
      }
      float[] hidden = backbone.embed(List.of(backbone.tokenize(text)))[0];
      assertThat(model.head().reward(hidden)).isCloseTo(expected, within(2e-5));
    }
  }

  @Test
  void aResponseThatCannotBeReadWholeIsRefusedWithItsText() throws Exception {
    Path dir = writeLlama("short");
    PairText text = new PairText(List.of(Turn.user("Hi")), "A long answer. ".repeat(10));
    RewardModel model =
        RewardModel.describe(dir.toString(), 32, Precision.FLOAT32, tmp.resolve("cache"));
    try (Backbone backbone = model.open(Device.cpu())) {
      assertThatThrownBy(() -> backbone.tokenize(text))
          .isInstanceOf(TextTooLongException.class)
          .hasMessageMatching(
              "the response takes 1[45][0-9] tokens and, with one token of the conversation before it, does not fit the 30 .*")
          .satisfies(e -> assertThat(((TextTooLongException) e).text()).isEqualTo(text));
    }
  }

  @Test
  void aCausalLanguageModelIsRefusedNamingItsArchitecture() throws Exception {
    Path dir = TinyDecoderCheckpoint.llama().writeModel(tmp.resolve("lm"), null);
    assertThatThrownBy(() -> describe(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("config.json")
        .hasMessageContaining("architectures")
        .hasMessageContaining("'LlamaForCausalLM' is a language model, not a reward model");
  }

  @Test
  void aClassifierWithTwoLabelsIsRefused() throws Exception {
    Path dir = writeLlama("two");
    ObjectNode config = TinyRewardModel.readConfig(dir);
    config.putObject("id2label").put("0", "bad").put("1", "good");
    TinyRewardModel.writeConfig(dir, config);
    assertThatThrownBy(() -> describe(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("id2label")
        .hasMessageContaining("gives 2 labels; a reward model has one output (num_labels 1)");
  }

  @Test
  void aConfigWithoutArchitecturesIsRefused() throws Exception {
    Path dir = writeLlama("bare");
    ObjectNode config = TinyRewardModel.readConfig(dir);
    config.remove("architectures");
    TinyRewardModel.writeConfig(dir, config);
    assertThatThrownBy(() -> describe(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("architectures")
        .hasMessageContaining("missing");
  }

  @Test
  void weightsWithoutTheScoreHeadAreRefusedNamingTheTensor() throws Exception {
    // A causal LM's weights under a classifier's config: the head the config promises is absent.
    Path dir = TinyDecoderCheckpoint.llama().writeModel(tmp.resolve("headless"), null);
    ObjectNode config = TinyRewardModel.readConfig(dir);
    config.putArray("architectures").add("LlamaForSequenceClassification");
    config.putObject("id2label").put("0", "LABEL_0");
    TinyRewardModel.writeConfig(dir, config);
    assertThatThrownBy(() -> describe(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("model.safetensors")
        .hasMessageContaining("score.weight")
        .hasMessageContaining("missing from the weights");
  }

  @Test
  void pickledWeightsAreRefusedNamingTheFile() throws Exception {
    Path dir = writeLlama("pickled");
    Files.delete(dir.resolve("model.safetensors"));
    Files.write(dir.resolve("pytorch_model.bin"), new byte[] {1, 2, 3});
    assertThatThrownBy(() -> describe(dir))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("pytorch_model.bin");
  }

  private Path writeLlama(String name) throws Exception {
    return TinyRewardModel.writeDecoder(
        TinyDecoderCheckpoint.llama(), tmp.resolve(name), TinyTokenizer.LLAMA3_TEMPLATE, null);
  }

  private RewardModel describe(Path dir) throws Exception {
    return RewardModel.describe(
        dir.toString(), MAX_LENGTH, Precision.FLOAT32, tmp.resolve("cache"));
  }

  /** The model's rewards of {@code texts}, embedded as one batch. */
  private static double[] rewards(RewardModel model, List<PairText> texts) throws Exception {
    try (Backbone backbone = model.open(Device.cpu())) {
      List<TokenizedInput> inputs = new ArrayList<>();
      texts.forEach(text -> inputs.add(backbone.tokenize(text)));
      float[][] hidden = backbone.embed(inputs);
      return Arrays.stream(hidden).mapToDouble(h -> model.head().reward(h)).toArray();
    }
  }

  /**
   * The reference rewards: the chat template's token ids, less trailing {@code pad} tokens (none
   * when negative), through the double-precision decoder, the last state dotted with the score
   * weight in double.
   */
  private static double[] reference(
      Path dir, TinyDecoderCheckpoint base, List<PairText> texts, long pad) throws Exception {
    ReferenceDecoder decoder = ReferenceDecoder.read(dir);
    float[] weight = TinyRewardModel.scoreWeight(base.seed());
    double[] rewards = new double[texts.size()];
    try (DecoderTokenizer tokenizer = DecoderTokenizer.load(dir, MAX_LENGTH)) {
      for (int i = 0; i < texts.size(); i++) {
        long[] ids = tokenizer.tokenize(texts.get(i)).ids();
        int end = ids.length;
        while (end > 1 && ids[end - 1] == pad) {
          end--;
        }
        double[][] states = decoder.hiddenStates(Arrays.copyOf(ids, end));
        double[] last = states[end - 1];
        for (int j = 0; j < weight.length; j++) {
          rewards[i] += weight[j] * last[j];
        }
      }
    }
    return rewards;
  }
}
