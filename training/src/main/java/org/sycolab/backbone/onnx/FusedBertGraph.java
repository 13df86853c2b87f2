package org.sycolab.backbone.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import org.sycolab.backbone.WeightBinder;
import org.sycolab.backbone.bert.BertConfig;
import org.sycolab.backbone.bert.BertEncoder;
import org.sycolab.backbone.safetensors.ShardedSafetensors;

/**
 * A BERT encoder's weights written as an ONNX graph of ONNX Runtime's fused transformer operators
 * ({@code com.microsoft} domain), the graph ONNX Runtime's offline transformer optimiser makes of
 * an export, which its online optimiser does not: per layer one {@code Attention} (the query, key
 * and value projections as one product, scaled dot-product attention over each input's real tokens,
 * heads merged), a {@code MatMul} and a {@code SkipLayerNormalization} (bias, residual and
 * LayerNorm in one pass), then the feed-forward block as {@code MatMul}, {@code BiasGelu} (erf
 * form), {@code MatMul} and {@code SkipLayerNormalization}; the embeddings as one {@code
 * EmbedLayerNormalization}, which also counts each row's real tokens for the attention.
 *
 * <p>Inputs: int32 {@code input_ids}, {@code token_type_ids} and {@code attention_mask} (batch,
 * tokens), right-padded. Output: {@code last_hidden_state} (batch, tokens, hidden size), float32.
 * Operator semantics: <a
 * href="https://github.com/microsoft/onnxruntime/blob/main/docs/ContribOperators.md">ONNX Runtime
 * contrib operators</a>.
 */
public final class FusedBertGraph {

  /**
   * The version of the graph this class writes: part of the key its check against sycolab's PyTorch
   * blocks is kept under, so a change here is checked again.
   */
  public static final String VERSION = "fused-bert-v1";

  /** The int32 inputs, in order. */
  public static final List<String> INPUTS =
      List.of("input_ids", "token_type_ids", "attention_mask");

  private static final String CONTRIB = "com.microsoft";
  private static final int ONNX_OPSET = 14;
  private static final int IR_VERSION = 8;

  private final BertConfig config;
  private final ShardedSafetensors weights;
  private final Map<String, String> names;
  private final GraphProto.Builder graph = GraphProto.newBuilder().setName("sycolab-bert");

  private FusedBertGraph(BertConfig config, ShardedSafetensors weights) {
    this.config = config;
    this.weights = weights;
    this.names = WeightBinder.checkpointNames(new BertEncoder(config), weights, "bert.");
  }

  /**
   * The serialized ONNX model of the encoder {@code config} describes with {@code weights}.
   *
   * @throws org.sycolab.backbone.ModelFormatException naming the weights' file where a tensor is
   *     missing or has another shape
   */
  public static byte[] build(BertConfig config, ShardedSafetensors weights) {
    return new FusedBertGraph(config, weights).model().toByteArray();
  }

