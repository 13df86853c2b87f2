package org.sycolab.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.sycolab.data.PairText;

/**
 * What every architecture shares: tokenise a pair, run the model over a right-padded batch in a
 * scope of its own, and pool the hidden states as the options say. Subclasses supply the hidden
 * states.
 */
public abstract class PoolingBackbone implements Backbone {

  private final String fingerprint;
  private final BackboneOptions options;
  private final NDManager manager;
  private final PairTokenizer tokenizer;

  /**
   * Takes ownership of {@code manager} (holding the model's weights) and {@code tokenizer}, both
   * closed by {@link #close()}.
   */
  protected PoolingBackbone(BackboneSpec spec, NDManager manager, PairTokenizer tokenizer) {
    this.fingerprint = spec.fingerprint();
    this.options = spec.options();
    this.manager = manager;
    this.tokenizer = tokenizer;
  }

  /** The hidden states (B,T,H) of a padded batch, created in {@code scope}. */
  protected abstract NDArray hiddenStates(NDManager scope, PaddedBatch batch);

  @Override
  public final String fingerprint() {
    return fingerprint;
  }

  @Override
  public final TokenizedInput tokenize(PairText text) {
    return tokenizer.tokenize(text);
  }

  @Override
  public final float[][] embed(List<TokenizedInput> batch) {
    PaddedBatch padded = PaddedBatch.of(batch);
    try (NDManager scope = manager.newSubManager()) {
      NDArray hidden = hiddenStates(scope, padded);
      NDArray mask = scope.create(padded.mask(), new Shape(padded.shape()));
      float[][] vectors = Pooler.pool(hidden, mask, options);
      requireFinite(vectors);
      return vectors;
    }
  }

  /** Refuses vectors with NaN or infinity rather than let them into the cache. */
  private void requireFinite(float[][] vectors) {
    for (float[] vector : vectors) {
      for (float value : vector) {
        if (!Float.isFinite(value)) {
          throw new IllegalStateException(
              "the model produced non-finite vectors"
                  + (options.precision() == Precision.FLOAT32
                      ? ""
                      : " in "
                          + options.precision().id()
                          + ", whose range models trained in bfloat16 can overflow; use --dtype"
                          + " float32"));
        }
      }
    }
  }

  /**
   * The hidden states (B,T,H) of a batch padded to its longest input, as float32, flattened
   * row-major: what pooling reads, exposed for checks against a reference implementation.
   */
  public final float[] lastHiddenState(List<TokenizedInput> batch) {
    try (NDManager scope = manager.newSubManager()) {
      return hiddenStates(scope, PaddedBatch.of(batch))
          .toType(DataType.FLOAT32, false)
          .toFloatArray();
    }
  }

  @Override
  public void close() {
    tokenizer.close();
    manager.close();
  }
}
