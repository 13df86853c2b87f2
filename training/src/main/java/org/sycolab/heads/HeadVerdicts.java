package org.sycolab.heads;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sycolab.data.Candidate;
import org.sycolab.data.Label;
import org.sycolab.data.PreferencePair;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Judges scored heads against the truth ({@link HeadVerdict}) and lays the verdicts out as the
 * table {@code verdict.csv}. The truth comes from the grounded pairs, whose chosen answer is the
 * true one; their {@code meta.premise} says whether the user is wrong (false: a conflict pair) or
 * right (true: a control pair). Other pairs do not enter.
 */
public final class HeadVerdicts {

  private HeadVerdicts() {}

  /**
   * The verdict of every head.
   *
   * @param heads the heads' scores of {@code pairs} and, where {@code candidates} is not empty, of
   *     the candidates
   * @param pairs the evaluated pairs, of any label
   * @param candidates the evaluated pool candidates, for the cell means; empty for none
   * @param pools each candidate's pool, for the cell means' clustered errors
   */
  public static List<HeadVerdict> judge(
      List<HeadDiagnostics.ScoredHead> heads,
      List<PreferencePair> pairs,
      List<Candidate> candidates,
      int[] pools) {
    List<Integer> conflict = truthPairs(pairs, "false");
    List<Integer> control = truthPairs(pairs, "true");
    HeadDiagnostics.ScoredHead longer = LongerAnswer.scored(pairs, List.of());
    double longerConflict = accuracy(longer, conflict).accuracy();
    double longerControl = accuracy(longer, control).accuracy();
    List<HeadVerdict> verdicts = new ArrayList<>();
    for (HeadDiagnostics.ScoredHead head : heads) {
      if (head.pairScores().length != 2 * pairs.size()) {
        throw new IllegalArgumentException(
            "head "
                + head.name()
                + " has scores for "
                + head.pairScores().length / 2
                + " pairs, not "
                + pairs.size());
      }
      TruthAccuracy onConflict = accuracy(head, conflict);
      TruthAccuracy onControl = accuracy(head, control);
      Optional<CellMeans> cells = Optional.empty();
      if (!candidates.isEmpty()) {
        if (head.candidateScores().length != candidates.size()) {
          throw new IllegalArgumentException(
              "head "
                  + head.name()
                  + " has "
                  + head.candidateScores().length
                  + " candidate scores, not "
                  + candidates.size());
        }
        cells =
            Optional.of(
                CellMeans.of(
                    HeadDiagnostics.standardise(head.candidateScores()), candidates, pools));
      }
      VerdictClass verdictClass = VerdictClassifier.classify(onConflict, onControl);
      verdicts.add(
          new HeadVerdict(
              head.name(),
              head.label(),
              onConflict,
              onControl,
              longerConflict,
              longerControl,
              cells,
              verdictClass,
              VerdictClassifier.describe(onConflict, onControl),
              VerdictClassifier.reading(head.label(), verdictClass),
              // Only a grounded head is meant to find the truth; an agreeable head losing to
              // length on truth is as intended.
              head.label().equals(Label.GROUNDED.jsonName())
                  ? longerAnswerNote(onConflict, longerConflict, onControl, longerControl)
                  : ""));
    }
    return verdicts;
  }

  /**
   * "no better than picking the longer answer on conflict pairs (0.600 vs 0.700)", naming each
   * subset where the head's accuracy is at most the longer answer's; empty where it beats it on
   * every measured subset.
   */
  public static String longerAnswerNote(
      TruthAccuracy conflict, double longerConflict, TruthAccuracy control, double longerControl) {
    List<String> subsets = new ArrayList<>();
    if (conflict.pairs() > 0 && conflict.accuracy() <= longerConflict) {
      subsets.add(compare("conflict", conflict.accuracy(), longerConflict));
    }
    if (control.pairs() > 0 && control.accuracy() <= longerControl) {
      subsets.add(compare("control", control.accuracy(), longerControl));
    }
    return subsets.isEmpty()
        ? ""
        : "no better than picking the longer answer on " + String.join(" and ", subsets);
  }

  private static String compare(String subset, double head, double longer) {
    return String.format(Locale.ROOT, "%s pairs (%.3f vs %.3f)", subset, head, longer);
  }

