package org.sycolab.heads;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/** Scores feature vectors with a head on a device, in chunks so memory stays bounded. */
public final class HeadScorer implements AutoCloseable {

  private static final int CHUNK_ROWS = 16_384;

  private final NDManager manager;
  private final RewardHead head;
  private final ParameterStore store;

  /** Puts {@code weights} on {@code device}. */
  public HeadScorer(HeadWeights weights, Device device) {
    manager = NDManager.newBaseManager(device, "PyTorch");
    head = RewardHead.of(weights, manager, false);
    store = new ParameterStore(manager, false);
  }

  /** One score per vector, in order. */
  public float[] score(float[][] vectors) {
    int d = head.architecture().inputDimension();
    float[] scores = new float[vectors.length];
    for (int from = 0; from < vectors.length; from += CHUNK_ROWS) {
      int to = Math.min(from + CHUNK_ROWS, vectors.length);
      float[] rows = new float[(to - from) * d];
      for (int i = from; i < to; i++) {
        if (vectors[i].length != d) {
          throw new IllegalArgumentException(
              "vector " + i + " has dimension " + vectors[i].length + ", the head expects " + d);
        }
        System.arraycopy(vectors[i], 0, rows, (i - from) * d, d);
      }
      System.arraycopy(forward(rows, new Shape(to - from, d)), 0, scores, from, to - from);
    }
    return scores;
  }

  /** Interleaved chosen/rejected scores of every pair, as {@link BradleyTerry} takes them. */
  public float[] score(FeaturePairs pairs) {
    int d = head.architecture().inputDimension();
    if (pairs.dimension() != d) {
      throw new IllegalArgumentException(
          "features have dimension " + pairs.dimension() + ", the head expects " + d);
    }
    float[] values = pairs.values();
    float[] scores = new float[2 * pairs.size()];
    for (int from = 0; from < scores.length; from += CHUNK_ROWS) {
      int to = Math.min(from + CHUNK_ROWS, scores.length);
      float[] rows = new float[(to - from) * d];
      System.arraycopy(values, from * d, rows, 0, rows.length);
      System.arraycopy(forward(rows, new Shape(to - from, d)), 0, scores, from, to - from);
    }
    return scores;
  }

  private float[] forward(float[] rows, Shape shape) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray input = scope.create(rows, shape);
      return head.forward(store, new NDList(input), false).singletonOrThrow().toFloatArray();
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
