package org.sycolab.backbone.bert;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.sycolab.backbone.NamedBlock;

/**
 * One post-LayerNorm transformer layer: multi-head self-attention with an additive mask, residual
 * and LayerNorm, then a GELU feed-forward layer, residual and LayerNorm. Input: hidden states
 * (B,T,H) and the additive mask (B,1,1,T); output: (B,T,H).
 */
final class BertLayer extends NamedBlock {

  private final BertConfig config;
  private final Parameter queryWeight;
  private final Parameter queryBias;
  private final Parameter keyWeight;
  private final Parameter keyBias;
  private final Parameter valueWeight;
  private final Parameter valueBias;
  private final Parameter attentionOutWeight;
  private final Parameter attentionOutBias;
  private final Parameter attentionNormWeight;
  private final Parameter attentionNormBias;
  private final Parameter intermediateWeight;
  private final Parameter intermediateBias;
  private final Parameter outputWeight;
  private final Parameter outputBias;
  private final Parameter outputNormWeight;
  private final Parameter outputNormBias;

  BertLayer(BertConfig config) {
    this.config = config;
    int h = config.hiddenSize();
    int f = config.intermediateSize();
    queryWeight = tensor("attention.self.query.weight", new Shape(h, h));
    queryBias = tensor("attention.self.query.bias", new Shape(h));
    keyWeight = tensor("attention.self.key.weight", new Shape(h, h));
    keyBias = tensor("attention.self.key.bias", new Shape(h));
    valueWeight = tensor("attention.self.value.weight", new Shape(h, h));
    valueBias = tensor("attention.self.value.bias", new Shape(h));
    attentionOutWeight = tensor("attention.output.dense.weight", new Shape(h, h));
    attentionOutBias = tensor("attention.output.dense.bias", new Shape(h));
    attentionNormWeight = tensor("attention.output.LayerNorm.weight", new Shape(h));
    attentionNormBias = tensor("attention.output.LayerNorm.bias", new Shape(h));
    intermediateWeight = tensor("intermediate.dense.weight", new Shape(f, h));
    intermediateBias = tensor("intermediate.dense.bias", new Shape(f));
    outputWeight = tensor("output.dense.weight", new Shape(h, f));
    outputBias = tensor("output.dense.bias", new Shape(h));
    outputNormWeight = tensor("output.LayerNorm.weight", new Shape(h));
    outputNormBias = tensor("output.LayerNorm.bias", new Shape(h));
  }

  /**
   * Runs the layer in a scope of its own: every temporary (the (B,heads,T,T) scores above all) is
   * freed when the layer ends, and the largest as soon as they are used, so memory holds one
   * layer's work rather than the whole stack's.
   */
  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray additiveMask = inputs.get(1);
    NDManager caller = x.getManager();
    try (NDManager scope = caller.newSubManager()) {
      x.tempAttach(scope);
      additiveMask.tempAttach(scope);
      NDArray out = layer(store, x, additiveMask, training);
      out.attach(caller);
      return new NDList(out);
    }
  }

  private NDArray layer(ParameterStore store, NDArray x, NDArray additiveMask, boolean training) {
    Device device = x.getDevice();
    long batch = x.getShape().get(0);
    long length = x.getShape().get(1);
    int heads = config.heads();
    int headSize = config.headSize();

    NDArray q =
        linear(x, queryWeight, queryBias, store, device, training)
            .reshape(batch, length, heads, headSize)
            .transpose(0, 2, 1, 3);
    NDArray k =
        linear(x, keyWeight, keyBias, store, device, training)
            .reshape(batch, length, heads, headSize)
            .transpose(0, 2, 3, 1);
    NDArray v =
        linear(x, valueWeight, valueBias, store, device, training)
            .reshape(batch, length, heads, headSize)
            .transpose(0, 2, 1, 3);
    // Scores are divided by sqrt(d) after the product, as the reference does (scaling q first
    // doubled the deviation from ONNX Runtime, to 5e-5).
    NDArray scores = q.matMul(k).divi((float) Math.sqrt(headSize)).addi(additiveMask);
    NDArray probabilities = scores.softmax(-1);
    scores.close();
    NDArray context =
        probabilities.matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, heads * headSize);
    probabilities.close();

    NDArray attended =
        norm(
            linear(context, attentionOutWeight, attentionOutBias, store, device, training).addi(x),
            attentionNormWeight,
            attentionNormBias,
            store,
            device,
            training);
    NDArray intermediate =
        Activation.gelu(
            linear(attended, intermediateWeight, intermediateBias, store, device, training));
    NDArray out =
        linear(intermediate, outputWeight, outputBias, store, device, training).addi(attended);
    intermediate.close();
    return norm(out, outputNormWeight, outputNormBias, store, device, training);
  }

  private static NDArray linear(
      NDArray x,
      Parameter weight,
      Parameter bias,
      ParameterStore store,
      Device device,
      boolean training) {
    return Linear.linear(
            x, store.getValue(weight, device, training), store.getValue(bias, device, training))
        .singletonOrThrow();
  }

  private NDArray norm(
      NDArray x,
      Parameter weight,
      Parameter bias,
      ParameterStore store,
      Device device,
      boolean training) {
    return LayerNorm.layerNorm(
            x,
            new Shape(config.hiddenSize()),
            store.getValue(weight, device, training),
            store.getValue(bias, device, training),
            (float) config.layerNormEps())
        .singletonOrThrow();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
