package org.sycolab.data;

/**
 * The length of a response as the toolkit measures it wherever length is a covariate or a baseline:
 * characters as a reader counts them, Unicode code points, so that a character beyond the Basic
 * Multilingual Plane (an emoji) counts once.
 */
public final class TextLength {

  private TextLength() {}

  /** {@code text}'s length in characters (Unicode code points). */
  public static int characters(String text) {
    return text.codePointCount(0, text.length());
  }
}
