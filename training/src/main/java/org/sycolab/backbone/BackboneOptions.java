package org.sycolab.backbone;

import java.util.Locale;
import java.util.Objects;

/**
 * Choices that change a backbone's vectors, and so are part of its fingerprint.
 *
 * @param pooling how hidden states become one vector; {@code null} asks for the architecture's
 *     default ({@link Pooling#MEAN} for encoders, {@link Pooling#LAST} for decoders), which {@link
 *     Backbones#describe} fills in
 * @param normalize whether vectors are scaled to unit L2 norm
 * @param maxLength the most tokens per input, special tokens included; capped by the model
 * @param precision the type weights and activations are held in
 */
public record BackboneOptions(
    Pooling pooling, boolean normalize, int maxLength, Precision precision) {

  /** The most tokens per input by default ({@code --max-length}). */
  public static final int MAX_LENGTH = 256;

  /**
   * The most tokens per conversation by default for the commands that read every response whole
   * ({@code score}, {@code logprob}), capped by the model: more than {@link #MAX_LENGTH}, since a
   * response that does not fit is refused rather than cut.
   */
  public static final int WHOLE_RESPONSE_MAX_LENGTH = 1024;

  /** The precision by default ({@code --dtype}). */
  public static final String DTYPE = "float32";

  /** Texts per backbone forward pass by default ({@code --batch-size}). */
  public static final int BATCH_SIZE = 32;

  /**
   * The architecture's pooling, unit norm, 256 tokens, float32: for builtin:minilm that is mean
   * pooling, how all-MiniLM-L6-v2 was trained and is used.
   */
  public static final BackboneOptions DEFAULTS = new BackboneOptions(null, true, MAX_LENGTH);

  /** The fewest tokens per input sycolab accepts. */
  public static final int MIN_LENGTH = 8;

  /** Checks the length. */
  public BackboneOptions {
    if (maxLength < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "max length must be at least " + MIN_LENGTH + " tokens, got " + maxLength);
    }
    Objects.requireNonNull(precision, "precision");
  }

  /** Options in float32. */
  public BackboneOptions(Pooling pooling, boolean normalize, int maxLength) {
    this(pooling, normalize, maxLength, Precision.FLOAT32);
  }

  /**
   * Options as {@code sycolab embed} and an experiment's {@code backbone} section write them, each
   * refused naming its option: {@code --pooling}, {@code --dtype}, {@code --max-length}.
   *
   * @param pooling a pooling id in any case, or null for the architecture's default
   * @param dtype a precision id
   */
  public static BackboneOptions parse(
      String pooling, boolean normalize, int maxLength, String dtype) {
    Pooling p =
        pooling == null
            ? null
            : Pooling.parse(pooling.toLowerCase(Locale.ROOT))
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "--pooling must be one of "
                                + Pooling.ids()
                                + ", got '"
                                + pooling
                                + "'"));
    Precision precision;
    try {
      precision = Precision.parse(dtype);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--dtype: " + e.getMessage());
    }
    try {
      return new BackboneOptions(p, normalize, maxLength, precision);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--max-length: " + e.getMessage(), e);
    }
  }

  /** These options with the pooling filled in when none was asked for. */
  public BackboneOptions withDefaultPooling(Pooling fallback) {
    return pooling != null ? this : new BackboneOptions(fallback, normalize, maxLength, precision);
  }

  /** These options with the max length capped at {@code limit}. */
  public BackboneOptions capLength(int limit) {
    return maxLength <= limit ? this : new BackboneOptions(pooling, normalize, limit, precision);
  }
}
