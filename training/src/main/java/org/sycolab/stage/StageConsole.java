package org.sycolab.stage;

import java.io.PrintWriter;

/**
 * Where a stage says what it is doing, apart from its results: warnings, lines about the work,
 * details and progress bars. The command line prints them on standard error by its verbosity; code
 * passes {@link #SILENT}, {@link #printing} or its own.
 */
public interface StageConsole {

  /** Prints nothing. */
  StageConsole SILENT = printing(null);

  /** Something the reader of the results should know (shown unless {@code -q}). */
  void warn(String message);

  /** A line about the work, such as how many features were computed (shown unless {@code -q}). */
  void info(String message);

  /** A detail, such as each epoch's losses (shown with {@code -v}). */
  void detail(String message);

  /** Whether {@link #detail} lines are shown, so a stage need not build them otherwise. */
  boolean detailed();

  /**
   * A progress display for long work, closed when the work ends.
   *
   * @param label what is being done ({@code embed}, {@code train agreeable-seed1})
   * @param unit what is counted ({@code texts}, {@code epochs})
   * @param total how many there are; -1 when unknown
   */
  Progress progress(String label, String unit, long total);

  /** A progress display: counts units done. */
  interface Progress extends AutoCloseable {

    /** Records {@code n} more units done. */
    void step(long n);

    /** Clears the display. */
    @Override
    void close();
  }

  /**
   * Warnings and work lines on {@code err} (prefixed {@code warning: }), no details and no progress
   * display; prints nothing when {@code err} is null.
   */
  static StageConsole printing(PrintWriter err) {
    return new StageConsole() {
      @Override
      public void warn(String message) {
        if (err != null) {
          err.println("warning: " + message);
          err.flush();
        }
      }

      @Override
      public void info(String message) {
        if (err != null) {
          err.println(message);
          err.flush();
        }
      }

      @Override
      public void detail(String message) {}

      @Override
      public boolean detailed() {
        return false;
      }

      @Override
      public Progress progress(String label, String unit, long total) {
        return new Progress() {
          @Override
          public void step(long n) {}

          @Override
          public void close() {}
        };
      }
    };
  }
}
