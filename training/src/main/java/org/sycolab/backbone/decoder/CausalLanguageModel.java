package org.sycolab.backbone.decoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.sycolab.backbone.NamedBlock;

/**
 * A Llama-family decoder with its language-model head, giving the log-probability of chosen tokens
 * at chosen positions: Hugging Face's {@code LlamaForCausalLM}, {@code Qwen2ForCausalLM} and {@code
 * MistralForCausalLM}, whose logits are {@code hidden · Wᵀ} with W the {@code lm_head.weight}
 * (V,H), or the token embedding when the word embeddings are tied.
 *
 * <p>Inputs: token ids (B,T) and attention mask (B,T), right-padded as for {@link DecoderModel};
 * positions (N) int64, each {@code b·T + t}, the flat index of a hidden state that predicts a
 * token; targets (N) int64, the token each of those states predicts. Output: (N) float32, {@code
 * log softmax(logits)[target]} at each position. Only the asked-for positions are projected onto
 * the vocabulary, at most {@link #CHUNK} at a time, so the logits take (CHUNK,V), never (B,T,V).
 * The projection runs in the weights' type; the log-softmax always in float32.
 */
public final class CausalLanguageModel extends NamedBlock {

  /** The most positions projected onto the vocabulary at once. */
  public static final int CHUNK = 512;

  private final DecoderModel decoder;
  private final Parameter output;

  /**
   * A model with unset parameters; bind weights (names as in the checkpoint: {@code model.…} and
   * {@code lm_head.weight}) before the first forward pass.
   *
   * @param tiedEmbeddings whether the output head is the token embedding (config.json's {@code
   *     tie_word_embeddings}); when false the checkpoint must hold {@code lm_head.weight}
   */
  public CausalLanguageModel(DecoderConfig config, boolean tiedEmbeddings) {
    Parameter head =
        tiedEmbeddings
            ? null
            : tensor("lm_head.weight", new Shape(config.vocabSize(), config.hiddenSize()));
    decoder = child("model", new DecoderModel(config));
    output = tiedEmbeddings ? decoder.embedding() : head;
  }

  /** The decoder's architecture. */
  public DecoderConfig config() {
    return decoder.config();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray ids = inputs.get(0);
    NDArray positions = inputs.get(2);
    NDArray targets = inputs.get(3);
    NDArray hidden =
        decoder.forward(store, new NDList(ids, inputs.get(1)), training).singletonOrThrow();
    // Only the positions that predict a counted token go on: (N,H).
    NDArray states = hidden.reshape(-1, config().hiddenSize()).get(new NDIndex("{}", positions));
    hidden.close();
    NDArray weight = store.getValue(output, ids.getDevice(), training);
    long count = positions.size();
    NDList parts = new NDList();
    for (long start = 0; start < count; start += CHUNK) {
      long end = Math.min(count, start + CHUNK);
      try (NDManager chunk = ids.getManager().newSubManager()) {
        NDArray rows = states.get(start + ":" + end);
        NDArray wanted = targets.get(start + ":" + end).reshape(-1, 1);
        rows.attach(chunk);
        wanted.attach(chunk);
        NDArray logits = Linear.linear(rows, weight).singletonOrThrow();
        NDArray logProbabilities = logits.toType(DataType.FLOAT32, false).logSoftmax(1);
        NDArray picked = logProbabilities.gather(wanted, 1).reshape(-1);
        picked.attach(ids.getManager());
        parts.add(picked);
      }
    }
    states.close();
    return new NDList(parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[2]};
  }
}