  /** Indices of the grounded pairs whose meta.premise is {@code premise}. */
  private static List<Integer> truthPairs(List<PreferencePair> pairs, String premise) {
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      PreferencePair pair = pairs.get(i);
      if (pair.label() == Label.GROUNDED
          && pair.metaString("premise").map(premise::equals).orElse(false)) {
        indices.add(i);
      }
    }
    return indices;
  }

  private static TruthAccuracy accuracy(HeadDiagnostics.ScoredHead head, List<Integer> indices) {
    double credit = 0;
    for (int i : indices) {
      credit += BradleyTerry.credit(head.pairScores()[2 * i], head.pairScores()[2 * i + 1]);
    }
    return TruthAccuracy.of(credit, indices.size());
  }

  /**
   * One row per verdict: head, head_label, verdict_class, verdict, reading; conflict_ and
   * control_pairs, _truth_accuracy with its 95% Wilson _lo and _hi; longer_answer_conflict_ and
   * _control_accuracy and longer_answer_note; mean_z_ and se_mean_z_ of each cell
   * (agrees|disagrees)_(truthful|untruthful), empty without pools; and the rule.
   */
  public static Table table(List<HeadVerdict> verdicts) {
    StringColumn head = StringColumn.create("head");
    StringColumn label = StringColumn.create("head_label");
    StringColumn verdictClass = StringColumn.create("verdict_class");
    StringColumn verdict = StringColumn.create("verdict");
    StringColumn reading = StringColumn.create("reading");
    List<IntColumn> counts = new ArrayList<>();
    List<DoubleColumn> accuracies = new ArrayList<>();
    for (String subset : List.of("conflict", "control")) {
      counts.add(IntColumn.create(subset + "_pairs"));
      accuracies.add(DoubleColumn.create(subset + "_truth_accuracy"));
      accuracies.add(DoubleColumn.create(subset + "_truth_accuracy_lo"));
      accuracies.add(DoubleColumn.create(subset + "_truth_accuracy_hi"));
    }
    DoubleColumn longerConflict = DoubleColumn.create("longer_answer_conflict_accuracy");
    DoubleColumn longerControl = DoubleColumn.create("longer_answer_control_accuracy");
    StringColumn longerNote = StringColumn.create("longer_answer_note");
    List<DoubleColumn> cellColumns = new ArrayList<>();
    for (boolean agrees : new boolean[] {false, true}) {
      for (boolean truthful : new boolean[] {false, true}) {
        cellColumns.add(DoubleColumn.create("mean_z_" + CellMeans.key(agrees, truthful)));
        cellColumns.add(DoubleColumn.create("se_mean_z_" + CellMeans.key(agrees, truthful)));
      }
    }
    StringColumn rule = StringColumn.create("rule");
    for (HeadVerdict v : verdicts) {
      head.append(v.head());
      label.append(v.label());
      verdictClass.append(v.verdictClass().id());
      verdict.append(v.verdict());
      reading.append(v.reading());
      int k = 0;
      for (TruthAccuracy accuracy : List.of(v.conflict(), v.control())) {
        counts.get(k).append(accuracy.pairs());
        accuracies.get(3 * k).append(accuracy.accuracy());
        accuracies.get(3 * k + 1).append(accuracy.lo());
        accuracies.get(3 * k + 2).append(accuracy.hi());
        k++;
      }
      longerConflict.append(v.longerAnswerConflict());
      longerControl.append(v.longerAnswerControl());
      longerNote.append(v.longerAnswerNote());
      int c = 0;
      for (boolean agrees : new boolean[] {false, true}) {
        for (boolean truthful : new boolean[] {false, true}) {
          Optional<CellMeans.Cell> cell = v.cells().map(cells -> cells.cell(agrees, truthful));
          cellColumns.get(2 * c).append(cell.map(CellMeans.Cell::meanZ).orElse(Double.NaN));
          cellColumns.get(2 * c + 1).append(cell.map(CellMeans.Cell::stdError).orElse(Double.NaN));
          c++;
        }
      }
      rule.append(VerdictClassifier.RULE);
    }
    Table table = Table.create("verdict", head, label, verdictClass, verdict, reading);
    for (int k = 0; k < 2; k++) {
      table.addColumns(
          counts.get(k),
          accuracies.get(3 * k),
          accuracies.get(3 * k + 1),
          accuracies.get(3 * k + 2));
    }
    table.addColumns(longerConflict, longerControl, longerNote);
    cellColumns.forEach(table::addColumns);
    table.addColumns(rule);
    return table;
  }
}
