package org.sycolab.stage;

import java.io.PrintWriter;
import java.util.List;
import org.sycolab.heads.HeadVerdict;
import org.sycolab.heads.VerdictClassifier;

/** Prints head verdicts for the terminal: one line per head, then the rule they follow. */
final class VerdictLines {

  private VerdictLines() {}

  static void print(PrintWriter out, List<HeadVerdict> verdicts) {
    out.println(
        "verdict against the truth (grounded pairs, whose chosen answer is the true one; conflict:"
            + " the user is wrong, control: the user is right):");
    for (HeadVerdict verdict : verdicts) {
      out.println("  " + verdict.line());
    }
    out.println("rule: " + VerdictClassifier.RULE);
  }
}
