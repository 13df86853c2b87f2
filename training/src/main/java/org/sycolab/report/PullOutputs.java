package org.sycolab.report;

import java.nio.file.Path;
import java.util.Optional;
import org.sycolab.pull.Reward;
import org.sycolab.run.RunLayout;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The tables of a run's {@code pull/} directory, which every report needs, with the settings it is
 * read at.
 *
 * @param runDirectory the run directory
 * @param pull {@code pull.csv}
 * @param lambdaStar {@code lambda_star.csv}, the learned heads' rows ({@code reward} mixed)
 * @param menu {@code menu.csv}, the learned heads' rows
 * @param referenceMenu {@code menu.csv}, the reference selectors' rows (oracle, agree, …); empty
 *     when the sweep had none
 * @param seeds the spread across head seeds ({@code seeds.csv}; one seed without it)
 * @param focus the headline's n and λ on this sweep's grid
 * @param scored the pools the sweep scored, when the run has its pools file and the sweep its
 *     scores
 */
record PullOutputs(
    Path runDirectory,
    PullCsv pull,
    Table lambdaStar,
    Table menu,
    Table referenceMenu,
    HeadSeeds seeds,
    Focus focus,
    Optional<ScoredPools> scored) {

  static final RunCsv.Columns LAMBDA_STAR =
      new RunCsv.Columns()
          .text("reward", "selection")
          .count("n")
          .number("beta")
          .text("family", "domain")
          .number("reference_truthful_rate", "lambda_star", "lo", "hi");

  static final RunCsv.Columns MENU =
      new RunCsv.Columns()
          .text("reward")
          .number("lambda")
          .count("n")
          .number("beta", "approval", "approval_lo", "approval_hi")
          .number("truthful_rate", "truthful_lo", "truthful_hi", "kl");

  /**
   * Reads {@code pull/pull.csv}, {@code lambda_star.csv}, {@code menu.csv} and, when there, {@code
   * seeds.csv} of a run, and the pools it scored (read once for every section that needs them).
   *
   * @throws InvalidRunException when one is missing or malformed, naming it
   */
  static PullOutputs read(Path runDirectory) throws InvalidRunException {
    Path dir = new RunLayout(runDirectory).pull();
    if (!java.nio.file.Files.isDirectory(dir)) {
      throw new InvalidRunException(
          dir
              + ": no such directory; a report needs the pull stage (sycolab pull --out "
              + dir
              + ")");
    }
    PullCsv pull = PullCsv.read(dir.resolve(RunLayout.PULL_FILE));
    Table lambdaStar = RunCsv.read(dir.resolve(RunLayout.LAMBDA_STAR_FILE), LAMBDA_STAR);
    Table menu = RunCsv.read(dir.resolve(RunLayout.MENU_FILE), MENU);
    return new PullOutputs(
        runDirectory,
        pull,
        learnedHeads(lambdaStar, true),
        learnedHeads(menu, true),
        learnedHeads(menu, false),
        HeadSeeds.read(dir),
        Focus.of(pull),
        ScoredPools.read(runDirectory, dir));
  }

  /** The rows of the learned heads ({@code reward} mixed), or of the reference selectors. */
  private static Table learnedHeads(Table table, boolean learned) {
    StringColumn reward = table.stringColumn("reward");
    return table.where(
        learned ? reward.isEqualTo(Reward.MIXED.id()) : reward.isNotEqualTo(Reward.MIXED.id()));
  }
}
