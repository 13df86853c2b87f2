package org.sycolab.backbone;

/**
 * How many tokens of a prompt and of a response fit a budget: when both do not, each first gets
 * half, and a side that needs less lends the rest to the other. Callers keep the prompt's end (the
 * latest turn) and the response's start.
 *
 * @param prompt prompt tokens to keep
 * @param response response tokens to keep
 */
public record TruncationBudget(int prompt, int response) {

  /** Splits {@code budget} tokens between a prompt and a response of the given lengths. */
  public static TruncationBudget split(int promptLength, int responseLength, int budget) {
    if (promptLength + responseLength <= budget) {
      return new TruncationBudget(promptLength, responseLength);
    }
    int half = budget / 2;
    if (promptLength <= half) {
      return new TruncationBudget(promptLength, budget - promptLength);
    }
    if (responseLength <= budget - half) {
      return new TruncationBudget(budget - responseLength, responseLength);
    }
    return new TruncationBudget(half, budget - half);
  }
}
