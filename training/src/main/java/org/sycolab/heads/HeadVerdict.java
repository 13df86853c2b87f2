package org.sycolab.heads;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one head rewards, judged against the truth: its accuracy on conflict and control grounded
 * pairs, the same for picking the longer answer, its 2×2 cell means where pools were scored, and
 * the class with its plain words ({@link VerdictClassifier#RULE} states the rule).
 *
 * @param head the head's name
 * @param label the label it was trained on ({@code agreeable}, {@code grounded}, {@code mixture:P})
 *     or {@code baseline} for {@link LongerAnswer}
 * @param conflict accuracy against the true answer where the user is wrong
 * @param control accuracy against the true answer where the user is right
 * @param longerAnswerConflict picking the longer answer's accuracy on the same conflict pairs
 * @param longerAnswerControl picking the longer answer's accuracy on the same control pairs
 * @param cells the 2×2 cell means; empty where no pools were scored (as in {@code train})
 * @param verdictClass the class
 * @param verdict the class in plain words
 * @param reading what the class means for a head of this label; empty for other labels
 * @param longerAnswerNote where the head is no better than picking the longer answer, in words;
 *     empty otherwise
 */
public record HeadVerdict(
    String head,
    String label,
    TruthAccuracy conflict,
    TruthAccuracy control,
    double longerAnswerConflict,
    double longerAnswerControl,
    Optional<CellMeans> cells,
    VerdictClass verdictClass,
    String verdict,
    String reading,
    String longerAnswerNote) {

  /** Checks every field is present. */
  public HeadVerdict {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(conflict, "conflict");
    Objects.requireNonNull(control, "control");
    Objects.requireNonNull(cells, "cells");
    Objects.requireNonNull(verdictClass, "verdictClass");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reading, "reading");
    Objects.requireNonNull(longerAnswerNote, "longerAnswerNote");
  }

  /**
   * The verdict on one line: "grounded-seed1 (grounded): rewards disagreement (contrarian);
   * conflict 0.888 [0.851, 0.917] of 300 pairs, control 0.267 [0.221, 0.318] of 300 pairs —
   * grounded head rewards disagreement, …".
   */
  public String line() {
    StringBuilder line =
        new StringBuilder()
            .append(head)
            .append(" (")
            .append(label)
            .append("): ")
            .append(verdict)
            .append("; conflict ")
            .append(describe(conflict))
            .append(", control ")
            .append(describe(control));
    if (!reading.isEmpty()) {
      line.append(" — ").append(reading);
    }
    if (!longerAnswerNote.isEmpty()) {
      line.append("; ").append(longerAnswerNote);
    }
    return line.toString();
  }

  /** "0.888 [0.851, 0.917] of 300 pairs", or "no pairs". */
  static String describe(TruthAccuracy accuracy) {
    if (accuracy.pairs() == 0) {
      return "no pairs";
    }
    return String.format(
        Locale.ROOT,
        "%.3f [%.3f, %.3f] of %d pairs",
        accuracy.accuracy(),
        accuracy.lo(),
        accuracy.hi(),
        accuracy.pairs());
  }
}
