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
import org.sycolab.backbone.PairText;
import org.sycolab.backbone.TestModels;
import org.sycolab.backbone.TokenizedInput;
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
      float[] reference = onnxRuntime(batch, longest);

      assertThat(ours).hasSameSizeAs(reference);
      double maxAbs = 0;
      for (int i = 0; i < ours.length; i++) {
        maxAbs = Math.max(maxAbs, Math.abs(ours[i] - reference[i]));
      }
      assertThat(maxAbs).isLessThanOrEqualTo(1e-4);
    }
  }

  private static float[] onnxRuntime(List<TokenizedInput> batch, int length) throws Exception {
    long[] ids = new long[batch.size() * length];
    long[] types = new long[ids.length];
    long[] mask = new long[ids.length];
    for (int row = 0; row < batch.size(); row++) {
      TokenizedInput input = batch.get(row);
      for (int t = 0; t < input.length(); t++) {
        ids[row * length + t] = input.ids()[t];
        types[row * length + t] = input.typeIds()[t];
        mask[row * length + t] = 1;
      }
    }
    long[] shape = {batch.size(), length};
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    byte[] model;
    try (InputStream in = BuiltinModel.MINILM.onnx().orElseThrow().openStream()) {
      model = in.readAllBytes();
    }
    try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
        OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor typeTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
        OrtSession.Result result =
            session.run(
                Map.of(
                    "input_ids", idTensor,
                    "attention_mask", maskTensor,
                    "token_type_ids", typeTensor))) {
      FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
      float[] values = new float[out.remaining()];
      out.get(values);
      return values;
    }
  }
}
