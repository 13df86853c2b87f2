package org.sycolab.pull;

import java.util.List;
import java.util.stream.Collectors;
import org.sycolab.data.Problem;

/** A scores table cannot be used; the message lists the first problems as file:line: field. */
public final class InvalidScoresException extends Exception {
  private static final long serialVersionUID = 1L;
  private static final int LISTED = 20;

  /** Wraps the problems found in one file. */
  public InvalidScoresException(String file, List<Problem> problems) {
    super(message(file, problems));
  }

  private static String message(String file, List<Problem> problems) {
    String listed =
        problems.stream()
            .limit(LISTED)
            .map(Problem::toString)
            .collect(Collectors.joining("\n  ", "\n  ", ""));
    int more = problems.size() - Math.min(LISTED, problems.size());
    return file
        + ": "
        + problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + " in the scores table"
        + listed
        + (more > 0 ? "\n  ... and " + more + " more" : "");
  }
}
