package org.sycolab.backbone.decoder;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.sycolab.backbone.NamedBlock;

/**
 * One pre-norm decoder layer: RMSNorm, grouped-query self-attention with rotary positions under a
 * causal and padding mask, residual; RMSNorm, SwiGLU feed-forward layer, residual. Inputs: hidden
 * states (B,T,H), the additive float32 mask (B,1,T,T), and the rotary cosines and sines (T,d);
 * output: (B,T,H). Tensor names are those of Hugging Face's {@code model.layers.N}.
 */
final class DecoderLayer extends NamedBlock {

  private final DecoderConfig config;
  private final Parameter inputNorm;
  private final Projection query;
  private final Projection key;
  private final Projection value;
  private final Projection output;
  private final Parameter postAttentionNorm;
  private final Projection gate;
  private final Projection up;
  private final Projection down;

  /** A weight and its optional bias. */
  private record Projection(Parameter weight, Parameter bias) {}

  DecoderLayer(DecoderConfig config) {
    this.config = config;
    int h = config.hiddenSize();
    int q = config.heads() * config.headSize();
    int kv = config.kvHeads() * config.headSize();
    int f = config.intermediateSize();
    inputNorm = tensor("input_layernorm.weight", new Shape(h));
    query = projection("self_attn.q_proj", q, h, config.qkvBias());
    key = projection("self_attn.k_proj", kv, h, config.qkvBias());
    value = projection("self_attn.v_proj", kv, h, config.qkvBias());
    output = projection("self_attn.o_proj", h, q, config.outputBias());
    postAttentionNorm = tensor("post_attention_layernorm.weight", new Shape(h));
    gate = projection("mlp.gate_proj", f, h, config.mlpBias());
    up = projection("mlp.up_proj", f, h, config.mlpBias());
    down = projection("mlp.down_proj", h, f, config.mlpBias());
  }

  private Projection projection(String name, int out, int in, boolean bias) {
    return new Projection(
        tensor(name + ".weight", new Shape(out, in)),
        bias ? tensor(name + ".bias", new Shape(out)) : null);
  }

  /**
   * Runs the layer in a scope of its own, so that its temporaries (the (B,heads,T,T) scores above
   * all) are freed when it ends and memory holds one layer's work, not the stack's.
   */
  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDManager caller = x.getManager();
    try (NDManager scope = caller.newSubManager()) {
      for (NDArray input : inputs) {
        input.tempAttach(scope);
      }
      NDArray out = layer(store, x, inputs.get(1), inputs.get(2), inputs.get(3), training);
      out.attach(caller);
      return new NDList(out);
    }
  }

  private NDArray layer(
      ParameterStore store,
      NDArray x,
      NDArray additiveMask,
      NDArray cos,
      NDArray sin,
      boolean training) {
    Device device = x.getDevice();
    long batch = x.getShape().get(0);
    long length = x.getShape().get(1);
    int heads = config.heads();
    int kvHeads = config.kvHeads();
    int headSize = config.headSize();

    NDArray normed = rmsNorm(x, store.getValue(inputNorm, device, training));
    NDArray q = heads(apply(store, query, normed, training), batch, length, heads, headSize);
    NDArray k = heads(apply(store, key, normed, training), batch, length, kvHeads, headSize);
    NDArray v = heads(apply(store, value, normed, training), batch, length, kvHeads, headSize);
    q = RotaryEmbedding.rotate(q, cos, sin).muli((float) (1 / Math.sqrt(headSize)));
    k = RotaryEmbedding.rotate(k, cos, sin);
    if (kvHeads != heads) {
      // Key/value head j serves query heads j·g … j·g + g − 1, g = heads / kvHeads.
      k = k.repeat(1, heads / kvHeads);
      v = v.repeat(1, heads / kvHeads);
    }
    // Scores and softmax in float32 whatever the weights' type, as transformers does.
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).toType(DataType.FLOAT32, false);
    scores.addi(additiveMask);
    NDArray probabilities = scores.softmax(-1).toType(x.getDataType(), false);
    scores.close();
    NDArray context =
        probabilities.matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, heads * headSize);
    probabilities.close();
    NDArray attended = apply(store, output, context, training).addi(x);

    NDArray normedAttended = rmsNorm(attended, store.getValue(postAttentionNorm, device, training));
    // SiLU as x·sigmoid(x); in float16 that rounds twice, within float16's own precision.
    NDArray gateOut = apply(store, gate, normedAttended, training);
    NDArray gated =
        gateOut.muli(Activation.sigmoid(gateOut)).muli(apply(store, up, normedAttended, training));
    NDArray out = apply(store, down, gated, training).addi(attended);
    gated.close();
    return out;
  }

  /** (B,T,n·d) to (B,n,T,d). */
  private static NDArray heads(NDArray projected, long batch, long length, int count, int size) {
    return projected.reshape(batch, length, count, size).transpose(0, 2, 1, 3);
  }

  private static NDArray apply(
      ParameterStore store, Projection projection, NDArray x, boolean training) {
    Device device = x.getDevice();
    NDArray weight = store.getValue(projection.weight(), device, training);
    return projection.bias() == null
        ? Linear.linear(x, weight).singletonOrThrow()
        : Linear.linear(x, weight, store.getValue(projection.bias(), device, training))
            .singletonOrThrow();
  }

  private NDArray rmsNorm(NDArray x, NDArray weight) {
    return RmsNorm.apply(x, weight, config.rmsNormEps());
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
