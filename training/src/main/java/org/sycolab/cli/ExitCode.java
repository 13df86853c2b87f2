package org.sycolab.cli;

/** Exit statuses of the {@code sycolab} command, documented in README. */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;

  /** The command ran and found problems (doctor, validate), or failed while working. */
  public static final int PROBLEMS = 1;

  /** Bad usage: unknown option, malformed value, or a device that is not available. */
  public static final int USAGE = 2;

  private ExitCode() {}
}
