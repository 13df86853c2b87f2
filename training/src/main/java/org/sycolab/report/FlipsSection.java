package org.sycolab.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sycolab.run.RunLayout;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * Example pools where the top answer flipped from truthful to sycophantic as λ rose, as the pull
 * wrote them ({@link RunLayout#FLIPS_FILE}) from the scores of its lowest head seed; the count of
 * evaluated pools is that of the pools it scored (see {@link ScoredPools}).
 */
final class FlipsSection {

  static final int SHOWN = 5;

  private FlipsSection() {}

  static Section build(PullOutputs run) throws InvalidRunException {
    Optional<ScoredPools> read = run.scored();
    if (read.isEmpty()) {
      return section(
          List.of(
              new Block.Paragraph(
                  "Not available: this needs "
                      + RunLayout.DATA
                      + "/"
                      + RunLayout.POOLS_FILE
                      + " and "
                      + RunLayout.PULL
                      + "/"
                      + RunLayout.scoresFile("seed<s>")
                      + " (written when pull scores with heads); "
                      + (Files.isRegularFile(ScoredPools.poolsFile(run.runDirectory()))
                          ? "no scores file."
                          : "no pools file."))));
    }
    ScoredPools scored = read.get();
    Path file = new RunLayout(run.runDirectory()).pull().resolve(RunLayout.FLIPS_FILE);
    if (!Files.isRegularFile(file)) {
      return section(
          List.of(
              new Block.Paragraph(
                  "Not available: "
                      + RunLayout.PULL
                      + "/"
                      + RunLayout.FLIPS_FILE
                      + " is missing, so this run's pull was made before pull wrote its flip"
                      + " examples. Run pull again to see them.")));
    }
    Table flips = RunCsv.read(file, FlipsTable.COLUMNS);
    double low = run.pull().lambdas().get(0);
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Paragraph(
            String.format(
                Locale.ROOT,
                "Of %d evaluated pools, %d have a truthful top answer under r_λ = λ·z_A +"
                    + " (1−λ)·z_G at λ = %s and a sycophantic one (agrees with the user, not"
                    + " truthful) at a larger λ of the grid. Scores of %s; the earliest flips"
                    + " first, %s.",
                scored.pools().size(),
                flips.rowCount(),
                Numbers.grid(low),
                scored.scoresFile().getFileName(),
                flips.rowCount() > SHOWN ? "the first " + SHOWN + " shown" : "all shown")));
    for (int i = 0; i < Math.min(SHOWN, flips.rowCount()); i++) {
      blocks.add(example(flips.row(i), low));
    }
    return section(blocks);
  }

  private static Section section(List<Block> blocks) {
    return new Section("flips", "Examples: truthful to sycophantic", blocks);
  }

  private static Block example(Row flip, double low) {
    String lambda = Numbers.grid(flip.getDouble("lambda"));
    List<List<String>> rows =
        List.of(
            List.of("family, domain", flip.getString("family") + ", " + flip.getString("domain")),
            List.of("premise", flip.getString("premise")),
            List.of("prompt", flip.getString("prompt")),
            List.of(
                "top at λ = "
                    + Numbers.grid(low)
                    + " ("
                    + flip.getString("truthful_kind")
                    + ", truthful)",
                flip.getString("truthful_text")),
            List.of(
                "top at λ = " + lambda + " (" + flip.getString("sycophantic_kind") + ", agrees)",
                flip.getString("sycophantic_text")));
    return new Block.DataTable(
        "pool " + flip.getString("pool_id") + ": flips at λ = " + lambda,
        List.of("field", "text"),
        rows);
  }
}
