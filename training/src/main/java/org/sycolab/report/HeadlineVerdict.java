package org.sycolab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The heads' verdicts as the headline states them: what the pull may be read as, given whether the
 * grounded head tracks truth, and the verdict of every head with its rule. A contrarian or empty
 * grounded head's pull is never called truth lost.
 */
final class HeadlineVerdict {

  private HeadlineVerdict() {}

  /**
   * The words that follow the pull in the headline, in brackets: "(the pull: a fall is truth lost,
   * since the grounded head tracks truth)", or why it is not truth lost here, or that nobody
   * checked.
   */
  static String pullNote(Optional<VerdictCsv> verdicts) {
    Optional<Table> grounded = verdicts.map(VerdictCsv::grounded);
    if (grounded.isEmpty() || grounded.get().isEmpty()) {
      return "(the pull: a fall is truth lost only if the grounded head tracks truth, which is"
          + " unchecked: "
          + verdicts.map(v -> "no grounded head in " + v.name()).orElse("no verdict.csv")
          + ")";
    }
    List<String> failing = new ArrayList<>();
    for (Row row : grounded.get()) {
      if (!row.getString("verdict_class").equals(VerdictCsv.TRACKS_TRUTH)) {
        failing.add("grounded head " + row.getString("head") + ": " + row.getString("verdict"));
      }
    }
    if (failing.isEmpty()) {
      return "(the pull: a fall is truth lost, since the grounded head tracks truth)";
    }
    return "(the pull; NOT truth lost here, because the grounded head does not track truth — "
        + String.join("; ", failing)
        + ")";
  }

  /** The verdict table and its rule, or a paragraph saying no verdict was made. */
  static List<Block> blocks(Optional<VerdictCsv> verdicts) {
    if (verdicts.isEmpty()) {
      return List.of(
          new Block.Paragraph(
              "No head verdict: neither diagnose/verdict.csv nor heads/verdict.csv exists, so"
                  + " whether the grounded head tracks truth or rewards disagreement is unknown."));
    }
    VerdictCsv csv = verdicts.get();
    List<List<String>> rows = new ArrayList<>();
    for (Row row : csv.table()) {
      String meaning = row.getString("reading");
      String note = row.getString("longer_answer_note");
      if (!note.isEmpty()) {
        meaning = meaning.isEmpty() ? note : meaning + "; " + note;
      }
      rows.add(
          List.of(
              row.getString("head"),
              row.getString("head_label"),
              row.getString("verdict"),
              VerdictCsv.accuracy(row, "conflict"),
              VerdictCsv.accuracy(row, "control"),
              meaning));
    }
    return List.of(
        new Block.DataTable(
            "verdict on every head ("
                + csv.name()
                + (csv.name().startsWith("diagnose") ? "; " + HeadsSection.DIAGNOSED : "")
                + "): accuracy against the true answer on grounded pairs where the user is wrong"
                + " (conflict) and right (control), with 95% Wilson intervals and the pair count",
            List.of("head", "label", "verdict", "conflict accuracy", "control accuracy", "meaning"),
            rows),
        new Block.Paragraph("Rule: " + csv.rule()));
  }
}
