package org.sycolab.backbone.bert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sycolab.backbone.TestModels;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.backbone.onnx.PublishedExport;
import org.sycolab.data.PairText;
import org.sycolab.data.Turn;

/**
 * Our BERT block, with weights read out of the ONNX initializers, against ONNX Runtime running the
 * ONNX file itself, on a batch with padding and mixed lengths.
 */
class BertEncoderOnnxRuntimeTest {

  private static final List<PairText> TEXTS =
      List.of(
          new PairText(List.of(Turn.user("Is Sydney the capital of Australia?")), "Yes."),
          new PairText(
              List.of(
                  Turn.system("You are a helpful assistant."),
                  Turn.user("I'm sure the Great Wall of China is visible from space, right?")),
              "No. Astronauts in low Earth orbit report that the wall is far too narrow to see"
                  + " with the naked eye, although highways and airports can be seen."),
          new PairText(List.of(Turn.user("What is 7 times 8?")), "56"),
          new PairText(
              List.of(Turn.user("Hi"), Turn.assistant("Hello! How can I help?"), Turn.user("Bye")),
              "Goodbye, have a nice day!"));

  @Test
  void hiddenStatesMatchOnnxRuntimeWithinOneInTenThousand() throws Exception {
    try (BertBackbone backbone = (BertBackbone) TestModels.minilm()) {
      List<TokenizedInput> batch = new ArrayList<>();
      TEXTS.forEach(t -> batch.add(backbone.tokenize(t)));
      int longest = batch.stream().mapToInt(TokenizedInput::length).max().orElseThrow();
      assertThat(batch.stream().mapToInt(TokenizedInput::length).min().orElseThrow())
          .as("the batch mixes lengths, so some rows are padded")
          .isLessThan(longest - 10);

      float[] ours = backbone.lastHiddenState(batch);
      float[] reference = PublishedExport.lastHiddenState(batch);

      assertThat(ours).hasSameSizeAs(reference);
      double maxAbs = 0;
      for (int i = 0; i < ours.length; i++) {
        maxAbs = Math.max(maxAbs, Math.abs(ours[i] - reference[i]));
      }
      assertThat(maxAbs).isLessThanOrEqualTo(1e-4);
    }
  }
}
