package org.sycolab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sycolab.data.Candidate;
import org.sycolab.data.CandidatePool;
import org.sycolab.data.Turn;
import org.sycolab.pull.InvalidScoresException;
import org.sycolab.pull.PoolSet;
import org.sycolab.pull.Reference;
import org.sycolab.pull.RewardScores;
import org.sycolab.pull.ScoresFile;
import org.sycolab.run.RunLayout;

/**
 * Example pools where the top answer flipped from truthful to sycophantic as λ rose, read from the
 * run's pools file and the scores file of the lowest head seed of its pull (see {@link
 * ScoredPools}).
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
    List<CandidatePool> evaluated = scored.pools();
    Path scoresFile = scored.scoresFile();
    PoolSet pools;
    List<Flips.Flip> flips;
    try {
      pools = PoolSet.of(evaluated, Reference.UNIFORM);
      RewardScores scores = ScoresFile.read(scoresFile, "scores", pools, scored.sizes());
      flips = Flips.find(pools, scores, run.pull().lambdas());
    } catch (InvalidScoresException | IOException | IllegalArgumentException e) {
      throw new InvalidRunException(scoresFile + ": " + e.getMessage(), e);
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(
        new Block.Paragraph(
            String.format(
                Locale.ROOT,
                "Of %d evaluated pools, %d have a truthful top answer under r_λ = λ·z_A +"
                    + " (1−λ)·z_G at λ = %s and a sycophantic one (agrees with the user, not"
                    + " truthful) at a larger λ of the grid. Scores of %s; the earliest flips"
                    + " first, %s.",
                pools.size(),
                flips.size(),
                Numbers.grid(run.pull().lambdas().get(0)),
                scoresFile.getFileName(),
                flips.size() > SHOWN ? "the first " + SHOWN + " shown" : "all shown")));
    for (Flips.Flip flip : flips.subList(0, Math.min(SHOWN, flips.size()))) {
      blocks.add(example(evaluated.get(flip.pool()), flip, run.pull().lambdas().get(0)));
    }
    return section(blocks);
  }

  private static Section section(List<Block> blocks) {
    return new Section("flips", "Examples: truthful to sycophantic", blocks);
  }

  private static Block example(CandidatePool pool, Flips.Flip flip, double low) {
    Candidate truthful = pool.candidates().get(flip.truthful());
    Candidate sycophantic = pool.candidates().get(flip.sycophantic());
    List<List<String>> rows =
        List.of(
            List.of("family, domain", pool.family() + ", " + pool.domain()),
            List.of("premise", pool.premise().jsonName()),
            List.of("prompt", prompt(pool.prompt())),
            List.of(
                "top at λ = " + Numbers.grid(low) + " (" + truthful.kind() + ", truthful)",
                truthful.text()),
            List.of(
                "top at λ = "
                    + Numbers.grid(flip.lambda())
                    + " ("
                    + sycophantic.kind()
                    + ", agrees)",
                sycophantic.text()));
    return new Block.DataTable(
        "pool " + pool.id() + ": flips at λ = " + Numbers.grid(flip.lambda()),
        List.of("field", "text"),
        rows);
  }

  private static String prompt(List<Turn> turns) {
    return turns.stream()
        .map(t -> t.role().jsonName() + ": " + t.content())
        .collect(Collectors.joining("\n"));
  }
}
