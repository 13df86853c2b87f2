package org.sycolab.backbone.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.sycolab.backbone.NamedBlock;

/**
 * A Llama-family decoder without its language-model head: token embedding, the decoder layers and
 * the final RMSNorm. Inputs: token ids and attention mask (B,T), right-padded; output: the final
 * hidden states (B,T,H) after the last norm. Padding only ever follows a row's real tokens, which
 * attend causally and so never see it.
 */
public final class DecoderModel extends NamedBlock {

  /** Added to the scores of keys a query must not see, in float32. */
  private static final float MASKED = -Float.MAX_VALUE;

  private final DecoderConfig config;
  private final Parameter embedding;
  private final List<DecoderLayer> layers = new ArrayList<>();
  private final Parameter finalNorm;
  private final RotaryEmbedding rotary;

  /** A decoder with unset parameters; bind weights before the first forward pass. */
  public DecoderModel(DecoderConfig config) {
    this.config = config;
    embedding = tensor("embed_tokens.weight", new Shape(config.vocabSize(), config.hiddenSize()));
    for (int i = 0; i < config.layers(); i++) {
      layers.add(child("layers." + i, new DecoderLayer(config)));
    }
    finalNorm = tensor("norm.weight", new Shape(config.hiddenSize()));
    rotary = new RotaryEmbedding(config);
  }

  /** The architecture. */
  public DecoderConfig config() {
    return config;
  }

  /** The token embedding (V,H), which a model with tied word embeddings also projects out with. */
  Parameter embedding() {
    return embedding;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray ids = inputs.get(0);
    NDArray mask = inputs.get(1);
    int length = (int) ids.getShape().get(1);
    NDArray table = store.getValue(embedding, ids.getDevice(), training);
    NDArray hidden = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    NDList rotation = rotary.table(ids.getManager(), length, table.getDataType());
    NDArray additiveMask = additiveMask(mask);
    for (DecoderLayer layer : layers) {
      NDArray previous = hidden;
      hidden =
          layer
              .forward(
                  store,
                  new NDList(previous, additiveMask, rotation.get(0), rotation.get(1)),
                  training)
              .singletonOrThrow();
      // Only the newest hidden states are needed: memory holds one layer's output, not all.
      previous.close();
    }
    return new NDList(
        RmsNorm.apply(
            hidden, store.getValue(finalNorm, ids.getDevice(), training), config.rmsNormEps()));
  }

  /**
   * The float32 (B,1,T,T) mask: 0 where query t may see key s (s ≤ t and s is a real token), the
   * most negative float elsewhere. No row is fully masked: every query sees key 0.
   */
  private static NDArray additiveMask(NDArray mask) {
    long batch = mask.getShape().get(0);
    long length = mask.getShape().get(1);
    NDArray positions = mask.getManager().arange(0, length, 1, DataType.INT64, mask.getDevice());
    NDArray causal = positions.reshape(1, length).lte(positions.reshape(length, 1));
    NDArray realKeys = mask.toType(DataType.BOOLEAN, false).reshape(batch, 1, 1, length);
    NDArray visible = causal.reshape(1, 1, length, length).logicalAnd(realKeys);
    return visible.toType(DataType.FLOAT32, false).sub(1f).mul(-MASKED);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(config.hiddenSize())};
  }
}
