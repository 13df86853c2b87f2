package org.sycolab.stage;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What an outcome prints, for tests. */
final class Printed {

  private Printed() {}

  /** The text {@code outcome} prints. */
  static String of(StageOutcome outcome) {
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      outcome.print(out);
    }
    return text.toString();
  }
}
