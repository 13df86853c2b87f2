package org.sycolab.stage;

import java.io.PrintWriter;

/** What a stage produced ({@link TrainOutcome}, …), which it can say as its command prints it. */
public interface StageOutcome {

  /** Prints the results as the stage's {@code sycolab} command prints them on standard output. */
  void print(PrintWriter out);

  /**
   * Whether the stage did what it was asked; false when it ran to the end but found the input
   * wanting (a dataset with problems), and its command exits with a failure status.
   */
  default boolean succeeded() {
    return true;
  }
}
