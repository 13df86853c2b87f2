package org.sycolab.data;

/**
 * Bounds on the text a record may hold; longer texts are rejected before any work starts.
 *
 * @param maxChars the most characters in any one text (a turn, a response, a candidate)
 */
public record TextLimits(int maxChars) {

  /** 20,000 characters: far above any probe, well below what would stall tokenisation. */
  public static final int MAX_CHARS = 20_000;

  /** At most {@link #MAX_CHARS} characters per text. */
  public static final TextLimits DEFAULT = new TextLimits(MAX_CHARS);

  /** Checks the bound is positive. */
  public TextLimits {
    if (maxChars < 1) {
      throw new IllegalArgumentException("--max-chars must be at least 1, got " + maxChars);
    }
  }
}
