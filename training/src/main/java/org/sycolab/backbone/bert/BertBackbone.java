package org.sycolab.backbone.bert;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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

/** A BERT-family encoder over a cross-encoded pair, pooled to one vector. */
public final class BertBackbone implements Backbone {

  private final String fingerprint;
  private final BackboneOptions options;
  private final NDManager manager;
  private final BertEncoder encoder;
  private final ParameterStore store;
  private final CrossEncodingTokenizer tokenizer;

  private BertBackbone(
      String fingerprint,
      BackboneOptions options,
      NDManager manager,
      BertEncoder encoder,
      CrossEncodingTokenizer tokenizer) {
    this.fingerprint = fingerprint;
    this.options = options;
    this.manager = manager;
    this.encoder = encoder;
    this.store = new ParameterStore(manager, false);
    this.tokenizer = tokenizer;
  }

  /** Loads a described BERT model onto {@code device}. */
  public static BertBackbone load(BackboneSpec spec, Device device) throws IOException {
    ModelDirectory dir = spec.directory();
    BertConfig config = BertConfig.from(HfConfig.read(dir.path()));
    BertEncoder encoder = new BertEncoder(config);
    NDManager manager = NDManager.newBaseManager(device);
    CrossEncodingTokenizer tokenizer = null;
    try (ShardedSafetensors weights = dir.openWeights()) {
      WeightBinder.bind(encoder, weights, weights.source(), manager, "bert.");
      tokenizer = CrossEncodingTokenizer.load(dir.tokenizer(), spec.options().maxLength());
      return new BertBackbone(spec.fingerprint(), spec.options(), manager, encoder, tokenizer);
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
    return encoder.config().hiddenSize();
  }

  @Override
  public TokenizedInput tokenize(PairText text) {
    return tokenizer.tokenize(text);
  }

  @Override
  public float[][] embed(List<TokenizedInput> batch) {
    try (NDManager scope = manager.newSubManager()) {
      NDList inputs = inputs(scope, batch);
      NDArray hidden = encoder.forward(store, inputs, false).singletonOrThrow();
      return Pooler.pool(hidden, inputs.get(2), options);
    }
  }

  /**
   * The last hidden state (B,T,H) of a batch padded to its longest input, flattened row-major: what
   * the pooling reads, exposed for checks against a reference implementation.
   */
  public float[] lastHiddenState(List<TokenizedInput> batch) {
    try (NDManager scope = manager.newSubManager()) {
      return encoder.forward(store, inputs(scope, batch), false).singletonOrThrow().toFloatArray();
    }
  }

  /** Token ids, type ids and attention mask, padded with zeros to the longest input. */
  private static NDList inputs(NDManager scope, List<TokenizedInput> batch) {
    PaddedBatch padded = PaddedBatch.of(batch);
    Shape shape = new Shape(padded.shape());
    return new NDList(
        scope.create(padded.ids(), shape),
        scope.create(padded.typeIds(), shape),
        scope.create(padded.mask(), shape));
  }

  @Override
  public void close() {
    tokenizer.close();
    manager.close();
  }
}
