package org.sycolab.backbone.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.sycolab.backbone.NamedBlock;

/**
 * Word, position and token-type embeddings summed and layer-normalised. Input: token ids and type
 * ids, both (B,T) int64; output: (B,T,H).
 */
final class BertEmbeddings extends NamedBlock {

  private final BertConfig config;
  private final Parameter words;
  private final Parameter positions;
  private final Parameter types;
  private final Parameter normWeight;
  private final Parameter normBias;

  BertEmbeddings(BertConfig config) {
    this.config = config;
    int h = config.hiddenSize();
    words = tensor("word_embeddings.weight", new Shape(config.vocabSize(), h));
    positions = tensor("position_embeddings.weight", new Shape(config.maxPositions(), h));
    types = tensor("token_type_embeddings.weight", new Shape(config.typeVocabSize(), h));
    normWeight = tensor("LayerNorm.weight", new Shape(h));
    normBias = tensor("LayerNorm.bias", new Shape(h));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray ids = inputs.get(0);
    NDArray typeIds = inputs.get(1);
    long length = ids.getShape().get(1);
    NDArray positionIds = ids.getManager().arange(0, length, 1, DataType.INT64, ids.getDevice());
    NDArray sum =
        Embedding.embedding(
                ids, store.getValue(words, ids.getDevice(), training), SparseFormat.DENSE)
            .singletonOrThrow()
            .addi(
                Embedding.embedding(
                        typeIds,
                        store.getValue(types, ids.getDevice(), training),
                        SparseFormat.DENSE)
                    .singletonOrThrow())
            .addi(
                Embedding.embedding(
                        positionIds,
                        store.getValue(positions, ids.getDevice(), training),
                        SparseFormat.DENSE)
                    .singletonOrThrow());
    return LayerNorm.layerNorm(
        sum,
        new Shape(config.hiddenSize()),
        store.getValue(normWeight, ids.getDevice(), training),
        store.getValue(normBias, ids.getDevice(), training),
        (float) config.layerNormEps());
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].add(config.hiddenSize())};
  }
}
