package org.sycolab.backbone.reward;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.backbone.Truncation;
import org.sycolab.data.PairText;

/**
 * A reward model's backbone as {@code score} reads it. Its inputs end at their last token that is
 * not the padding token: transformers (since 4.48) reads a sequence classifier's reward at the
 * rightmost token other than {@code pad_token_id}, so a chat template that closes with that token
 * (a model whose padding token is its end of turn) is scored one token earlier. Attention is
 * causal, so dropping the trailing tokens leaves the states before them as they were; at least one
 * token is kept. A response too long to keep whole is refused as a {@link TextTooLongException}
 * that holds its text.
 */
public final class RewardBackbone implements Backbone {

  private final Backbone model;
  private final OptionalInt padTokenId;
  private final AtomicInteger padInside = new AtomicInteger();

  RewardBackbone(Backbone model, OptionalInt padTokenId) {
    this.model = model;
    this.padTokenId = padTokenId;
  }

  @Override
  public String fingerprint() {
    return model.fingerprint();
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public TokenizedInput tokenize(PairText text) {
    TokenizedInput input;
    try {
      input = model.tokenize(text);
    } catch (Truncation.ResponseTooLongException e) {
      throw new TextTooLongException(text, e);
    }
    if (padTokenId.isEmpty()) {
      return input;
    }
    long[] ids = input.ids();
    int pad = padTokenId.getAsInt();
    int end = ids.length;
    while (end > 1 && ids[end - 1] == pad) {
      end--;
    }
    for (int i = 0; i < end; i++) {
      if (ids[i] == pad) {
        padInside.incrementAndGet();
        break;
      }
    }
    return end == ids.length
        ? input
        : new TokenizedInput(Arrays.copyOf(ids, end), Arrays.copyOf(input.typeIds(), end));
  }

  /**
   * How many of the texts tokenised so far hold the padding token before their last token: there
   * transformers before 4.48, which read the reward before the first padding token, gives another
   * reward than sycolab and later transformers.
   */
  public int paddingInside() {
    return padInside.get();
  }

  /** The padding token, when the model has one. */
  public OptionalInt padTokenId() {
    return padTokenId;
  }

  @Override
  public float[][] embed(List<TokenizedInput> batch) {
    return model.embed(batch);
  }

  @Override
  public void close() {
    model.close();
  }
}
