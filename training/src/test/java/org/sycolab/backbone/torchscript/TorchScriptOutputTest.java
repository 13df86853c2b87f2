package org.sycolab.backbone.torchscript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.TokenizedInput;

/**
 * How the sidecar's call description meets the fixture module, which returns {@code (hidden_states
 * (B,T,32), logits (B,T,300))}.
 */
class TorchScriptOutputTest {

  @TempDir Path tmp;

  private TorchScriptBackbone load(String sidecar) throws Exception {
    Path module = TorchScriptFixture.write(Files.createTempDirectory(tmp, "model"));
    TorchScriptFixture.writeSidecar(module, sidecar);
    return TorchScriptBackbone.load(
        TorchScriptFixture.describe(module, TorchScriptFixture.RAW), Device.cpu());
  }

  private static List<TokenizedInput> oneInput() {
    return List.of(new TokenizedInput(new long[] {5, 17, 42}, new long[3]));
  }

  @Test
  void theOutputIndexSelectsTheTensor() throws Exception {
    try (TorchScriptBackbone hidden = load("{\"output\": 0}")) {
      assertThat(hidden.dimension()).isEqualTo(TorchScriptFixture.WIDTH);
      assertThat(hidden.embed(oneInput())[0]).hasSize(TorchScriptFixture.WIDTH);
    }
    try (TorchScriptBackbone logits = load("{\"output\": 1}")) {
      assertThat(logits.dimension()).isEqualTo(TorchScriptFixture.VOCAB);
      assertThat(logits.embed(oneInput())[0]).hasSize(TorchScriptFixture.VOCAB);
    }
  }

  @Test
  void anIndexPastTheTupleIsAnErrorNamingTheFileAndOutput() {
    assertThatThrownBy(() -> load("{\"output\": 2}"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("model.pt")
        .hasMessageContaining("output 2")
        .hasMessageContaining("2 elements");
  }

  @Test
  void aDictKeyForATupleIsAnError() {
    assertThatThrownBy(() -> load("{\"output\": \"last_hidden_state\"}"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("output \"last_hidden_state\"")
        .hasMessageContaining("not a dict");
  }

  @Test
  void aStatedHiddenSizeThatDisagreesNamesTheShapeGot() throws Exception {
    try (TorchScriptBackbone backbone = load("{\"hidden_size\": 16}")) {
      assertThat(backbone.dimension()).isEqualTo(16);
      assertThatThrownBy(() -> backbone.embed(oneInput()))
          .isInstanceOf(ModelFormatException.class)
          .hasMessageContaining("model.pt")
          .hasMessageContaining("output 0")
          .hasMessageContaining("(1, 3, 16)")
          .hasMessageContaining("(1, 3, 32)");
    }
  }

  @Test
  void inputsThatDoNotMatchForwardFailAtLoadWithTheInputsNamed() {
    assertThatThrownBy(() -> load("{\"inputs\": [\"input_ids\"]}"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("model.pt")
        .hasMessageContaining("forward")
        .hasMessageContaining("[input_ids]");
  }

  private TorchScriptBackbone loadDictOutput(String sidecar) throws Exception {
    Path module = TorchScriptFixture.writeDictOutput(Files.createTempDirectory(tmp, "dict"));
    TorchScriptFixture.writeSidecar(module, sidecar);
    return TorchScriptBackbone.load(
        TorchScriptFixture.describe(module, TorchScriptFixture.RAW), Device.cpu());
  }

  @Test
  void aDictKeySelectsTheTensor() throws Exception {
    try (TorchScriptBackbone backbone = loadDictOutput("{\"output\": \"hidden_states\"}")) {
      assertThat(backbone.dimension()).isEqualTo(8);
      assertThat(backbone.embed(oneInput())[0]).hasSize(8);
    }
  }

  @Test
  void aDictWithoutTheKeyListsItsKeys() {
    assertThatThrownBy(() -> loadDictOutput("{\"output\": \"last_hidden_state\"}"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("dict-output.pt")
        .hasMessageContaining("[hidden_states, pooled]");
    assertThatThrownBy(() -> loadDictOutput("{\"output\": 0}"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("returned a dict; set output to one of its keys");
  }

  @Test
  void anOutputThatIsNotPerTokenNamesTheShapeGot() {
    assertThatThrownBy(() -> loadDictOutput("{\"output\": \"pooled\"}"))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("output \"pooled\"")
        .hasMessageContaining("got shape (1, 8)");
  }
}
