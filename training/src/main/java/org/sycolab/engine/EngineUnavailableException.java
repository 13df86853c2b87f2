package org.sycolab.engine;

/** The PyTorch engine could not be loaded; the message says what is missing. */
public final class EngineUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message a user can act on and the underlying failure. */
  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
