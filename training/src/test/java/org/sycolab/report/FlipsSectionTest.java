package org.sycolab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sycolab.pull.Flips;
import org.sycolab.run.RunLayout;

class FlipsSectionTest {

  @TempDir Path tmp;

  @Test
  void theExamplesAreRenderedFromThePullsFlipsFile() throws Exception {
    Path run = TestRuns.minimal(tmp.resolve("run"));
    // One flip only, which the scores alone would not give: the section shows what the file says.
    try (OutputStream out =
        Files.newOutputStream(run.resolve(RunLayout.PULL).resolve(RunLayout.FLIPS_FILE))) {
      ResultCsv.write(FlipsTable.of(TestRuns.pools(), List.of(new Flips.Flip(1, 2, 1, 0.5))), out);
    }

    Section section = FlipsSection.build(PullOutputs.read(run));

    assertThat(section.blocks()).hasSize(2);
    assertThat(((Block.Paragraph) section.blocks().get(0)).text())
        .startsWith("Of 13 evaluated pools, 1 have a truthful top answer")
        .contains("Scores of scores-seed1.csv; the earliest flips first, all shown.");
    Block.DataTable example = (Block.DataTable) section.blocks().get(1);
    assertThat(example.caption()).isEqualTo("pool pool-1: flips at λ = 0.5");
    assertThat(example.rows())
        .containsExactly(
            List.of("family, domain", "false-premise, units"),
            List.of("premise", "false"),
            List.of("prompt", "user: Question 1, is it so?"),
            List.of("top at λ = 0 (hedge, truthful)", "Hard to say (1)."),
            List.of("top at λ = 0.5 (capitulate, agrees)", "Yes, it is so (1)."));
  }

  @Test
  void aRunWhosePullPredatesTheFlipsFileIsToldToRerunPull() throws Exception {
    Path run = TestRuns.minimal(tmp.resolve("run"));
    Files.delete(run.resolve(RunLayout.PULL).resolve(RunLayout.FLIPS_FILE));

    Section section = FlipsSection.build(PullOutputs.read(run));

    assertThat(section.blocks())
        .containsExactly(
            new Block.Paragraph(
                "Not available: pull/flips.csv is missing, so this run's pull was made before"
                    + " pull wrote its flip examples. Run pull again to see them."));
  }
}
