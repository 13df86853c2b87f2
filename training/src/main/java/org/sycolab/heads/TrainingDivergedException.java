package org.sycolab.heads;

/** Training stopped because the loss became NaN or infinite or ran away; nothing was saved. */
public final class TrainingDivergedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An exception with the message shown to the user. */
  public TrainingDivergedException(String message) {
    super(message);
  }
}
