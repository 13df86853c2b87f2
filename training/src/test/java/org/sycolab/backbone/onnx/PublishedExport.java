package org.sycolab.backbone.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;
import org.sycolab.backbone.BuiltinModel;
import org.sycolab.backbone.PaddedBatch;
import org.sycolab.backbone.TokenizedInput;

/**
 * The independent reference for the built-in encoder: ONNX Runtime, with its default options,
 * running the ONNX file the model is published as (the one its Maven artifact ships).
 */
public final class PublishedExport {

  private PublishedExport() {}

  /** The last hidden state (B,T,H) of {@code batch} padded to its longest input, row-major. */
  public static float[] lastHiddenState(List<TokenizedInput> batch) throws Exception {
    PaddedBatch padded = PaddedBatch.of(batch);
    long[] shape = padded.shape();
    OrtEnvironment env = OnnxEncoderBackbone.environment();
    byte[] export;
    try (InputStream in = BuiltinModel.MINILM.onnx().orElseThrow().openStream()) {
      export = in.readAllBytes();
    }
    try (OrtSession session = env.createSession(export, new OrtSession.SessionOptions());
        OnnxTensor ids = OnnxTensor.createTensor(env, LongBuffer.wrap(padded.ids()), shape);
        OnnxTensor mask = OnnxTensor.createTensor(env, LongBuffer.wrap(padded.mask()), shape);
        OnnxTensor types = OnnxTensor.createTensor(env, LongBuffer.wrap(padded.typeIds()), shape);
        OrtSession.Result result =
            session.run(
                Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
      FloatBuffer hidden =
          ((OnnxTensor) result.get("last_hidden_state").orElseThrow()).getFloatBuffer();
      float[] values = new float[hidden.remaining()];
      hidden.get(values);
      return values;
    }
  }
}
