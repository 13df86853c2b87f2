package org.sycolab.backbone.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.HostPooler;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.PaddedBatch;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.backbone.bert.BertConfig;
import org.sycolab.backbone.bert.CrossEncodingTokenizer;
import org.sycolab.backbone.safetensors.ShardedSafetensors;
import org.sycolab.data.PairText;

/**
 * A BERT encoder run by ONNX Runtime on the CPU: its weights written as a graph of fused
 * transformer operators ({@link FusedBertGraph}), tokenised as {@link
 * org.sycolab.backbone.bert.BertBackbone} does and pooled as it pools ({@link HostPooler}). Nothing
 * here loads PyTorch, so ONNX Runtime's threads have the CPU to themselves.
 *
 * <p>The session runs with every graph optimisation on, one operator at a time, on as many threads
 * as the JVM sees processors.
 */
public final class OnnxEncoderBackbone implements Backbone {

  /** The graph's output this backbone pools. */
  public static final String OUTPUT = "last_hidden_state";

  private final String fingerprint;
  private final BackboneOptions options;
  private final CrossEncodingTokenizer tokenizer;
  private final OrtEnvironment env;
  private final OrtSession session;
  private final int dimension;

  private OnnxEncoderBackbone(
      BackboneSpec spec,
      CrossEncodingTokenizer tokenizer,
      OrtEnvironment env,
      OrtSession session,
      int dimension) {
    this.fingerprint = spec.fingerprint();
    this.options = spec.options();
    this.tokenizer = tokenizer;
    this.env = env;
    this.session = session;
    this.dimension = dimension;
  }

  /**
   * Writes the BERT encoder {@code spec} describes as a fused graph and opens it in ONNX Runtime.
   *
   * @throws ModelFormatException naming the file where a tensor is missing or misshapen
   * @throws IllegalStateException when ONNX Runtime refuses the graph
   */
  public static OnnxEncoderBackbone load(BackboneSpec spec) throws IOException {
    BertConfig config = BertConfig.from(HfConfig.read(spec.directory().path()));
    byte[] graph;
    try (ShardedSafetensors weights = spec.directory().openWeights()) {
      graph = FusedBertGraph.build(config, weights);
    }
    OrtEnvironment env = environment();
    OrtSession session;
    try (OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
      sessionOptions.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
      sessionOptions.setInterOpNumThreads(1);
      sessionOptions.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      sessionOptions.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
      session = env.createSession(graph, sessionOptions);
    } catch (OrtException e) {
      throw new IllegalStateException(
          "ONNX Runtime refuses the fused graph of "
              + spec.directory().path()
              + ": "
              + e.getMessage(),
          e);
    }
    try {
      // The tokenizer comes last: nothing after it can fail and leave it open.
      CrossEncodingTokenizer tokenizer =
          CrossEncodingTokenizer.load(spec.directory().tokenizer(), spec.options().maxLength());
      return new OnnxEncoderBackbone(spec, tokenizer, env, session, config.hiddenSize());
    } catch (RuntimeException | IOException | Error e) {
      closeQuietly(session, e);
      throw e;
    }
  }

  /**
   * ONNX Runtime's process-wide environment, logging errors only: every part of sycolab asks for it
   * here, so that its logging level is set once.
   */
  public static OrtEnvironment environment() {
    return OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
  }

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public TokenizedInput tokenize(PairText text) {
    return tokenizer.tokenize(text);
  }

  /**
   * The token ids, type ids and attention mask through the graph, the last hidden state pooled in
   * Java.
   */
  @Override
  public float[][] embed(List<TokenizedInput> batch) {
    PaddedBatch padded = PaddedBatch.of(batch);
    long[] shape = padded.shape();
    Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
    try {
      inputs.put(FusedBertGraph.INPUTS.get(0), tensor(padded.ids(), shape));
      inputs.put(FusedBertGraph.INPUTS.get(1), tensor(padded.typeIds(), shape));
      inputs.put(FusedBertGraph.INPUTS.get(2), tensor(padded.mask(), shape));
      try (OrtSession.Result result = session.run(inputs, Set.of(OUTPUT))) {
        OnnxTensor hidden =
            (OnnxTensor)
                result.get(OUTPUT).orElseThrow(() -> new IllegalStateException("no " + OUTPUT));
        FloatBuffer values = hidden.getFloatBuffer();
        long expected = (long) padded.rows() * padded.length() * dimension;
        if (values.remaining() != expected) {
          throw new IllegalStateException(
              OUTPUT + " has " + values.remaining() + " values, expected " + expected);
        }
        float[][] vectors = HostPooler.pool(values, batch, padded.length(), dimension, options);
        requireFinite(vectors);
        return vectors;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed on a batch: " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  @Override
  public void close() {
    try {
      tokenizer.close();
    } finally {
      closeQuietly(session, null);
    }
  }

  /** An int32 tensor of ids (which fit: vocabularies and lengths are far below 2³¹). */
  private OnnxTensor tensor(long[] values, long[] shape) throws OrtException {
    int[] narrow = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      narrow[i] = Math.toIntExact(values[i]);
    }
    return OnnxTensor.createTensor(env, IntBuffer.wrap(narrow), shape);
  }

  /** Refuses vectors with NaN or infinity rather than let them into the cache. */
  private static void requireFinite(float[][] vectors) {
    for (float[] vector : vectors) {
      for (float value : vector) {
        if (!Float.isFinite(value)) {
          throw new IllegalStateException("ONNX Runtime produced non-finite vectors");
        }
      }
    }
  }

  private static void closeQuietly(OrtSession session, Throwable pending) {
    try {
      session.close();
    } catch (OrtException e) {
      if (pending != null) {
        pending.addSuppressed(e);
      } else {
        throw new IllegalStateException("cannot close the ONNX Runtime session", e);
      }
    }
  }
}
