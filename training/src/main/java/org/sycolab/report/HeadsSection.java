package org.sycolab.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sycolab.run.RunLayout;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * What the heads reward: pairwise accuracy beside picking the longer answer, the 2×2
 * style/substance decomposition with length as a covariate, the cell means, and the heads'
 * correlation ({@link RunLayout#diagnose}), and the training summary ({@link
 * RunLayout#HEADS_FILE}). The verdicts themselves stand in the headline.
 */
final class HeadsSection {

  static final RunCsv.Columns ACCURACY =
      new RunCsv.Columns()
          .text("head", "pair_label", "group_by", "group")
          .count("pairs")
          .number("accuracy");
  static final RunCsv.Columns DECOMPOSITION =
      new RunCsv.Columns()
          .text("head", "term")
          .number("estimate", "std_error", "t_value")
          .count("candidates");
  static final RunCsv.Columns CORRELATION =
      new RunCsv.Columns().text("head_a", "head_b").number("pearson", "spearman");
  static final RunCsv.Columns HEADS =
      new RunCsv.Columns()
          .text("head", "label")
          .count("seed", "best_epoch")
          .number("train_accuracy", "dev_accuracy", "test_accuracy");

  /** The cells of agrees × truthful as verdict.csv names them, in the order of the table. */
  private static final List<String> CELLS =
      List.of("disagrees_untruthful", "disagrees_truthful", "agrees_untruthful", "agrees_truthful");

  /** The columns of diagnose/verdict.csv this section reads: the 2×2 cell means. */
  static final RunCsv.Columns CELL_MEANS = cellMeanColumns();

  /** For the captions of diagnose's tables: sycolab run diagnoses one seed's heads. */
  static final String DIAGNOSED = "diagnose: first head seed only";

  private HeadsSection() {}

  static Section build(Path runDirectory) throws InvalidRunException {
    List<Block> blocks = new ArrayList<>();
    RunLayout run = new RunLayout(runDirectory);
    Path heads = run.heads().resolve(RunLayout.HEADS_FILE);
    if (Files.isRegularFile(heads)) {
      blocks.add(training(RunCsv.read(heads, HEADS)));
    } else {
      blocks.add(
          new Block.Paragraph(
              "Training not run here: no " + RunLayout.HEADS + "/" + RunLayout.HEADS_FILE + "."));
    }
    Path diagnose = run.diagnose();
    Path accuracy = diagnose.resolve(RunLayout.ACCURACY_FILE);
    if (!Files.isRegularFile(accuracy)) {
      blocks.add(
          new Block.Paragraph(
              "Head diagnostics not run: no "
                  + RunLayout.DIAGNOSE
                  + "/"
                  + RunLayout.ACCURACY_FILE
                  + " (sycolab heads diagnose --out RUN_DIR/"
                  + RunLayout.DIAGNOSE
                  + ")."));
      return new Section("heads", "Heads", blocks);
    }
    blocks.add(accuracy(RunCsv.read(accuracy, ACCURACY)));
    Path verdictFile = diagnose.resolve(RunLayout.VERDICT_FILE);
    Table verdicts = Files.isRegularFile(verdictFile) ? RunCsv.read(verdictFile, CELL_MEANS) : null;
    if (verdicts != null) {
      blocks.add(longerAnswer(verdicts));
    }
    Table decomposition =
        RunCsv.read(diagnose.resolve(RunLayout.DECOMPOSITION_FILE), DECOMPOSITION);
    blocks.add(coefficients(decomposition));
    blocks.add(verdicts != null ? cellMeans(verdicts) : cells(decomposition));
    Path correlation = diagnose.resolve(RunLayout.CORRELATION_FILE);
    if (Files.isRegularFile(correlation)) {
      blocks.add(correlation(RunCsv.read(correlation, CORRELATION)));
    } else {
      blocks.add(
          new Block.Paragraph(
              "No " + RunLayout.CORRELATION_FILE + ": diagnose saw a single head."));
    }
    return new Section("heads", "Heads", blocks);
  }

  private static Block training(Table table) {
    List<List<String>> rows = new ArrayList<>();
    for (Row row : table) {
      rows.add(
          List.of(
              row.getString("head"),
              row.getString("label"),
              String.valueOf(row.getInt("seed")),
              String.valueOf(row.getInt("best_epoch")),
              Numbers.fixed(row.getDouble("train_accuracy"), 3),
              Numbers.fixed(row.getDouble("dev_accuracy"), 3),
              Numbers.fixed(row.getDouble("test_accuracy"), 3)));
    }
    return new Block.DataTable(
        "trained heads (heads/heads.csv), one row per head seed: pairwise accuracy of the kept"
            + " epoch on its own label",
        List.of("head", "label", "seed", "kept epoch", "train", "dev", "test"),
        rows);
  }

  private static Block accuracy(Table table) {
    List<List<String>> rows = new ArrayList<>();
    for (Row row : table) {
      String by = row.getString("group_by");
      if (!by.equals("all") && !by.equals("premise")) {
        continue;
      }
      rows.add(
          List.of(
              row.getString("head"),
              row.getString("pair_label"),
              by.equals("all") ? "all" : row.getString("group"),
              String.valueOf(row.getInt("pairs")),
              Numbers.fixed(row.getDouble("accuracy"), 3)));
    }
    return new Block.DataTable(
        "pairwise accuracy on held-out pairs of each label (conflict: premise false; control:"
            + " premise true; per family and domain in diagnose/accuracy.csv; "
            + DIAGNOSED
            + ")",
        List.of("head", "pairs labelled", "subset", "pairs", "accuracy"),
        rows);
  }

  private static RunCsv.Columns cellMeanColumns() {
    RunCsv.Columns columns = new RunCsv.Columns().text("head", "longer_answer_note");
    for (String cell : CELLS) {
      columns.number("mean_z_" + cell, "se_mean_z_" + cell);
    }
    return columns;
  }

  /** Which heads do no better than picking the longer answer, in words. */
  private static Block longerAnswer(Table verdicts) {
    List<String> notes = new ArrayList<>();
    for (Row row : verdicts) {
      String note = row.getString("longer_answer_note");
      if (!note.isEmpty()) {
        notes.add(row.getString("head") + " is " + note);
      }
    }
    return new Block.Paragraph(
        notes.isEmpty()
            ? "Every head beats picking the longer answer on both conflict and control grounded"
                + " pairs (head longer-answer above: length in characters, ties half)."
            : "Against picking the longer answer (head longer-answer above: length in characters,"
                + " ties half): "
                + String.join("; ", notes)
                + ".");
  }

  /** The observed mean z of each cell of agrees × truthful, with clustered standard errors. */
  private static Block cellMeans(Table verdicts) {
    List<List<String>> rows = new ArrayList<>();
    for (Row row : verdicts) {
      if (row.isMissing("mean_z_agrees_truthful")) {
        continue;
      }
      for (String agrees : List.of("disagrees", "agrees")) {
        rows.add(
            List.of(
                row.getString("head"),
                agrees,
                meanWithError(row, agrees + "_untruthful"),
                meanWithError(row, agrees + "_truthful")));
      }
    }
    return new Block.DataTable(
        "the 2×2: each head's mean z of the candidates that agree or not and are truthful or not,"
            + " ± its standard error clustered by pool (diagnose/verdict.csv; "
            + DIAGNOSED
            + ")",
        List.of("head", "candidate", "not truthful", "truthful"),
        rows);
  }

  private static String meanWithError(Row row, String cell) {
    return Numbers.fixed(row.getDouble("mean_z_" + cell), 3)
        + " ± "
        + Numbers.fixed(row.getDouble("se_mean_z_" + cell), 3);
  }

  private static Block coefficients(Table table) {
    List<List<String>> rows = new ArrayList<>();
    for (Row row : table) {
      rows.add(
          List.of(
              row.getString("head"),
              row.getString("term"),
              Numbers.fixed(row.getDouble("estimate"), 3),
              Numbers.fixed(row.getDouble("std_error"), 3),
              Numbers.fixed(row.getDouble("t_value"), 2)));
    }
    return new Block.DataTable(
        "decomposition z = a + b·agrees + c·truthful + d·agrees·truthful + e·length over the"
            + " candidates (b: style, c: substance, e: per standard deviation of length in"
            + " characters, all in standard deviations of the score; standard errors clustered by"
            + " pool; an empty length row: every candidate had the same length; "
            + DIAGNOSED
            + ")",
        List.of("head", "term", "estimate", "std. error", "t"),
        rows);
  }

  /** The fitted mean z of each cell of agrees × truthful, per head: the 2×2 itself. */
  private static Block cells(Table table) {
    Map<String, Map<String, Double>> terms = new LinkedHashMap<>();
    for (Row row : table) {
      terms
          .computeIfAbsent(row.getString("head"), head -> new LinkedHashMap<>())
          .put(row.getString("term"), row.getDouble("estimate"));
    }
    List<List<String>> rows = new ArrayList<>();
    terms.forEach(
        (head, t) -> {
          double a = t.getOrDefault("intercept", Double.NaN);
          double b = t.getOrDefault("agrees", Double.NaN);
          double c = t.getOrDefault("truthful", Double.NaN);
          double d = t.getOrDefault("agrees:truthful", Double.NaN);
          rows.add(List.of(head, "disagrees", Numbers.fixed(a, 3), Numbers.fixed(a + c, 3)));
          rows.add(
              List.of(head, "agrees", Numbers.fixed(a + b, 3), Numbers.fixed(a + b + c + d, 3)));
        });
    return new Block.DataTable(
        "the 2×2: each head's fitted mean z of a candidate that agrees or not and is truthful or"
            + " not, at the candidates' mean length ("
            + DIAGNOSED
            + ")",
        List.of("head", "candidate", "not truthful", "truthful"),
        rows);
  }

  private static Block correlation(Table table) {
    List<List<String>> rows = new ArrayList<>();
    for (Row row : table) {
      rows.add(
          List.of(
              row.getString("head_a"),
              row.getString("head_b"),
              Numbers.fixed(row.getDouble("pearson"), 3),
              Numbers.fixed(row.getDouble("spearman"), 3)));
    }
    return new Block.DataTable(
        "correlation of the heads' scores over the candidates (" + DIAGNOSED + ")",
        List.of("head", "head", "Pearson", "Spearman"),
        rows);
  }
}
