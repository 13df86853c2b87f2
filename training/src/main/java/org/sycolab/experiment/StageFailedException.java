package org.sycolab.experiment;

/**
 * A stage of a run failed: the stage, what to do next, and its cause, which says what went wrong
 * (the command line reports the cause after the stage's name, and then what to do).
 */
public final class StageFailedException extends Exception {

  private final String stage;
  private final String next;

  /**
   * A failure of {@code stage}.
   *
   * @param next what to do once the cause is fixed (how to resume the run); null for nothing
   */
  StageFailedException(String stage, String next, Exception cause) {
    super(
        stage
            + ": "
            + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()),
        cause);
    this.stage = stage;
    this.next = next;
  }

  /** The stage's name in the run: {@code embed-pairs}, {@code train-heldout-units}, … */
  public String stage() {
    return stage;
  }

  /** What to do once the cause is fixed; null for nothing. */
  public String next() {
    return next;
  }

  /** The exception that stopped the stage. */
  @Override
  public synchronized Exception getCause() {
    return (Exception) super.getCause();
  }
}
