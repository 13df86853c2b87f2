package org.sycolab.backbone.torchscript;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.BackboneOptions;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.PaddedBatch;
import org.sycolab.backbone.PairText;
import org.sycolab.backbone.Pooler;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.backbone.decoder.DecoderTokenizer;

/**
 * A model exported with {@code torch.jit.trace}, run by DJL's PyTorch engine: pairs tokenised as
 * the model's chat template renders them, right-padded, and the module's hidden states pooled.
 */
public final class TorchScriptBackbone implements Backbone {

  private final String fingerprint;
  private final BackboneOptions options;
  private final PtNDManager manager;
  private final TorchScriptModule module;
  private final DecoderTokenizer tokenizer;

  private TorchScriptBackbone(
      BackboneSpec spec,
      PtNDManager manager,
      TorchScriptModule module,
      DecoderTokenizer tokenizer) {
    this.fingerprint = spec.fingerprint();
    this.options = spec.options();
    this.manager = manager;
    this.module = module;
    this.tokenizer = tokenizer;
  }

  /**
   * Loads a module described by {@link TorchScriptModel#describe} onto {@code device}: the
   * tokenizer, then the module (probing its hidden size when the sidecar does not state it).
   */
  public static TorchScriptBackbone load(BackboneSpec spec, Device device) throws IOException {
    Path file = Path.of(spec.reference());
    TorchScriptSidecar sidecar = TorchScriptSidecar.read(file);
    PtNDManager manager = (PtNDManager) Engine.getEngine("PyTorch").newBaseManager(device);
    DecoderTokenizer tokenizer = null;
    try {
      tokenizer = DecoderTokenizer.load(spec.directory().path(), spec.options().maxLength());
      TorchScriptModule module = TorchScriptModule.load(file, sidecar, manager);
      return new TorchScriptBackbone(spec, manager, module, tokenizer);
    } catch (RuntimeException | IOException e) {
      if (tokenizer != null) {
        tokenizer.close();
      }
      manager.close();
      throw e;
    }
  }

  @Override
  public String fingerprint() {
    return fingerprint;
  }

  @Override
  public int dimension() {
    return module.hiddenSize();
  }

  @Override
  public TokenizedInput tokenize(PairText text) {
    return tokenizer.tokenize(text);
  }

  @Override
  public float[][] embed(List<TokenizedInput> batch) {
    PaddedBatch padded = PaddedBatch.of(batch);
    try (PtNDManager scope = (PtNDManager) manager.newSubManager()) {
      NDArray hidden = module.hiddenStates(scope, padded);
      NDArray mask = scope.create(padded.mask(), new Shape(padded.shape()));
      return Pooler.pool(hidden, mask, options);
    }
  }

  @Override
  public void close() {
    module.close();
    tokenizer.close();
    manager.close();
  }
}
