package org.sycolab.backbone.torchscript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.WeightDigests;
import org.sycolab.backbone.decoder.TinyTokenizer;

/**
 * The committed output of {@code scripts/make-torchscript-fixture} (a tiny traced causal decoder,
 * width 32, vocabulary 300, returning {@code (hidden_states, logits)}), set up as a user would:
 * {@code model.pt}, its {@code torchscript.json} and a tiny {@code tokenizer.json} in one
 * directory. Also a module that returns a dict.
 */
public final class TorchScriptFixture {

  /** The fixture model's hidden size. */
  public static final int WIDTH = 32;

  /** Its vocabulary size, the width of its second output (logits). */
  static final int VOCAB = 300;

  /** Last-token pooling (the sidecar's default), no normalisation: raw hidden states. */
  static final BackboneOptions RAW = new BackboneOptions(null, false, 64);

  private static final ObjectMapper JSON = new ObjectMapper();

  private TorchScriptFixture() {}

  /** Writes the model directory into {@code dir} and returns the module's path. */
  public static Path write(Path dir) throws IOException {
    Files.createDirectories(dir);
    copy("model.pt", dir);
    copy(TorchScriptSidecar.FILE_NAME, dir);
    TinyTokenizer.write(dir, false);
    return dir.resolve("model.pt");
  }

  /**
   * Writes {@code dict-output.pt}, whose forward returns {@code {"hidden_states": (B,T,8),
   * "pooled": (B,8)}}, with a tokenizer into {@code dir} and returns the module's path.
   */
  static Path writeDictOutput(Path dir) throws IOException {
    Files.createDirectories(dir);
    TinyTokenizer.write(dir, false);
    return copy("dict-output.pt", dir);
  }

  /** Copies one fixture file into {@code dir} and returns the copy. */
  static Path copy(String name, Path dir) throws IOException {
    Path target = dir.resolve(name);
    try (InputStream in = TorchScriptFixture.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      Files.copy(in, target);
    }
    return target;
  }

  /** Replaces the sidecar beside {@code module} with {@code json}. */
  static void writeSidecar(Path module, String json) throws IOException {
    Files.writeString(TorchScriptSidecar.fileFor(module), json);
  }

  /** Describes {@code module} as sycolab would for {@code sycolab embed --model module}. */
  static BackboneSpec describe(Path module, BackboneOptions options) throws IOException {
    return TorchScriptModel.describe(
        module.toString(), options, WeightDigests.under(module.getParent().resolve("cache")));
  }

  /** A fixed token-id sequence and PyTorch's hidden state at its last token. */
  record Expected(long[] ids, float[] lastHidden) {}

  /** What {@code expected.json} holds: PyTorch 1.13's outputs for the fixed sequences. */
  static List<Expected> expected() {
    try (InputStream in = TorchScriptFixture.class.getResourceAsStream("expected.json")) {
      JsonNode root = JSON.readTree(in);
      List<Expected> out = new ArrayList<>();
      for (JsonNode sequence : root.get("sequences")) {
        long[] ids = new long[sequence.get("ids").size()];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = sequence.get("ids").get(i).longValue();
        }
        float[] hidden = new float[sequence.get("last_hidden").size()];
        for (int i = 0; i < hidden.length; i++) {
          hidden[i] = sequence.get("last_hidden").get(i).floatValue();
        }
        out.add(new Expected(ids, hidden));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
