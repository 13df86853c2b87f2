package org.sycolab.experiment;

/** An experiment file that cannot be run as written; the message names file, line and field. */
public final class InvalidExperimentException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** A problem in {@code file}, at {@code where} (line or field), described by {@code message}. */
  public InvalidExperimentException(String message) {
    super(message);
  }
}
