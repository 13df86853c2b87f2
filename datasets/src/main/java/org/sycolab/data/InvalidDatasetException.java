package org.sycolab.data;

import java.util.stream.Collectors;

/** A dataset file failed validation; the message lists the first problems, file:line: field. */
public final class InvalidDatasetException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Problems listed in the message; the rest are counted. */
  static final int LISTED = 20;

  private final transient ValidationReport report;

  /** Wraps the report of a file that has problems. */
  public InvalidDatasetException(ValidationReport report) {
    super(message(report));
    this.report = report;
  }

  /** The full validation report. */
  public ValidationReport report() {
    return report;
  }

  private static String message(ValidationReport report) {
    String listed =
        report.problems().stream()
            .limit(LISTED)
            .map(Problem::toString)
            .collect(Collectors.joining("\n  ", "\n  ", ""));
    long more = report.problemCount() - Math.min(LISTED, report.problems().size());
    return report.summary()
        + listed
        + (more > 0 ? "\n  ... and " + more + " more (sycolab validate lists them all)" : "");
  }
}
