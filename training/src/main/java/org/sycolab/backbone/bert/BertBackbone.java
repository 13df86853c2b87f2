package org.sycolab.backbone.bert;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.ModelDirectory;
import org.sycolab.backbone.PaddedBatch;
import org.sycolab.backbone.PoolingBackbone;
import org.sycolab.backbone.Precision;
import org.sycolab.backbone.Truncation;
import org.sycolab.backbone.WeightBinder;
import org.sycolab.backbone.safetensors.ShardedSafetensors;

/** A BERT-family encoder over a cross-encoded pair, pooled to one vector. */
public final class BertBackbone extends PoolingBackbone {

  private final BertEncoder encoder;
  private final ParameterStore store;

  private BertBackbone(
      BackboneSpec spec, NDManager manager, BertEncoder encoder, CrossEncodingTokenizer tokenizer) {
    super(spec, manager, tokenizer);
    this.encoder = encoder;
    this.store = new ParameterStore(manager, false);
  }

  /** Loads a described BERT model onto {@code device}. */
  public static BertBackbone load(BackboneSpec spec, Device device) throws IOException {
    return load(spec, device, Truncation.SHARE);
  }

  /** {@link #load(BackboneSpec, Device)}, cutting too long a pair as {@code truncation} says. */
  public static BertBackbone load(BackboneSpec spec, Device device, Truncation truncation)
      throws IOException {
    ModelDirectory dir = spec.directory();
    BertEncoder encoder = new BertEncoder(BertConfig.from(HfConfig.read(dir.path())));
    NDManager manager = NDManager.newBaseManager(device);
    try (ShardedSafetensors weights = dir.openWeights()) {
      WeightBinder.bind(encoder, weights, manager, Precision.FLOAT32, "bert.");
      // The tokenizer comes last: nothing after it can fail and leave it open.
      return new BertBackbone(
          spec,
          manager,
          encoder,
          CrossEncodingTokenizer.load(dir.tokenizer(), spec.options().maxLength(), truncation));
    } catch (RuntimeException | IOException e) {
      manager.close();
      throw e;
    }
  }

  @Override
  public int dimension() {
    return encoder.config().hiddenSize();
  }

  /** Token ids, type ids and attention mask, padded with zeros, through the encoder. */
  @Override
  protected NDArray hiddenStates(NDManager scope, PaddedBatch padded) {
    Shape shape = new Shape(padded.shape());
    NDList inputs =
        new NDList(
            scope.create(padded.ids(), shape),
            scope.create(padded.typeIds(), shape),
            scope.create(padded.mask(), shape));
    return encoder.forward(store, inputs, false).singletonOrThrow();
  }
}
