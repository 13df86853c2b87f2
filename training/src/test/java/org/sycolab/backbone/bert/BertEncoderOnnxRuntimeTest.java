package org.sycolab.backbone.bert;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sycolab.backbone.BuiltinModel;
import org.sycolab.backbone.PaddedBatch;
import org.sycolab.backbone.TestModels;
import org.sycolab.backbone.TokenizedInput;
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
      float[] reference = onnxRuntime(batch);

      assertThat(ours).hasSameSizeAs(reference);
      double maxAbs = 0;
      for (int i = 0; i < ours.length; i++) {
        maxAbs = Math.max(maxAbs, Math.abs(ours[i] - reference[i]));
      }
      assertThat(maxAbs).isLessThanOrEqualTo(1e-4);
    }
  }

  private static float[] onnxRuntime(List<TokenizedInput> batch) throws Exception {
    PaddedBatch padded = PaddedBatch.of(batch);
    long[] shape = padded.shape();
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    byte[] model;
    try (InputStream in = BuiltinModel.MINILM.onnx().orElseThrow().openStream()) {
      model = in.readAllBytes();
    }
    try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
        OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(padded.ids()), shape);
        OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(padded.mask()), shape);
        OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(padded.typeIds()), shape);
        OrtSession.Result result =
            session.run(
                Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
      FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] values = new float[out.remaining()];
      out.get(values);
      return values;
    }
  }
}
