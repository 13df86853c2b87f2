package org.sycolab.backbone.reward;

import org.sycolab.backbone.Truncation;
import org.sycolab.data.PairText;

/**
 * A response a reward model cannot read whole within the maximum length, with the (prompt,
 * response) it belongs to, so that the caller can name the record.
 */
public final class TextTooLongException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient PairText text;

  TextTooLongException(PairText text, Truncation.ResponseTooLongException cause) {
    super(cause.getMessage(), cause);
    this.text = text;
  }

  /** The (prompt, response) refused. */
  public PairText text() {
    return text;
  }
}
