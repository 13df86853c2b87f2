package org.sycolab.backbone.torchscript;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.sycolab.backbone.ModelFormatException;
import org.sycolab.backbone.PaddedBatch;

/**
 * A loaded TorchScript module called as its sidecar says: the padded batch's tensors in the stated
 * order, the hidden states taken from the stated output and checked to be (B,T,H).
 */
final class TorchScriptModule implements AutoCloseable {

  private static final String[] NO_EXTRA_FILES = new String[0];

  /**
   * The widest hidden size believed without {@code hidden_size} in the sidecar: the largest models
   * have 16,384 units, and vocabularies (the width of logits) start at about 30,000.
   */
  private static final int WIDEST_HIDDEN = 16_384;

  private final Path file;
  private final TorchScriptSidecar sidecar;
  private final PtSymbolBlock block;
  private int hiddenSize;

  private TorchScriptModule(Path file, TorchScriptSidecar sidecar, PtSymbolBlock block) {
    this.file = file;
    this.sidecar = sidecar;
    this.block = block;
  }

  /**
   * Loads {@code file} onto {@code manager}'s device in evaluation mode; finds the hidden size by
   * running one one-token input when the sidecar does not state it.
   */
  static TorchScriptModule load(Path file, TorchScriptSidecar sidecar, PtNDManager manager)
      throws IOException {
    // Again, though describe checked it: native code runs from here, and files change.
    TorchScriptArchive.check(file);
    PtSymbolBlock block;
    try {
      // mapLocation: tensors saved on another device load onto this one; trainParam false: eval
      // mode, no gradients.
      block =
          JniUtils.loadModule(
              manager, file.toAbsolutePath(), true, NO_EXTRA_FILES, NO_EXTRA_FILES, false);
    } catch (EngineException e) {
      throw new ModelFormatException(file, "torch.jit.load", "failed: " + e.getMessage(), e);
    }
    TorchScriptModule module = new TorchScriptModule(file, sidecar, block);
    try {
      module.hiddenSize = sidecar.hiddenSize().orElseGet(() -> module.probeHiddenSize(manager));
      if (sidecar.hiddenSize().isEmpty() && module.hiddenSize > WIDEST_HIDDEN) {
        throw new ModelFormatException(
            file,
            sidecar.output().toString(),
            "is "
                + module.hiddenSize
                + " wide, which looks like a language model's logits rather than hidden states;"
                + " choose the hidden states with \"output\" in "
                + TorchScriptSidecar.FILE_NAME
                + " (or trace the base model), or state \"hidden_size\" there to accept it");
      }
      return module;
    } catch (RuntimeException e) {
      module.close();
      throw e;
    }
  }

  private int probeHiddenSize(PtNDManager manager) {
    try (PtNDManager scope = (PtNDManager) manager.newSubManager()) {
      PaddedBatch one = new PaddedBatch(1, 1, new long[] {0}, new long[] {0}, new long[] {1});
      return Math.toIntExact(run(scope, one).getShape().get(2));
    }
  }

  /** H, the last dimension of the hidden states. */
  int hiddenSize() {
    return hiddenSize;
  }

  /** The hidden states (B,T,H) of a padded batch, in the module's type, made in {@code scope}. */
  NDArray hiddenStates(PtNDManager scope, PaddedBatch batch) {
    NDArray hidden = run(scope, batch);
    if (hidden.getShape().get(2) != hiddenSize) {
      throw shapeError(hidden.getShape(), batch, Integer.toString(hiddenSize));
    }
    return hidden;
  }

  /** Runs forward and returns the selected output, checked to be (rows, length, anything). */
  private NDArray run(PtNDManager scope, PaddedBatch batch) {
    Shape shape = new Shape(batch.shape());
    List<IValue> arguments =
        sidecar.inputs().stream()
            .map(
                input ->
                    IValue.from(
                        (PtNDArray)
                            scope.create(
                                input == ModelInput.INPUT_IDS ? batch.ids() : batch.mask(), shape)))
            .toList();
    PtNDArray hidden;
    try (IValue result = forward(arguments)) {
      hidden = sidecar.output().select(result, scope, file);
    } finally {
      arguments.forEach(IValue::close);
    }
    Shape got = hidden.getShape();
    if (got.dimension() != 3 || got.get(0) != batch.rows() || got.get(1) != batch.length()) {
      throw shapeError(got, batch, "H");
    }
    return hidden;
  }

  private IValue forward(List<IValue> arguments) {
    try {
      return IValueUtils.runMethod(block, "forward", arguments.toArray(IValue[]::new));
    } catch (EngineException e) {
      throw new ModelFormatException(
          file,
          "forward",
          "failed when called with "
              + sidecar.inputs().stream().map(ModelInput::id).toList()
              + " (\"inputs\" in "
              + TorchScriptSidecar.FILE_NAME
              + "): "
              + e.getMessage()
              + (String.valueOf(e.getMessage()).contains("index out of range")
                  ? " (when the module has a position table shorter than the inputs, set"
                      + " \"max_length\" in "
                      + TorchScriptSidecar.FILE_NAME
                      + " or pass a smaller --max-length)"
                  : ""),
          e);
    }
  }

  private ModelFormatException shapeError(Shape got, PaddedBatch batch, String hidden) {
    return new ModelFormatException(
        file,
        sidecar.output().toString(),
        String.format(
            "expected hidden states (batch, tokens, hidden) = (%d, %d, %s), got shape %s"
                + " (\"output\" in %s)",
            batch.rows(), batch.length(), hidden, got, TorchScriptSidecar.FILE_NAME));
  }

  @Override
  public void close() {
    block.close();
  }
}
