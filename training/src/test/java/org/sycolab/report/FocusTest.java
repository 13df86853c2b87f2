package org.sycolab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FocusTest {

  @TempDir Path tmp;

  @Test
  void takesTheGridsNearestValuesAndSaysWhich() throws Exception {
    Path file = tmp.resolve("pull.csv");
    StringBuilder csv =
        new StringBuilder("reward,lambda,n,beta,metric,family,domain,value,lo,hi\n");
    for (String lambda : new String[] {"0.0", "0.4", "0.9"}) {
      for (String n : new String[] {"4", "8"}) {
        csv.append("mixed,")
            .append(lambda)
            .append(',')
            .append(n)
            .append(",,truthful_rate,all,all,0.5,,\n");
      }
      csv.append("mixed,").append(lambda).append(",,0.5,truthful_rate,all,all,0.5,,\n");
    }
    Files.writeString(file, csv);
    Focus focus = Focus.of(PullCsv.read(file));
    assertThat(focus.n()).isEqualTo(8);
    assertThat(focus.lambdas()).containsExactly(0.0, 0.4, 0.9);
    assertThat(focus.substitutions())
        .containsExactly("n = 8 for 16", "λ = 0.4 for 0.5", "λ = 0.9 for 1");
  }

  @Test
  void aGridWithTheWantedValuesNeedsNoSubstitute() throws Exception {
    Path run = TestRuns.minimal(tmp.resolve("run"));
    Focus focus = Focus.of(PullCsv.read(run.resolve("pull").resolve("pull.csv")));
    assertThat(focus).isEqualTo(new Focus(16, 0, 0.5, 1, List.of()));
  }
}
