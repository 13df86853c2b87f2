package org.sycolab.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sycolab.backbone.BuiltinModel;
import org.sycolab.backbone.PaddedBatch;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.backbone.bert.CrossEncodingTokenizer;
import org.sycolab.data.PairText;

/**
 * The reference: ONNX Runtime running the built-in model's ONNX file (all optimisations on), then
 * mean pooling and unit norm in Java, as sycolab's backbone pools.
 */
final class OrtEncoder implements Encoder {

  /** The engine's name. */
  static final String NAME = "ort";

  private static final String OUTPUT = "last_hidden_state";

  private final OrtEnvironment env;
  private final OrtSession session;
  private final CrossEncodingTokenizer tokenizer;

  private OrtEncoder(OrtEnvironment env, OrtSession session, CrossEncodingTokenizer tokenizer) {
    this.env = env;
    this.session = session;
    this.tokenizer = tokenizer;
  }

  /** Opens a session with {@code threads} intra-op threads and one inter-op thread. */
  static OrtEncoder open(int threads) throws IOException, OrtException {
    byte[] model;
    try (InputStream in =
        BuiltinModel.MINILM
            .onnx()
            .orElseThrow(() -> new IOException("the built-in ONNX model is not on the classpath"))
            .openStream()) {
      model = in.readAllBytes();
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    CrossEncodingTokenizer tokenizer = BenchModel.tokenizer();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      return new OrtEncoder(env, env.createSession(model, options), tokenizer);
    } catch (OrtException | RuntimeException e) {
      tokenizer.close();
      throw e;
    }
  }

  @Override
  public String runs() {
    return "OrtSession";
  }

  @Override
  public TokenizedInput tokenize(PairText text) {
    return tokenizer.tokenize(text);
  }

  @Override
  public float[][] encode(List<TokenizedInput> batch) throws OrtException {
    PaddedBatch padded = PaddedBatch.of(batch);
    int length = padded.length();
    long[] shape = padded.shape();
    try (OnnxTensor idTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(padded.ids()), shape);
        OnnxTensor maskTensor =
            OnnxTensor.createTensor(env, LongBuffer.wrap(padded.mask()), shape);
        OnnxTensor typeTensor =
            OnnxTensor.createTensor(env, LongBuffer.wrap(padded.typeIds()), shape);
        OrtSession.Result result =
            session.run(
                Map.of(
                    "input_ids", idTensor,
                    "attention_mask", maskTensor,
                    "token_type_ids", typeTensor),
                Set.of(OUTPUT))) {
      OnnxValue hidden =
          result.get(OUTPUT).orElseThrow(() -> new IllegalStateException("no " + OUTPUT));
      FloatBuffer values = ((OnnxTensor) hidden).getFloatBuffer();
      return MeanPooling.pool(values, batch, length);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("cannot close the ONNX Runtime session", e);
    } finally {
      tokenizer.close();
    }
  }
}
