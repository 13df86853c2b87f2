package org.sycolab.backbone.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.sycolab.backbone.NamedBlock;

/**
 * A BERT encoder as DJL blocks, with the tensor names of Hugging Face's {@code BertModel}. Input:
 * token ids, token type ids and the attention mask, each (B,T) int64; output: the last hidden state
 * (B,T,H). No pooler: sycolab pools the hidden states itself.
 */
public final class BertEncoder extends NamedBlock {

  /** Added to the scores of padded keys; the value the reference ONNX export uses. */
  private static final float MASKED = -Float.MAX_VALUE;

  private final BertConfig config;
  private final BertEmbeddings embeddings;
  private final List<BertLayer> layers = new ArrayList<>();

  /** An encoder with unset parameters; bind weights before the first forward pass. */
  public BertEncoder(BertConfig config) {
    this.config = config;
    embeddings = child("embeddings", new BertEmbeddings(config));
    for (int i = 0; i < config.layers(); i++) {
      layers.add(child("encoder.layer." + i, new BertLayer(config)));
    }
  }

  /** The architecture. */
  public BertConfig config() {
    return config;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray ids = inputs.get(0);
    NDArray typeIds = inputs.get(1);
    NDArray mask = inputs.get(2);
    long batch = ids.getShape().get(0);
    long length = ids.getShape().get(1);
    NDArray hidden =
        embeddings.forward(store, new NDList(ids, typeIds), training).singletonOrThrow();
    // A batch of equally long inputs needs no mask: every score would get 0 added.
    NDArray additiveMask =
        mask.sum().getLong() == batch * length
            ? null
            : mask.toType(DataType.FLOAT32, false)
                .neg()
                .addi(1f)
                .muli(MASKED)
                .reshape(batch, 1, 1, length);
    for (BertLayer layer : layers) {
      NDList layerInputs =
          additiveMask == null ? new NDList(hidden) : new NDList(hidden, additiveMask);
      hidden = layer.forward(store, layerInputs, training).singletonOrThrow();
    }
    return new NDList(hidden);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(config.hiddenSize())};
  }
}
