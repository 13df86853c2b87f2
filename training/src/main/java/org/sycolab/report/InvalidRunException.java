package org.sycolab.report;

/** A run directory the report cannot be made from: the message names the file and what is wrong. */
public final class InvalidRunException extends Exception {

  /** An error whose message names the file (and line or column where it applies). */
  public InvalidRunException(String message) {
    super(message);
  }

  /** An error caused by another. */
  public InvalidRunException(String message, Throwable cause) {
    super(message, cause);
  }
}
