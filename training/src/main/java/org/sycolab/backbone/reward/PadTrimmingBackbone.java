package org.sycolab.backbone.reward;

import java.util.Arrays;
import java.util.List;
import org.sycolab.backbone.Backbone;
import org.sycolab.backbone.TokenizedInput;
import org.sycolab.data.PairText;

/**
 * A decoder whose inputs end at their last token that is not the padding token: transformers reads
 * a sequence classifier's reward at the rightmost token other than {@code pad_token_id}, so a chat
 * template that closes with that token (a model whose padding token is its end of turn) is scored
 * one token earlier. Attention is causal, so dropping the trailing tokens leaves the states before
 * them as they were. At least one token is kept.
 */
final class PadTrimmingBackbone implements Backbone {

  private final Backbone decoder;
  private final long padTokenId;

  PadTrimmingBackbone(Backbone decoder, long padTokenId) {
    this.decoder = decoder;
    this.padTokenId = padTokenId;
  }

  @Override
  public String fingerprint() {
    return decoder.fingerprint();
  }

  @Override
  public int dimension() {
    return decoder.dimension();
  }

  @Override
  public TokenizedInput tokenize(PairText text) {
    TokenizedInput input = decoder.tokenize(text);
    long[] ids = input.ids();
    int end = ids.length;
    while (end > 1 && ids[end - 1] == padTokenId) {
      end--;
    }
    return end == ids.length
        ? input
        : new TokenizedInput(Arrays.copyOf(ids, end), Arrays.copyOf(input.typeIds(), end));
  }

  @Override
  public float[][] embed(List<TokenizedInput> batch) {
    return decoder.embed(batch);
  }

  @Override
  public void close() {
    decoder.close();
  }
}
