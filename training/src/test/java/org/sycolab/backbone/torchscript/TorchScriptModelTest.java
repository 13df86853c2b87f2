package org.sycolab.backbone.torchscript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.Pooling;
import org.sycolab.backbone.Precision;
import org.sycolab.backbone.decoder.TinyTokenizer;

/** Describing a TorchScript module without loading it: checks, options and fingerprint. */
class TorchScriptModelTest {

  @TempDir Path tmp;

  @Test
  void aModuleIsDescribedWithTheSidecarsPoolingAndLengthCap() throws Exception {
    Path module = TorchScriptFixture.write(tmp);
    TorchScriptFixture.writeSidecar(module, "{\"pooling\": \"mean\", \"max_length\": 32}");
    BackboneSpec spec = TorchScriptFixture.describe(module, new BackboneOptions(null, true, 256));
    assertThat(spec.modelType()).isEqualTo(TorchScriptModel.MODEL_TYPE);
    assertThat(spec.directory().path()).isEqualTo(tmp.toAbsolutePath());
    assertThat(spec.options().pooling()).isEqualTo(Pooling.MEAN);
    assertThat(spec.options().maxLength()).isEqualTo(32);
    BackboneSpec asked =
        TorchScriptFixture.describe(module, new BackboneOptions(Pooling.CLS, true, 16));
    assertThat(asked.options().pooling()).isEqualTo(Pooling.CLS);
    assertThat(asked.options().maxLength()).isEqualTo(16);
  }

  @Test
  void theFingerprintFollowsTheSidecarTheFilesAndTheOptions() throws Exception {
    Path module = TorchScriptFixture.write(tmp);
    String original = TorchScriptFixture.describe(module, TorchScriptFixture.RAW).fingerprint();
    assertThat(TorchScriptFixture.describe(module, TorchScriptFixture.RAW).fingerprint())
        .isEqualTo(original);

    TorchScriptFixture.writeSidecar(module, "{\"output\": 0, \"hidden_size\": 32}");
    String editedSidecar =
        TorchScriptFixture.describe(module, TorchScriptFixture.RAW).fingerprint();
    Files.delete(TorchScriptSidecar.fileFor(module));
    String noSidecar = TorchScriptFixture.describe(module, TorchScriptFixture.RAW).fingerprint();
    String normalized =
        TorchScriptFixture.describe(module, new BackboneOptions(null, true, 64)).fingerprint();
    TinyTokenizer.writeConfig(tmp, TinyTokenizer.QWEN25_TEMPLATE, null);
    String chatTemplate = TorchScriptFixture.describe(module, TorchScriptFixture.RAW).fingerprint();

    assertThat(Set.of(original, editedSidecar, noSidecar, normalized, chatTemplate)).hasSize(5);
  }

  @Test
  void aTorchSaveCheckpointIsRefusedWithTheReason() throws Exception {
    Path pickle = TorchScriptFixture.copy("not-torchscript.pt", tmp);
    TinyTokenizer.write(tmp, false);
    assertThatThrownBy(() -> TorchScriptFixture.describe(pickle, TorchScriptFixture.RAW))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("not-torchscript.pt")
        .hasMessageContaining("is not a TorchScript module")
        .hasMessageContaining("holds weights, not a runnable module")
        .hasMessageContaining("torch.jit.trace");
  }

  @Test
  void aFileThatIsNotAnArchiveIsRefused() throws Exception {
    Path legacy = tmp.resolve("legacy.pt");
    Files.write(legacy, new byte[] {(byte) 0x80, 2, 'c', 'x'});
    assertThatThrownBy(() -> TorchScriptFixture.describe(legacy, TorchScriptFixture.RAW))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining("legacy.pt")
        .hasMessageContaining("is not a TorchScript module (not a zip archive)");
  }

  @Test
  void aMissingTokenizerIsNamed() throws Exception {
    Path module = TorchScriptFixture.write(tmp);
    Files.delete(tmp.resolve("tokenizer.json"));
    assertThatThrownBy(() -> TorchScriptFixture.describe(module, TorchScriptFixture.RAW))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(tmp.resolve("tokenizer.json").toAbsolutePath().toString())
        .hasMessageContaining("missing");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"output\": -1}                          | output",
        "{\"output\": 1.5}                         | output",
        "{\"pooling\": \"max\"}                    | pooling",
        "{\"inputs\": [\"token_type_ids\"]}        | inputs",
        "{\"inputs\": [\"attention_mask\"]}        | inputs",
        "{\"inputs\": [\"input_ids\", \"input_ids\"]} | inputs",
        "{\"hidden_size\": \"32\"}                 | hidden_size",
        "{\"max_length\": 4}                       | max_length",
        "{\"outputs\": 0}                          | outputs",
      })
  void aBadSidecarFieldNamesTheFileAndField(String sidecar, String field) throws Exception {
    Path module = TorchScriptFixture.write(tmp);
    TorchScriptFixture.writeSidecar(module, sidecar);
    assertThatThrownBy(() -> TorchScriptFixture.describe(module, TorchScriptFixture.RAW))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageContaining(TorchScriptSidecar.FILE_NAME + ": " + field + ": ");
  }

  @Test
  void float16IsRefusedWithTheAlternative() throws Exception {
    Path module = TorchScriptFixture.write(tmp);
    assertThatThrownBy(
            () ->
                TorchScriptFixture.describe(
                    module, new BackboneOptions(null, true, 64, Precision.FLOAT16)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("float16")
        .hasMessageContaining("model.half()");
  }

  @Test
  void referencesAreExistingFilesWithATorchScriptExtension() throws Exception {
    Path module = TorchScriptFixture.write(tmp);
    Path other = Files.writeString(tmp.resolve("model.bin"), "x");
    assertThat(TorchScriptModel.isTorchScriptReference(module.toString())).isTrue();
    assertThat(TorchScriptModel.isTorchScriptReference(other.toString())).isFalse();
    assertThat(TorchScriptModel.isTorchScriptReference(tmp.resolve("gone.pt").toString()))
        .isFalse();
    assertThat(TorchScriptModel.isTorchScriptReference(tmp.toString())).isFalse();
    assertThat(TorchScriptModel.isTorchScriptReference("builtin:minilm")).isFalse();
  }
}
