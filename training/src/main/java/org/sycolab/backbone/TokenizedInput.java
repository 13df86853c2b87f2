package org.sycolab.backbone;

/**
 * One model input after tokenisation and truncation, before padding.
 *
 * @param ids token ids, special tokens included
 * @param typeIds token type (segment) ids, same length
 */
public record TokenizedInput(long[] ids, long[] typeIds) {

  /** Checks that both arrays have the same, non-zero length. */
  public TokenizedInput {
    if (ids.length == 0 || ids.length != typeIds.length) {
      throw new IllegalArgumentException(
          "ids and typeIds must be non-empty and equally long: "
              + ids.length
              + ", "
              + typeIds.length);
    }
  }

  /** Number of tokens. */
  public int length() {
    return ids.length;
  }
}
