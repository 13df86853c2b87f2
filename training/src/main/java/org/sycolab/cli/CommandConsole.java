package org.sycolab.cli;

import java.io.PrintWriter;
import org.sycolab.stage.StageConsole;

/**
 * A stage's console on the command line: warnings and work lines on standard error unless {@code
 * -q}, details with {@code -v}, progress bars on a terminal.
 */
final class CommandConsole implements StageConsole {

  private final PrintWriter err;
  private final Verbosity verbosity;

  CommandConsole(PrintWriter err, Verbosity verbosity) {
    this.err = err;
    this.verbosity = verbosity;
  }

  @Override
  public void warn(String message) {
    if (verbosity.chatty()) {
      err.println("warning: " + message);
      err.flush();
    }
  }

  @Override
  public void info(String message) {
    if (verbosity.chatty()) {
      err.println(message);
      err.flush();
    }
  }

  @Override
  public void detail(String message) {
    if (detailed()) {
      err.println(message);
      err.flush();
    }
  }

  @Override
  public boolean detailed() {
    return verbosity.compareTo(Verbosity.VERBOSE) >= 0;
  }

  @Override
  public Progress progress(String label, String unit, long total) {
    ProgressBar bar = ProgressBar.on(err, label, unit, total, verbosity);
    return new Progress() {
      @Override
      public void step(long n) {
        bar.step(n);
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }
}
