package org.sycolab.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TrainOutcomeTest {

  private static final String NL = System.lineSeparator();

  @Test
  void withoutGroundedTestPairsItSaysThereIsNoVerdict() {
    Table summary = Table.create("heads");
    TrainOutcome outcome = new TrainOutcome(Path.of("heads"), List.of(), summary, List.of(), 0);

    assertThat(Printed.of(outcome))
        .isEqualTo(
            summary.printAll()
                + NL
                + NL
                + "no verdict: the test split has no grounded pairs to judge the heads against the"
                + " truth"
                + NL
                + "wrote 0 heads to heads"
                + NL);
  }
}
