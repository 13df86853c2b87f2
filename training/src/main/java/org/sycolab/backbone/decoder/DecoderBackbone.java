package org.sycolab.backbone.decoder;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.util.List;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.ModelDirectory;
import org.sycolab.backbone.PaddedBatch;
import org.sycolab.backbone.PairText;
import org.sycolab.backbone.Pooler;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.backbone.WeightBinder;
import org.sycolab.backbone.safetensors.ShardedSafetensors;

/**
 * A Llama-family decoder reading the conversation and response as its chat template renders them;
 * by default the vector is the final hidden state at the last real token, where a decoder reward
 * model puts its value head.
 */
public final class DecoderBackbone implements Backbone {

  private final String fingerprint;
  private final BackboneOptions options;
  private final NDManager manager;
  private final DecoderModel model;
  private final ParameterStore store;
  private final DecoderTokenizer tokenizer;

  private DecoderBackbone(
      String fingerprint,
      BackboneOptions options,
      NDManager manager,
      DecoderModel model,
      DecoderTokenizer tokenizer) {
    this.fingerprint = fingerprint;
    this.options = options;
    this.manager = manager;
    this.model = model;
    this.store = new ParameterStore(manager, false);
    this.tokenizer = tokenizer;
  }

  /**
   * Loads a described decoder onto {@code device}, its weights converted to the precision the
   * options ask for.
   */
  public static DecoderBackbone load(BackboneSpec spec, Device device) throws IOException {
    ModelDirectory dir = spec.directory();
    DecoderModel model = new DecoderModel(DecoderConfig.from(HfConfig.read(dir.path())));
    NDManager manager = NDManager.newBaseManager(device);
    DecoderTokenizer tokenizer = null;
    try (ShardedSafetensors weights = dir.openWeights()) {
      WeightBinder.bind(
          model,
          weights,
          weights.source(),
          manager,
          spec.options().precision().dataType(),
          "model.");
      tokenizer = DecoderTokenizer.load(dir.path(), spec.options().maxLength());
      return new DecoderBackbone(spec.fingerprint(), spec.options(), manager, model, tokenizer);
    } catch (RuntimeException | IOException e) {
      if (tokenizer != null) {
        tokenizer.close();
      }
      manager.close();
      throw e;
    }
  }

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public int dimension() {
    return model.config().hiddenSize();
  }

  @Override
  public TokenizedInput tokenize(PairText text) {
    return tokenizer.tokenize(text);
  }

  @Override
  public float[][] embed(List<TokenizedInput> batch) {
    try (NDManager scope = manager.newSubManager()) {
      NDList inputs = inputs(scope, batch);
      NDArray hidden = model.forward(store, inputs, false).singletonOrThrow();
      return Pooler.pool(hidden, inputs.get(1), options);
    }
  }

  /**
   * The final hidden states (B,T,H) after the last norm, as float32, of a batch right-padded to its
   * longest input, flattened row-major: what pooling reads, exposed for checks against a reference
   * implementation.
   */
  public float[] lastHiddenState(List<TokenizedInput> batch) {
    try (NDManager scope = manager.newSubManager()) {
      return model
          .forward(store, inputs(scope, batch), false)
          .singletonOrThrow()
          .toType(DataType.FLOAT32, false)
          .toFloatArray();
    }
  }

  /** Token ids and attention mask, right-padded with zeros to the longest input. */
  private static NDList inputs(NDManager scope, List<TokenizedInput> batch) {
    PaddedBatch padded = PaddedBatch.of(batch);
    Shape shape = new Shape(padded.shape());
    return new NDList(scope.create(padded.ids(), shape), scope.create(padded.mask(), shape));
  }

  @Override
  public void close() {
    tokenizer.close();
    manager.close();
  }
}
