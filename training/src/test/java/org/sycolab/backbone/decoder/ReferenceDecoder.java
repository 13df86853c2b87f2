package org.sycolab.backbone.decoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sycolab.backbone.HfConfig;
import org.sycolab.backbone.safetensors.ShardedSafetensors;
import org.sycolab.backbone.safetensors.TensorInfo;

/**
 * An independent, plain-Java, double-precision computation of a Llama-family decoder's final hidden
 * states (after the last RMSNorm), written from Hugging Face's LlamaModel and Qwen2Model
 * conventions, for checking the DJL backbones against.
 *
 * <p>Each layer is {@code h = x + o_proj(attention(rmsnorm(x)))} then {@code x = h +
 * down_proj(silu(gate_proj(n)) · up_proj(n))} with {@code n = rmsnorm(h)}; the attention is causal
 * and grouped-query, with rotary position embedding on queries and keys. Q, k and v have biases for
 * qwen2 and for llama's {@code attention_bias}, o only for the latter; gate, up and down have
 * biases for llama's {@code mlp_bias}. One unpadded sequence at a time, positions 0 to T−1.
 */
public final class ReferenceDecoder {

  private final Map<String, float[]> tensors;
  private final int hidden;
  private final int heads;
  private final int kvHeads;
  private final int layers;
  private final double eps;
  private final boolean qkvBias;
  private final boolean outputBias;
  private final boolean mlpBias;
  private final RotaryReference rotary;
  private final boolean tiedEmbeddings;

  /**
   * A reference over config.json's content and the weights by Hugging Face name, row-major (as
   * stored: half-precision checkpoints' values as they read back).
   */
  ReferenceDecoder(JsonNode config, Map<String, float[]> tensors) {
    this.tensors = Map.copyOf(tensors);
    this.hidden = required(config, "hidden_size").asInt();
    this.heads = required(config, "num_attention_heads").asInt();
    this.kvHeads = config.path("num_key_value_heads").asInt(heads);
    this.layers = required(config, "num_hidden_layers").asInt();
    this.eps = required(config, "rms_norm_eps").asDouble();
    String modelType = required(config, "model_type").asText();
    boolean attentionBias = config.path("attention_bias").asBoolean(false);
    this.qkvBias = modelType.equals("qwen2") || attentionBias;
    this.outputBias = !modelType.equals("qwen2") && attentionBias;
    this.mlpBias = modelType.equals("llama") && config.path("mlp_bias").asBoolean(false);
    int headDim = config.path("head_dim").asInt(hidden / heads);
    this.rotary = RotaryReference.fromConfig(config, headDim);
    this.tiedEmbeddings = config.path("tie_word_embeddings").asBoolean(false);
  }

  /** A reference over a model directory's config.json and safetensors weights. */
  public static ReferenceDecoder read(Path modelDir) throws IOException {
    JsonNode config = new ObjectMapper().readTree(modelDir.resolve(HfConfig.FILE_NAME).toFile());
    Map<String, float[]> tensors = new LinkedHashMap<>();
    try (ShardedSafetensors weights = ShardedSafetensors.openDirectory(modelDir)) {
      for (TensorInfo info : weights.tensors()) {
        tensors.put(info.name(), weights.readFloats(info.name()));
      }
    }
    return new ReferenceDecoder(config, tensors);
  }

  private static JsonNode required(JsonNode config, String field) {
    JsonNode node = config.get(field);
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException("config.json lacks " + field);
    }
    return node;
  }

  /** The final hidden states of {@code ids}, one row of the hidden size per position. */
  public double[][] hiddenStates(long[] ids) {
    if (ids.length == 0) {
      throw new IllegalArgumentException("no token ids");
    }
    float[] embeddings = tensor("model.embed_tokens.weight");
    double[][] x = new double[ids.length][hidden];
    for (int t = 0; t < ids.length; t++) {
      if (ids[t] < 0 || (ids[t] + 1) * hidden > embeddings.length) {
        throw new IllegalArgumentException("token id " + ids[t] + " is outside the vocabulary");
      }
      for (int j = 0; j < hidden; j++) {
        x[t][j] = embeddings[(int) ids[t] * hidden + j];
      }
    }
    for (int layer = 0; layer < layers; layer++) {
      x = layer("model.layers." + layer + ".", x);
    }
    for (int t = 0; t < x.length; t++) {
      x[t] = ReferenceMath.rmsNorm(x[t], tensor("model.norm.weight"), eps);
    }
    return x;
  }

  /** The final hidden state of the last position of {@code ids}, as floats. */
  float[] lastTokenState(long[] ids) {
    double[][] states = hiddenStates(ids);
    double[] last = states[states.length - 1];
    float[] out = new float[last.length];
    for (int j = 0; j < last.length; j++) {
      out[j] = (float) last[j];
    }
    return out;
  }

  /**
   * log p({@code next} | {@code context}) under the causal LM: the last position's final hidden
   * state projected onto the whole vocabulary by {@code lm_head.weight} (or the token embedding
   * when config.json ties them), then a log-softmax over all of it, in double precision.
   */
  double logProbability(long[] context, long next) {
    double[][] states = hiddenStates(context);
    float[] head = tensor(tiedEmbeddings ? "model.embed_tokens.weight" : "lm_head.weight");
    double[] logits = ReferenceMath.linear(head, null, states[states.length - 1]);
    double max = Double.NEGATIVE_INFINITY;
    for (double logit : logits) {
      max = Math.max(max, logit);
    }
    double sum = 0;
    for (double logit : logits) {
      sum += Math.exp(logit - max);
    }
    return logits[(int) next] - max - Math.log(sum);
  }

  private double[][] layer(String prefix, double[][] x) {
    int length = x.length;
    double[][] queries = new double[length][];
    double[][] keys = new double[length][];
    double[][] values = new double[length][];
    for (int t = 0; t < length; t++) {
      double[] normed = ReferenceMath.rmsNorm(x[t], tensor(prefix + "input_layernorm.weight"), eps);
      queries[t] = project(prefix + "self_attn.q_proj", qkvBias, normed);
      keys[t] = project(prefix + "self_attn.k_proj", qkvBias, normed);
      values[t] = project(prefix + "self_attn.v_proj", qkvBias, normed);
      rotary.rotate(queries[t], heads, t);
      rotary.rotate(keys[t], kvHeads, t);
    }
    double[][] attended = ReferenceMath.causalAttention(queries, keys, values, heads, kvHeads);
    double[][] out = new double[length][];
    for (int t = 0; t < length; t++) {
      double[] h =
          ReferenceMath.add(x[t], project(prefix + "self_attn.o_proj", outputBias, attended[t]));
      double[] normed =
          ReferenceMath.rmsNorm(h, tensor(prefix + "post_attention_layernorm.weight"), eps);
      double[] gate = project(prefix + "mlp.gate_proj", mlpBias, normed);
      double[] up = project(prefix + "mlp.up_proj", mlpBias, normed);
      double[] activated = new double[gate.length];
      for (int i = 0; i < gate.length; i++) {
        activated[i] = ReferenceMath.silu(gate[i]) * up[i];
      }
      out[t] = ReferenceMath.add(h, project(prefix + "mlp.down_proj", mlpBias, activated));
    }
    return out;
  }

  private double[] project(String module, boolean biased, double[] x) {
    return ReferenceMath.linear(
        tensor(module + ".weight"), biased ? tensor(module + ".bias") : null, x);
  }

  private float[] tensor(String name) {
    float[] values = tensors.get(name);
    if (values == null) {
      throw new IllegalArgumentException("the weights lack " + name);
    }
    return values;
  }
}
