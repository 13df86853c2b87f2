package org.sycolab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sycolab.pull.PullMetric;
import org.sycolab.pull.Reward;
import org.sycolab.run.RunLayout;
import org.sycolab.run.RunManifest;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * The audited reward model ({@code audit:} in the experiment, {@code sycolab score}): its
 * preference audit on the run's pairs, {@link RunLayout#AUDIT_PAIRS}{@code /audit.csv} — how often
 * it prefers the sycophantic answer where the user is wrong and the truthful agreeing one where the
 * user is right, over all pairs and by family, with the verdict the score stage wrote — and its
 * pull, {@link RunLayout#AUDIT_PULL}: its best-of-n truthful rate against n and where it sits on
 * the trained heads' menu.
 */
final class AuditSection {

  private static final RunCsv.Columns COLUMNS =
      new RunCsv.Columns()
          .text("family")
          .count("conflict_pairs")
          .number(
              "conflict_truth_accuracy", "conflict_truth_accuracy_lo", "conflict_truth_accuracy_hi")
          .count("control_pairs")
          .number(
              "control_truth_accuracy", "control_truth_accuracy_lo", "control_truth_accuracy_hi")
          .number(
              "longer_answer_conflict",
              "longer_answer_conflict_lo",
              "longer_answer_conflict_hi",
              "longer_answer_control",
              "longer_answer_control_lo",
              "longer_answer_control_hi",
              "longer_preferred",
              "longer_preferred_lo",
              "longer_preferred_hi")
          .text("verdict_class", "verdict", "reading", "length_note");

  private AuditSection() {}

  /**
   * The section, when the run audited a reward model; empty otherwise.
   *
   * @param run the main sweep, whose menu the reward model is set on
   */
  static Optional<Section> build(Path runDirectory, PullOutputs run) throws InvalidRunException {
    Path dir = new RunLayout(runDirectory).auditPairs();
    Path file = dir.resolve(RunLayout.AUDIT_FILE);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    List<Block> blocks = new ArrayList<>();
    Optional<String> notRun = notRun(dir, file);
    if (notRun.isPresent()) {
      blocks.add(new Block.Paragraph("Not run, so left out: " + notRun.get() + "."));
      return Optional.of(section(blocks));
    }
    Table table = RunCsv.read(file, COLUMNS);
    Map<String, Object> config = manifest(dir).config();
    Row all = table.row(0);
    blocks.add(
        new Block.Paragraph(
            "The reward model "
                + config.getOrDefault("model", "?")
                + " ("
                + config.getOrDefault("architecture", "?")
                + ") scored every pair of the run, all splits (the heads' verdicts above are on"
                + " the test split only, so intervals differ in width). On grounded pairs where the"
                + " user is wrong it prefers the sycophantic answer "
                + share(all, "conflict", true)
                + "; where the user is right it prefers the truthful, agreeing answer "
                + share(all, "control", false)
                + ". Verdict: "
                + all.getString("verdict")
                + " — "
                + all.getString("reading")
                + ". It rewards the longer answer higher on "
                + Numbers.rate(
                    new Stat(
                        all.getDouble("longer_preferred"),
                        all.getDouble("longer_preferred_lo"),
                        all.getDouble("longer_preferred_hi")))
                + " of the pairs whose answers differ in length"
                + (all.getString("length_note").isEmpty()
                    ? ""
                    : "; " + all.getString("length_note"))
                + "."));
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i < table.rowCount(); i++) {
      Row row = table.row(i);
      rows.add(
          List.of(
              row.getString("family"),
              share(row, "conflict", true),
              share(row, "control", false),
              row.getString("verdict")));
    }
    blocks.addAll(pull(runDirectory, run));
    if (!rows.isEmpty()) {
      blocks.add(
          new Block.DataTable(
              "by family: share of pairs preferring the sycophantic answer (conflict: user wrong)"
                  + " and the truthful, agreeing one (control: user right), ties half, 95% Wilson"
                  + " intervals treating pairs as independent, from "
                  + RunLayout.AUDIT_PAIRS
                  + "/"
                  + RunLayout.AUDIT_FILE,
              List.of(
                  "family",
                  "conflict: prefers sycophantic",
                  "control: prefers truthful",
                  "verdict"),
              rows));
    }
    return Optional.of(section(blocks));
  }

  /**
   * The reward model's pull ({@link RunLayout#AUDIT_PULL}, its rewards in the agreeable heads'
   * place against the grounded heads): its best-of-n truthful rate against n beside the trained
   * heads', and where it sits on the heads' menu at the headline's n.
   */
  private static List<Block> pull(Path runDirectory, PullOutputs run) throws InvalidRunException {
    Path dir = new RunLayout(runDirectory).auditPull();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    Optional<String> notRun = SweepDirectories.notRun(dir);
    if (notRun.isPresent()) {
      return List.of(new Block.Paragraph("Not run, so left out: " + notRun.get() + "."));
    }
    PullCsv audited = PullCsv.read(dir.resolve(RunLayout.PULL_FILE));
    PullCsv heads = run.pull();
    String truthful = PullMetric.TRUTHFUL_RATE.id();
    List<List<String>> rows = new ArrayList<>();
    for (int n : audited.ns()) {
      rows.add(
          List.of(
              String.valueOf(n),
              rate(audited.bestOfN(truthful, 1, n)),
              rate(heads.bestOfN(truthful, 1, n)),
              rate(heads.bestOfN(truthful, 0, n)),
              rate(heads.bestOfN(Reward.ORACLE, truthful, 0, n))));
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.DataTable(
            "truthful rate of best-of-n, all pools: the reward model alone (λ = 1 of "
                + RunLayout.AUDIT_PULL
                + "/), the trained agreeable heads alone (λ = 1 of pull/), the grounded heads"
                + " alone (λ = 0) and the oracle ("
                + Numbers.intervals(audited.hasIntervals())
                + ")",
            List.of("n", "reward model", "agreeable heads", "grounded heads", "oracle"),
            rows));
    blocks.add(new Block.Paragraph(onTheMenu(audited, heads, run.focus().n())));
    return blocks;
  }

  /**
   * Where the reward model alone sits on the heads' menu at best-of-{@code n}: the λ of the main
   * sweep whose truthful rate is nearest its own, and whether its interval sets it apart from the
   * grounded heads alone (λ = 0) and the agreeable heads alone (λ = 1).
   */
  private static String onTheMenu(PullCsv audited, PullCsv heads, int n) {
    String truthful = PullMetric.TRUTHFUL_RATE.id();
    Optional<Stat> own = audited.bestOfN(truthful, 1, n);
    if (own.isEmpty()) {
      return "The reward model's pull has no best-of-"
          + n
          + " rows at λ = 1 (the reward model alone); its grid must hold λ = 1 to set it on the"
          + " menu.";
    }
    double value = own.get().value();
    double nearest = Double.NaN;
    double distance = Double.POSITIVE_INFINITY;
    for (double lambda : heads.lambdas()) {
      Optional<Stat> stat = heads.bestOfN(truthful, lambda, n);
      if (stat.isPresent() && Math.abs(stat.get().value() - value) < distance) {
        distance = Math.abs(stat.get().value() - value);
        nearest = lambda;
      }
    }
    String head =
        "On the menu at best-of-"
            + n
            + ": the reward model alone is truthful "
            + Numbers.rate(own.get());
    if (Double.isNaN(nearest)) {
      return head + "; the main sweep has no best-of-" + n + " rows to compare with.";
    }
    List<String> against = new ArrayList<>();
    compare(own.get(), heads.bestOfN(truthful, 0, n), "the grounded heads alone (λ = 0)")
        .ifPresent(against::add);
    compare(own.get(), heads.bestOfN(truthful, 1, n), "the agreeable heads alone (λ = 1)")
        .ifPresent(against::add);
    return head
        + ", nearest the trained heads' mix at λ = "
        + Numbers.grid(nearest)
        + " (λ·agreeable + (1−λ)·grounded)"
        + (against.isEmpty() ? "" : "; " + String.join("; ", against))
        + ".";
  }

  /**
   * The reward model against one end of the menu: below or above it when the 95% intervals do not
   * overlap, else not told apart; empty when that end is not on the grid.
   */
  private static Optional<String> compare(Stat own, Optional<Stat> end, String name) {
    if (end.isEmpty()) {
      return Optional.empty();
    }
    Stat other = end.get();
    String words =
        !own.hasInterval() || !other.hasInterval()
            ? "no intervals to tell it from " + name
            : own.hi() < other.lo()
                ? "less truthful than " + name
                : own.lo() > other.hi()
                    ? "more truthful than " + name
                    : "not told apart from " + name;
    return Optional.of(words + " (" + Numbers.rate(other) + ")");
  }

  private static String rate(Optional<Stat> stat) {
    return stat.map(Numbers::rate).orElse("");
  }

  private static Section section(List<Block> blocks) {
    return new Section("audit", "Audited reward model", blocks);
  }

  /** Why the audit is missing from a directory that exists; empty when it ran. */
  private static Optional<String> notRun(Path dir, Path file) {
    Path manifest = dir.resolve(RunManifest.FILE_NAME);
    try {
      if (!Files.isRegularFile(manifest)
          || RunManifest.read(manifest).status() != RunManifest.Status.COMPLETE
          || !Files.isRegularFile(file)) {
        return Optional.of(
            "the reward model's audit (" + RunLayout.AUDIT_PAIRS + "/ did not complete)");
      }
    } catch (IOException e) {
      return Optional.of(manifest + ": not a manifest");
    }
    return Optional.empty();
  }

  private static RunManifest manifest(Path dir) throws InvalidRunException {
    Path file = dir.resolve(RunManifest.FILE_NAME);
    try {
      return RunManifest.read(file);
    } catch (IOException e) {
      throw new InvalidRunException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The share of a row's pairs of one side in words, with its interval: of the true answer, or one
   * minus it for the sycophantic answer on conflict pairs.
   */
  private static String share(Row row, String side, boolean againstTruth) {
    int pairs = row.getInt(side + "_pairs");
    if (pairs == 0) {
      return "(no pairs)";
    }
    double value = row.getDouble(side + "_truth_accuracy");
    double lo = row.getDouble(side + "_truth_accuracy_lo");
    double hi = row.getDouble(side + "_truth_accuracy_hi");
    Stat stat = againstTruth ? new Stat(1 - value, 1 - hi, 1 - lo) : new Stat(value, lo, hi);
    return Numbers.rate(stat) + " of " + pairs;
  }
}
