package org.sycolab.backbone.decoder;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.sycolab.backbone.WeightBinder;
import org.sycolab.backbone.safetensors.ShardedSafetensors;
import org.sycolab.data.PairText;

/**
 * A causal language model loaded to score responses: renders a conversation and its response with
 * the model's chat template, and gives the log-probability of each counted token ({@link
 * ScoredSequence}) given everything before it.
 */
public final class ResponseScorer implements AutoCloseable {

  private final CausalModelSpec spec;
  private final NDManager manager;
  private final CausalLanguageModel model;
  private final ParameterStore store;
  private final DecoderTokenizer tokenizer;

  private ResponseScorer(
      CausalModelSpec spec,
      NDManager manager,
      CausalLanguageModel model,
      DecoderTokenizer tokenizer) {
    this.spec = spec;
    this.manager = manager;
    this.model = model;
    this.store = new ParameterStore(manager, false);
    this.tokenizer = tokenizer;
  }

  /** Loads a described model onto {@code device}, its weights converted to its precision. */
  public static ResponseScorer load(CausalModelSpec spec, Device device) throws IOException {
    CausalLanguageModel model = new CausalLanguageModel(spec.decoder(), spec.tiedEmbeddings());
    NDManager manager = NDManager.newBaseManager(device);
    try (ShardedSafetensors weights = spec.directory().openWeights()) {
      WeightBinder.bind(model, weights, manager, spec.precision());
      // The tokenizer comes last: nothing after it can fail and leave it open.
      return new ResponseScorer(
          spec, manager, model, DecoderTokenizer.load(spec.directory().path(), spec.maxLength()));
    } catch (RuntimeException | IOException e) {
      manager.close();
      throw e;
    }
  }

  /** The ids that score {@code text}'s response, cut to the model's maximum length. */
  public ScoredSequence sequence(PairText text) {
    return ScoredSequence.fit(tokenizer.render(text), spec.maxLength());
  }

  /**
   * The log-probability of each counted token of each sequence, in order, in one forward pass over
   * the batch right-padded to its longest sequence.
   */
  public float[][] logProbabilities(List<ScoredSequence> batch) {
    int rows = batch.size();
    int length = batch.stream().mapToInt(s -> s.ids().length).max().orElseThrow();
    int counted = batch.stream().mapToInt(ScoredSequence::counted).sum();
    long[] ids = new long[rows * length];
    long[] mask = new long[rows * length];
    long[] positions = new long[counted];
    long[] targets = new long[counted];
    int at = 0;
    for (int row = 0; row < rows; row++) {
      long[] sequence = batch.get(row).ids();
      System.arraycopy(sequence, 0, ids, row * length, sequence.length);
      Arrays.fill(mask, row * length, row * length + sequence.length, 1L);
      for (int t = batch.get(row).firstCounted(); t < sequence.length; t++) {
        // The state at t-1 predicts the token at t.
        positions[at] = (long) row * length + t - 1;
        targets[at] = sequence[t];
        at++;
      }
    }
    float[] flat;
    try (NDManager scope = manager.newSubManager()) {
      Shape shape = new Shape(rows, length);
      NDList inputs =
          new NDList(
              scope.create(ids, shape),
              scope.create(mask, shape),
              scope.create(positions),
              scope.create(targets));
      NDArray logProbabilities = model.forward(store, inputs, false).singletonOrThrow();
      flat = logProbabilities.toFloatArray();
    }
    float[][] out = new float[rows][];
    at = 0;
    for (int row = 0; row < rows; row++) {
      out[row] = Arrays.copyOfRange(flat, at, at + batch.get(row).counted());
      at += out[row].length;
    }
    return out;
  }

  @Override
  public void close() {
    tokenizer.close();
    manager.close();
  }
}
