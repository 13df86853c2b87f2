package org.sycolab.stage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.sycolab.data.Problem;
import org.sycolab.data.ValidationReport;

/**
 * What {@link ValidateStage} found in each file, in the order the files were named.
 *
 * @param files each file's check
 */
public record ValidateOutcome(List<FileCheck> files) implements StageOutcome {

  /** Copies the list. */
  public ValidateOutcome {
    files = List.copyOf(files);
  }

  /** Each file's problems and summary line, or why it is not a file, in order. */
  @Override
  public void print(PrintWriter out) {
    files.forEach(file -> file.print(out));
  }

  /** True when every file is clean. */
  @Override
  public boolean succeeded() {
    return files.stream().allMatch(FileCheck::clean);
  }

  /** One file's check: it could not be read as a file, or the validator's report on it. */
  public sealed interface FileCheck permits NotAFile, Checked {

    /** Whether the file is a dataset with no problems. */
    boolean clean();

    /** Prints the check as {@code sycolab validate} does. */
    void print(PrintWriter out);
  }

  /**
   * A path that is no regular file.
   *
   * @param file the path as named
   * @param reason why it cannot be read, such as {@code no such file}
   */
  public record NotAFile(Path file, String reason) implements FileCheck {

    @Override
    public boolean clean() {
      return false;
    }

    /** One line: the path and why. */
    @Override
    public void print(PrintWriter out) {
      out.println(file + ": " + reason);
    }
  }

  /**
   * A file the validator read.
   *
   * @param report its problems and what it holds
   */
  public record Checked(ValidationReport report) implements FileCheck {

    @Override
    public boolean clean() {
      return report.clean();
    }

    /** Each problem kept, how many more there were, then the summary line. */
    @Override
    public void print(PrintWriter out) {
      for (Problem problem : report.problems()) {
        out.println(problem);
      }
      long unlisted = report.problemCount() - report.problems().size();
      if (unlisted > 0) {
        out.println(report.file() + ": ... and " + unlisted + " more problems");
      }
      out.println(report.summary());
    }
  }
}
