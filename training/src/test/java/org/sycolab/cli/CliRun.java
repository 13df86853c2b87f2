package org.sycolab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the {@code sycolab} command, as the tests see it.
 *
 * @param status the exit status
 * @param out what was printed on standard output
 * @param err what was printed on standard error
 */
record CliRun(int status, String out, String err) {

  /** Runs {@code sycolab args...} and captures its streams. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(status, out.toString(), err.toString());
  }
}
