package org.sycolab.backbone.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sycolab.backbone.BuiltinModel;
import org.sycolab.backbone.NamedBlock;
import org.sycolab.backbone.bert.BertConfig;
import org.sycolab.backbone.bert.BertEncoder;

class OnnxBertImportTest {

  private static OnnxBertImport.Imported imported;
  private static ModelProto model;

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in = BuiltinModel.MINILM.onnx().orElseThrow().openStream()) {
      imported = OnnxBertImport.read(in, Path.of("all-minilm-l6-v2.onnx"));
    }
    try (InputStream in = BuiltinModel.MINILM.onnx().orElseThrow().openStream()) {
      model = ModelProto.parseFrom(in);
    }
  }

  @Test
  void theConfigIsAllMiniLmL6V2s() {
    // Published in sentence-transformers/all-MiniLM-L6-v2's config.json.
    assertThat(imported.config()).isEqualTo(new BertConfig(30522, 384, 6, 12, 1536, 512, 2, 1e-12));
  }

  @Test
  void everyTensorTheEncoderNeedsIsThereWithItsShape() {
    Map<String, NamedBlock.Slot> slots = new LinkedHashMap<>();
    new BertEncoder(imported.config()).collectTensors("", slots);
    assertThat(imported.tensors().keySet()).containsExactlyInAnyOrderElementsOf(slots.keySet());
    slots.forEach(
        (name, slot) ->
            assertThat(imported.tensors().get(name).shape())
                .as(name)
                .containsExactly(slot.shape().getShape()));
  }

  @Test
  void matMulWeightsAreTransposedBackToOutByIn() {
    String weightInput = null;
    for (NodeProto node : model.getGraph().getNodeList()) {
      if (node.getName().equals("/encoder/layer.3/intermediate/dense/MatMul")) {
        weightInput = node.getInput(1);
      }
    }
    TensorProto stored = null;
    for (TensorProto t : model.getGraph().getInitializerList()) {
      if (t.getName().equals(weightInput)) {
        stored = t;
      }
    }
    assertThat(stored).isNotNull();
    assertThat(stored.getDimsList()).containsExactly(384L, 1536L);
    float[] onnx = OnnxTensors.floats(stored);
    OnnxBertImport.Tensor hf = imported.tensors().get("encoder.layer.3.intermediate.dense.weight");
    assertThat(hf.shape()).containsExactly(1536, 384);
    for (int[] ij : new int[][] {{0, 0}, {5, 17}, {1535, 383}, {700, 2}}) {
      int out = ij[0];
      int in = ij[1];
      assertThat(hf.values()[out * 384 + in]).isEqualTo(onnx[in * 1536 + out]);
    }
  }
}
