package org.sycolab.experiment;

/** An experiment file that cannot be run as written; the message names file, line and field. */
public final class InvalidExperimentException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Problems, one a line, each starting with the file (and line, when known) and the field. */
  public InvalidExperimentException(String message) {
    super(message);
  }
}
