package org.sycolab.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * What the heads reward: pairwise accuracy, the 2×2 style/substance decomposition and the heads'
 * correlation ({@code diagnose/}), and the training summary ({@code heads/heads.csv}).
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

  /** For the captions of diagnose's tables: sycolab run diagnoses one seed's heads. */
  static final String DIAGNOSED = "diagnose: first head seed only";

  private HeadsSection() {}

  static Section build(Path runDirectory) throws InvalidRunException {
    List<Block> blocks = new ArrayList<>();
    Path heads = runDirectory.resolve("heads").resolve("heads.csv");
    if (Files.isRegularFile(heads)) {
      blocks.add(training(RunCsv.read(heads, HEADS)));
    } else {
      blocks.add(new Block.Paragraph("Training not run here: no heads/heads.csv."));
    }
    Path diagnose = runDirectory.resolve("diagnose");
    if (!Files.isRegularFile(diagnose.resolve("accuracy.csv"))) {
      blocks.add(
          new Block.Paragraph(
              "Head diagnostics not run: no diagnose/accuracy.csv (sycolab heads diagnose --out"
                  + " RUN_DIR/diagnose)."));
      return new Section("heads", "Heads", blocks);
    }
    blocks.add(accuracy(RunCsv.read(diagnose.resolve("accuracy.csv"), ACCURACY)));
    Table decomposition = RunCsv.read(diagnose.resolve("decomposition.csv"), DECOMPOSITION);
    blocks.add(coefficients(decomposition));
    blocks.add(cells(decomposition));
    Path correlation = diagnose.resolve("correlation.csv");
    if (Files.isRegularFile(correlation)) {
      blocks.add(correlation(RunCsv.read(correlation, CORRELATION)));
    } else {
      blocks.add(new Block.Paragraph("No correlation.csv: diagnose saw a single head."));
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
              Format.fixed(row.getDouble("train_accuracy"), 3),
              Format.fixed(row.getDouble("dev_accuracy"), 3),
              Format.fixed(row.getDouble("test_accuracy"), 3)));
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
              Format.fixed(row.getDouble("accuracy"), 3)));
    }
    return new Block.DataTable(
        "pairwise accuracy on held-out pairs of each label (conflict: premise false; control:"
            + " premise true; per family and domain in diagnose/accuracy.csv; "
            + DIAGNOSED
            + ")",
        List.of("head", "pairs labelled", "subset", "pairs", "accuracy"),
        rows);
  }

  private static Block coefficients(Table table) {
    List<List<String>> rows = new ArrayList<>();
    for (Row row : table) {
      rows.add(
          List.of(
              row.getString("head"),
              row.getString("term"),
              Format.fixed(row.getDouble("estimate"), 3),
              Format.fixed(row.getDouble("std_error"), 3),
              Format.fixed(row.getDouble("t_value"), 2)));
    }
    return new Block.DataTable(
        "decomposition z = a + b·agrees + c·truthful + d·agrees·truthful over the candidates"
            + " (b: style, c: substance, in standard deviations; standard errors clustered by"
            + " pool; "
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
          rows.add(List.of(head, "disagrees", Format.fixed(a, 3), Format.fixed(a + c, 3)));
          rows.add(List.of(head, "agrees", Format.fixed(a + b, 3), Format.fixed(a + b + c + d, 3)));
        });
    return new Block.DataTable(
        "the 2×2: each head's fitted mean z of a candidate that agrees or not and is truthful or"
            + " not ("
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
              Format.fixed(row.getDouble("pearson"), 3),
              Format.fixed(row.getDouble("spearman"), 3)));
    }
    return new Block.DataTable(
        "correlation of the heads' scores over the candidates (" + DIAGNOSED + ")",
        List.of("head", "head", "Pearson", "Spearman"),
        rows);
  }
}
