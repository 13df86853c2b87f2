package org.sycolab.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.data.PairText;

/**
 * A backbone without a model, for testing what surrounds one: a text's "tokens" are its response's
 * characters and its vector is (length, first char, last char); every batch is recorded. It can
 * fail on a given batch, put a NaN in one, and run a hook before each.
 */
final class CountingBackbone implements Backbone {

  final List<List<Integer>> batchLengths = new ArrayList<>();
  int failOnBatch = -1;
  int nanOnBatch = -1;
  Runnable beforeBatch = () -> {};

  @Override
  public String fingerprint() {
    return "f".repeat(64);
  }

  @Override
  public int dimension() {
    return 3;
  }

  @Override
  public TokenizedInput tokenize(PairText text) {
    long[] ids = text.response().chars().asLongStream().toArray();
    return new TokenizedInput(ids, new long[ids.length]);
  }

  @Override
  public float[][] embed(List<TokenizedInput> batch) {
    if (batchLengths.size() == failOnBatch) {
      throw new IllegalStateException("interrupted on purpose");
    }
    beforeBatch.run();
    float[][] vectors = batch.stream().map(CountingBackbone::vector).toArray(float[][]::new);
    if (batchLengths.size() == nanOnBatch) {
      vectors[vectors.length - 1][1] = Float.NaN;
    }
    batchLengths.add(batch.stream().map(TokenizedInput::length).toList());
    return vectors;
  }

  /** The vector this backbone gives a tokenized input. */
  static float[] vector(TokenizedInput input) {
    long[] ids = input.ids();
    return new float[] {ids.length, ids[0], ids[ids.length - 1]};
  }

  int computed() {
    return batchLengths.stream().mapToInt(List::size).sum();
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return "CountingBackbone" + Arrays.toString(batchLengths.toArray());
  }
}
