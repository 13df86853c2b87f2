package org.sycolab.backbone;

/**
 * Choices that change a backbone's vectors, and so are part of its fingerprint.
 *
 * @param pooling how hidden states become one vector
 * @param normalize whether vectors are scaled to unit L2 norm
 * @param maxLength the most tokens per input, special tokens included; capped by the model
 */
public record BackboneOptions(Pooling pooling, boolean normalize, int maxLength) {

  /** Mean pooling, unit norm, 256 tokens: how all-MiniLM-L6-v2 was trained and is used. */
  public static final BackboneOptions DEFAULTS = new BackboneOptions(Pooling.MEAN, true, 256);

  /** Checks the length. */
  public BackboneOptions {
    if (maxLength < 8) {
      throw new IllegalArgumentException("max length must be at least 8 tokens, got " + maxLength);
    }
  }
}
