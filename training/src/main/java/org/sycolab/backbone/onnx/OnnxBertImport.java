package org.sycolab.backbone.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.bert.BertConfig;

/**
 * Reads a BERT encoder exported to ONNX by {@code torch.onnx} (as Hugging Face Optimum and Xenova
 * export it) back into Hugging Face tensors and a {@link BertConfig}.
 *
 * <p>Float initializers keep their Hugging Face names, except the weights of the linear layers: the
 * exporter stores them transposed, as (in, out), under generated names ({@code onnx::MatMul_787}).
 * Their names come from the MatMul node that consumes them ({@code
 * /encoder/layer.0/attention/self/query/MatMul} → {@code
 * encoder.layer.0.attention.self.query.weight}) and they are transposed back to (out, in). The
 * config fields come from tensor shapes and two graph constants: the divisor of the attention
 * scores (√head size) and the LayerNorm epsilon.
 */
public final class OnnxBertImport {

  private static final Pattern LAYER = Pattern.compile("^encoder\\.layer\\.(\\d+)\\.");
  private static final String SCORE_DIVISOR_NODE = "/encoder/layer.0/attention/self/Div";
  private static final String EPSILON_NODE = "/embeddings/LayerNorm/Add";

  private OnnxBertImport() {}

  /**
   * The imported tensors, in graph order, and the architecture.
   *
   * @param config the architecture read off shapes and constants
   * @param tensors Hugging Face name → tensor
   */
  public record Imported(BertConfig config, Map<String, Tensor> tensors) {}

  /**
   * One float tensor.
   *
   * @param shape its shape
   * @param values its values, row-major
   */
  public record Tensor(long[] shape, float[] values) {}

  /** Parses an ONNX model; {@code source} names it in error messages. */
  public static Imported read(InputStream onnx, Path source) throws IOException {
    GraphProto graph = ModelProto.parseFrom(onnx).getGraph();
    Map<String, TensorProto> initializers = new LinkedHashMap<>();
    graph.getInitializerList().forEach(t -> initializers.put(t.getName(), t));
    Map<String, NodeProto> matMulByWeight = new HashMap<>();
    Map<String, NodeProto> nodesByName = new HashMap<>();
    Map<String, NodeProto> producers = new HashMap<>();
    for (NodeProto node : graph.getNodeList()) {
      nodesByName.put(node.getName(), node);
      node.getOutputList().forEach(output -> producers.put(output, node));
      if (node.getOpType().equals("MatMul") && node.getInputCount() == 2) {
        matMulByWeight.put(node.getInput(1), node);
      }
    }

    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (TensorProto initializer : initializers.values()) {
      if (!OnnxTensors.isFloat(initializer)) {
        continue; // embeddings.position_ids: an index table, not a weight
      }
      long[] shape = OnnxTensors.shape(initializer);
      float[] values = OnnxTensors.floats(initializer);
      NodeProto matMul = matMulByWeight.get(initializer.getName());
      if (matMul != null) {
        String name = weightName(matMul, source);
        if (shape.length != 2) {
          throw new ModelFormatException(source, initializer.getName(), "MatMul weight is not 2-D");
        }
        values = OnnxTensors.transpose(values, (int) shape[0], (int) shape[1]);
        tensors.put(name, new Tensor(new long[] {shape[1], shape[0]}, values));
      } else {
        tensors.put(initializer.getName(), new Tensor(shape, values));
      }
    }
    return new Imported(config(tensors, nodesByName, producers, initializers, source), tensors);
  }

  private static String weightName(NodeProto matMul, Path source) {
    String node = matMul.getName();
    if (!node.startsWith("/") || !node.endsWith("/MatMul")) {
      throw new ModelFormatException(
          source,
          node,
          "cannot name the weight of this MatMul node (expected /<module path>/MatMul)");
    }
    return node.substring(1, node.length() - "MatMul".length()).replace('/', '.') + "weight";
  }

  private static BertConfig config(
      Map<String, Tensor> tensors,
      Map<String, NodeProto> nodes,
      Map<String, NodeProto> producers,
      Map<String, TensorProto> initializers,
      Path source) {
    long[] words = shapeOf(tensors, "embeddings.word_embeddings.weight", source);
    long[] positions = shapeOf(tensors, "embeddings.position_embeddings.weight", source);
    long[] types = shapeOf(tensors, "embeddings.token_type_embeddings.weight", source);
    long[] intermediate = shapeOf(tensors, "encoder.layer.0.intermediate.dense.bias", source);
    TreeSet<Integer> layers = new TreeSet<>();
    for (String name : tensors.keySet()) {
      Matcher m = LAYER.matcher(name);
      if (m.find()) {
        layers.add(Integer.parseInt(m.group(1)));
      }
    }
    if (layers.isEmpty() || layers.last() != layers.size() - 1) {
      throw new ModelFormatException(source, "encoder.layer.*", "layers missing or not numbered");
    }
    int hidden = (int) words[1];
    float divisor = constantInput(nodes, producers, initializers, SCORE_DIVISOR_NODE, source);
    int headSize = Math.round(divisor * divisor);
    if (headSize <= 0 || hidden % headSize != 0 || Math.abs(divisor * divisor - headSize) > 1e-3) {
      throw new ModelFormatException(
          source,
          SCORE_DIVISOR_NODE,
          "score divisor " + divisor + " is not the square root of a head size dividing " + hidden);
    }
    float epsilon = constantInput(nodes, producers, initializers, EPSILON_NODE, source);
    return new BertConfig(
        (int) words[0],
        hidden,
        layers.size(),
        hidden / headSize,
        (int) intermediate[0],
        (int) positions[0],
        (int) types[0],
        // The graph holds a float; its shortest decimal form is what config.json had (1e-12).
        Double.parseDouble(Float.toString(epsilon)));
  }

  private static long[] shapeOf(Map<String, Tensor> tensors, String name, Path source) {
    Tensor tensor = tensors.get(name);
    if (tensor == null) {
      throw new ModelFormatException(source, name, "missing; is this a BERT export?");
    }
    return tensor.shape();
  }

  /** The scalar constant among the inputs of the named node. */
  private static float constantInput(
      Map<String, NodeProto> nodes,
      Map<String, NodeProto> producers,
      Map<String, TensorProto> initializers,
      String nodeName,
      Path source) {
    NodeProto node = nodes.get(nodeName);
    if (node == null) {
      throw new ModelFormatException(source, nodeName, "node missing; is this a BERT export?");
    }
    for (String input : node.getInputList()) {
      Optional<TensorProto> constant =
          Optional.ofNullable(initializers.get(input))
              .or(
                  () ->
                      Optional.ofNullable(producers.get(input))
                          .filter(p -> p.getOpType().equals("Constant"))
                          .map(p -> p.getAttribute(0).getT()));
      if (constant.isPresent() && OnnxTensors.isFloat(constant.get())) {
        return OnnxTensors.scalar(constant.get());
      }
    }
    throw new ModelFormatException(source, nodeName, "has no scalar float constant input");
  }
}
