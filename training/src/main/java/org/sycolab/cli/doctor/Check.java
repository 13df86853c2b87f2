package org.sycolab.cli.doctor;

/** One thing {@code sycolab doctor} verifies about the environment. */
public interface Check {

  /** Runs the check; never throws — a failure is a {@link CheckResult} saying what is wrong. */
  CheckResult run();
}