  private ModelProto model() {
    for (String input : INPUTS) {
      graph.addInput(tensorInfo(input, TensorProto.DataType.INT32, "batch", "tokens"));
    }
    graph.addOutput(
        tensorInfo(
            OnnxEncoderBackbone.OUTPUT,
            TensorProto.DataType.FLOAT,
            "batch",
            "tokens",
            Integer.toString(config.hiddenSize())));
    String hidden = embeddings();
    for (int layer = 0; layer < config.layers(); layer++) {
      boolean last = layer == config.layers() - 1;
      hidden = layer(layer, hidden, last ? OnnxEncoderBackbone.OUTPUT : "layer" + layer);
    }
    return ModelProto.newBuilder()
        .setIrVersion(IR_VERSION)
        .setProducerName("sycolab")
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(ONNX_OPSET))
        .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(CONTRIB).setVersion(1))
        .setGraph(graph)
        .build();
  }

  /** Word, position and type embeddings summed and normalised; the real-token counts. */
  private String embeddings() {
    add(
        "EmbedLayerNormalization",
        CONTRIB,
        "embeddings",
        List.of(
            "input_ids",
            "token_type_ids",
            weight("embeddings.word_embeddings.weight"),
            weight("embeddings.position_embeddings.weight"),
            weight("embeddings.token_type_embeddings.weight"),
            weight("embeddings.LayerNorm.weight"),
            weight("embeddings.LayerNorm.bias"),
            "attention_mask"),
        List.of("embedded", "token_counts"),
        epsilon());
    return "embedded";
  }

  /** One transformer layer from {@code input} to {@code output}. */
  private String layer(int layer, String input, String output) {
    String at = "encoder.layer." + layer + ".";
    String attention = at + "attention.self.";
    add(
        "Attention",
        CONTRIB,
        at + "attention",
        List.of(
            input,
            stacked(
                at + "qkv.weight",
                attention + "query.weight",
                attention + "key.weight",
                attention + "value.weight"),
            concatenated(
                at + "qkv.bias",
                attention + "query.bias",
                attention + "key.bias",
                attention + "value.bias"),
            "token_counts"),
        List.of(at + "context"),
        AttributeProto.newBuilder()
            .setName("num_heads")
            .setType(AttributeProto.AttributeType.INT)
            .setI(config.heads())
            .build());
    String attended =
        denseAndNorm(
            at + "attention.output.", at + "context", input, at + "attention.output.normed");
    add(
        "MatMul",
        "",
        at + "intermediate",
        List.of(
            attended,
            stacked(at + "intermediate.dense.weight.t", at + "intermediate.dense.weight")),
        List.of(at + "intermediate.product"));
    add(
        "BiasGelu",
        CONTRIB,
        at + "gelu",
        List.of(at + "intermediate.product", weight(at + "intermediate.dense.bias")),
        List.of(at + "intermediate.activated"));
    return denseAndNorm(at + "output.", at + "intermediate.activated", attended, output);
  }

  /** {@code LayerNorm(x·Wᵀ + b + residual)} for the dense layer and norm under {@code scope}. */
  private String denseAndNorm(String scope, String x, String residual, String output) {
    add(
        "MatMul",
        "",
        scope + "dense",
        List.of(x, stacked(scope + "dense.weight.t", scope + "dense.weight")),
        List.of(scope + "product"));
    add(
        "SkipLayerNormalization",
        CONTRIB,
        scope + "norm",
        List.of(
            scope + "product",
            residual,
            weight(scope + "LayerNorm.weight"),
            weight(scope + "LayerNorm.bias"),
            weight(scope + "dense.bias")),
        List.of(output),
        epsilon());
    return output;
  }

  /** Adds a node of {@code domain} ({@code ""} for ONNX's own operators). */
  private void add(
      String opType,
      String domain,
      String name,
      List<String> inputs,
      List<String> outputs,
      AttributeProto... attributes) {
    graph.addNode(
        NodeProto.newBuilder()
            .setOpType(opType)
            .setDomain(domain)
            .setName(name)
            .addAllInput(inputs)
            .addAllOutput(outputs)
            .addAllAttribute(List.of(attributes)));
  }

  /** A checkpoint tensor as it is, as an initializer named after it. */
  private String weight(String name) {
    float[] values = weights.readFloats(names.get(name));
    graph.addInitializer(initializer(name, values, weights.info(names.get(name)).shape()));
    return name;
  }

  /**
   * Linear weights (out, in) side by side as one (in, Σ out) matrix, so that {@code x·W} is every
   * one of their products at once.
   */
  private String stacked(String name, String... linearWeights) {
    int in = (int) weights.info(names.get(linearWeights[0])).shape()[1];
    int[] outs = new int[linearWeights.length];
    int total = 0;
    for (int i = 0; i < linearWeights.length; i++) {
      outs[i] = (int) weights.info(names.get(linearWeights[i])).shape()[0];
      total += outs[i];
    }
    float[] stacked = new float[in * total];
    int column = 0;
    for (int i = 0; i < linearWeights.length; i++) {
      float[] w = weights.readFloats(names.get(linearWeights[i]));
      for (int o = 0; o < outs[i]; o++) {
        for (int k = 0; k < in; k++) {
          stacked[k * total + column + o] = w[o * in + k];
        }
      }
      column += outs[i];
    }
    graph.addInitializer(initializer(name, stacked, new long[] {in, total}));
    return name;
  }

  /** Bias vectors one after the other. */
  private String concatenated(String name, String... biases) {
    int total = 0;
    float[][] parts = new float[biases.length][];
    for (int i = 0; i < biases.length; i++) {
      parts[i] = weights.readFloats(names.get(biases[i]));
      total += parts[i].length;
    }
    float[] joined = new float[total];
    int at = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, joined, at, part.length);
      at += part.length;
    }
    graph.addInitializer(initializer(name, joined, new long[] {total}));
    return name;
  }

  private AttributeProto epsilon() {
    return AttributeProto.newBuilder()
        .setName("epsilon")
        .setType(AttributeProto.AttributeType.FLOAT)
        .setF((float) config.layerNormEps())
        .build();
  }

  private static TensorProto initializer(String name, float[] values, long[] shape) {
    ByteBuffer bytes =
        ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(values);
    TensorProto.Builder tensor =
        TensorProto.newBuilder()
            .setName(name)
            .setDataType(TensorProto.DataType.FLOAT.getNumber())
            // The buffer is this tensor's alone and never written again: no copy needed.
            .setRawData(UnsafeByteOperations.unsafeWrap(bytes.array()));
    for (long dim : shape) {
      tensor.addDims(dim);
    }
    return tensor.build();
  }

  private static ValueInfoProto tensorInfo(String name, TensorProto.DataType type, String... dims) {
    TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
    for (String dim : dims) {
      TensorShapeProto.Dimension.Builder d = TensorShapeProto.Dimension.newBuilder();
      if (dim.chars().allMatch(Character::isDigit)) {
        d.setDimValue(Long.parseLong(dim));
      } else {
        d.setDimParam(dim);
      }
      shape.addDim(d);
    }
    return ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            TypeProto.newBuilder()
                .setTensorType(
                    TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape)))
        .build();
  }
}
