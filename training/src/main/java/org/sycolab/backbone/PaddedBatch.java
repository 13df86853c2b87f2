package org.sycolab.backbone;

import java.util.Arrays;
import java.util.List;

/**
 * A batch of inputs padded with zeros to its longest one, row-major (rows, length): token ids, type
 * ids, and the attention mask (1 on real tokens, 0 on padding).
 *
 * @param rows number of inputs
 * @param length the longest input's length
 * @param ids token ids
 * @param typeIds token type ids
 * @param mask attention mask
 */
public record PaddedBatch(int rows, int length, long[] ids, long[] typeIds, long[] mask) {

  /** Pads {@code batch} to its longest input. */
  public static PaddedBatch of(List<TokenizedInput> batch) {
    int length = batch.stream().mapToInt(TokenizedInput::length).max().orElseThrow();
    long[] ids = new long[batch.size() * length];
    long[] types = new long[ids.length];
    long[] mask = new long[ids.length];
    for (int row = 0; row < batch.size(); row++) {
      TokenizedInput input = batch.get(row);
      System.arraycopy(input.ids(), 0, ids, row * length, input.length());
      System.arraycopy(input.typeIds(), 0, types, row * length, input.length());
      Arrays.fill(mask, row * length, row * length + input.length(), 1L);
    }
    return new PaddedBatch(batch.size(), length, ids, types, mask);
  }

  /** The shape of each array, {@code (rows, length)}. */
  public long[] shape() {
    return new long[] {rows, length};
  }
}
