package org.sycolab.backbone.decoder;

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
import org.sycolab.backbone.Truncation;
import org.sycolab.backbone.WeightBinder;
import org.sycolab.backbone.safetensors.ShardedSafetensors;

/**
 * A Llama-family decoder reading the conversation and response as its chat template renders them;
 * by default the vector is the final hidden state at the last real token, where a decoder reward
 * model puts its value head.
 */
public final class DecoderBackbone extends PoolingBackbone {

  private final DecoderModel model;
  private final ParameterStore store;

  private DecoderBackbone(
      BackboneSpec spec, NDManager manager, DecoderModel model, DecoderTokenizer tokenizer) {
    super(spec, manager, tokenizer);
    this.model = model;
    this.store = new ParameterStore(manager, false);
  }

  /**
   * Loads a described decoder onto {@code device}, its weights converted to the precision the
   * options ask for.
   */
  public static DecoderBackbone load(BackboneSpec spec, Device device) throws IOException {
    return load(spec, device, Truncation.SHARE);
  }

  /** {@link #load(BackboneSpec, Device)}, cutting too long a pair as {@code truncation} says. */
  public static DecoderBackbone load(BackboneSpec spec, Device device, Truncation truncation)
      throws IOException {
    ModelDirectory dir = spec.directory();
    DecoderModel model = new DecoderModel(DecoderConfig.from(HfConfig.read(dir.path())));
    NDManager manager = NDManager.newBaseManager(device);
    try (ShardedSafetensors weights = dir.openWeights()) {
      WeightBinder.bind(model, weights, manager, spec.options().precision(), "model.");
      // The tokenizer comes last: nothing after it can fail and leave it open.
      return new DecoderBackbone(
          spec,
          manager,
          model,
          DecoderTokenizer.load(dir.path(), spec.options().maxLength(), truncation));
    } catch (RuntimeException | IOException e) {
      manager.close();
      throw e;
    }
  }

  @Override
  public int dimension() {
    return model.config().hiddenSize();
  }

  /** Token ids and attention mask, right-padded with zeros, through the decoder and final norm. */
  @Override
  protected NDArray hiddenStates(NDManager scope, PaddedBatch padded) {
    Shape shape = new Shape(padded.shape());
    NDList inputs =
        new NDList(scope.create(padded.ids(), shape), scope.create(padded.mask(), shape));
    return model.forward(store, inputs, false).singletonOrThrow();
  }
}
