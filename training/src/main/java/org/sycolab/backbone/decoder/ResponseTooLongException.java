package org.sycolab.backbone.decoder;

/**
 * A response that cannot be scored: most often one that does not fit the maximum length whole (its
 * tokens and those closing the turn, with the template's prefix and one token of conversation
 * before them, take more), or one with nothing before it to predict its first token.
 */
public final class ResponseTooLongException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * @param counted the response's tokens and its closing tokens
   * @param needed the fewest tokens that score it: those, the prefix and one head token
   * @param maxLength the most tokens allowed
   */
  /** A response that cannot be scored, for {@code reason}. */
  ResponseTooLongException(String reason) {
    super(reason);
  }

  ResponseTooLongException(int counted, int needed, int maxLength) {
    super(
        counted == 0
            ? "the response renders as no tokens, so there is nothing to score"
            : "the response takes "
                + counted
                + " tokens with the turn's end, "
                + needed
                + " with the template's prefix and one token of conversation before it, more than"
                + " --max-length "
                + maxLength);
  }
}
