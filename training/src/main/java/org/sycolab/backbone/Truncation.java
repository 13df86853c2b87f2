package org.sycolab.backbone;

/**
 * How a (prompt, response) too long for a model is cut: always the prompt's start first (the latest
 * turn is kept), and the response either shares the budget or is kept whole.
 */
public enum Truncation {
  /**
   * {@link TruncationBudget#split}: each side first gets half, a side that needs less lends the
   * rest; the response keeps its start. What {@code embed} does, for a vector of the pair.
   */
  SHARE,
  /**
   * The response is kept whole and the prompt cut from its start to fit, keeping at least one of
   * its tokens; a response that does not fit with one is refused ({@link
   * ResponseTooLongException}). What {@code score} does: a reward model judges the whole response.
   */
  KEEP_RESPONSE;

  /**
   * How many of the prompt's and the response's tokens fit {@code budget}, the tokens left once the
   * template's fixed tokens are counted.
   *
   * @throws ResponseTooLongException under {@link #KEEP_RESPONSE}, when the response and one prompt
   *     token do not fit
   */
  public TruncationBudget budget(int promptLength, int responseLength, int budget) {
    if (this == SHARE) {
      return TruncationBudget.split(promptLength, responseLength, budget);
    }
    if (responseLength + Math.min(1, promptLength) > budget) {
      throw new ResponseTooLongException(responseLength, budget);
    }
    return new TruncationBudget(Math.min(promptLength, budget - responseLength), responseLength);
  }

  /** A response that does not fit the budget whole, with one token of the prompt before it. */
  public static final class ResponseTooLongException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int responseTokens;
    private final int budget;

    ResponseTooLongException(int responseTokens, int budget) {
      super(
          "the response takes "
              + responseTokens
              + " tokens and, with one token of the conversation before it, does not fit the "
              + budget
              + " that --max-length leaves after the template's own tokens; raise --max-length"
              + " (the model's limit caps it)");
      this.responseTokens = responseTokens;
      this.budget = budget;
    }

    /** The response's tokens. */
    public int responseTokens() {
      return responseTokens;
    }

    /** The tokens the response and the prompt had between them. */
    public int budget() {
      return budget;
    }
  }
}
