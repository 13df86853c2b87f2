package org.sycolab.backbone.torchscript;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import java.io.IOException;
import java.nio.file.Path;
import org.sycolab.backbone.BackboneSpec;
import org.sycolab.backbone.PaddedBatch;
import org.sycolab.backbone.PoolingBackbone;
import org.sycolab.backbone.decoder.DecoderTokenizer;

/**
 * A model exported with {@code torch.jit.trace}, run by DJL's PyTorch engine: pairs tokenised as
 * the model's chat template renders them, right-padded, and the module's hidden states pooled.
 */
public final class TorchScriptBackbone extends PoolingBackbone {

  private final TorchScriptModule module;

  private TorchScriptBackbone(
      BackboneSpec spec,
      PtNDManager manager,
      TorchScriptModule module,
      DecoderTokenizer tokenizer) {
    super(spec, manager, tokenizer);
    this.module = module;
  }

  /**
   * Loads a module described by {@link TorchScriptModel#describe} onto {@code device}: the module
   * (probing its hidden size when the sidecar does not state it), then the tokenizer.
   */
  public static TorchScriptBackbone load(BackboneSpec spec, Device device) throws IOException {
    Path file = Path.of(spec.reference());
    TorchScriptSidecar sidecar = TorchScriptSidecar.read(file);
    PtNDManager manager = (PtNDManager) Engine.getEngine("PyTorch").newBaseManager(device);
    TorchScriptModule module = null;
    try {
      module = TorchScriptModule.load(file, sidecar, manager);
      return new TorchScriptBackbone(
          spec,
          manager,
          module,
          DecoderTokenizer.load(spec.directory().path(), spec.options().maxLength()));
    } catch (RuntimeException | IOException e) {
      if (module != null) {
        module.close();
      }
      manager.close();
      throw e;
    }
  }

  @Override
  public int dimension() {
    return module.hiddenSize();
  }

  @Override
  protected NDArray hiddenStates(NDManager scope, PaddedBatch padded) {
    return module.hiddenStates((PtNDManager) scope, padded);
  }

  @Override
  public void close() {
    module.close();
    super.close();
  }
}
