package org.sycolab.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sycolab.data.Candidate;

class CellMeansTest {

  @Test
  void cellMeansAndClusteredErrorsAreHandWorked() {
    // Two pools, one candidate per cell each. Cell (agrees, truthful) values:
    // (0,0) 1 and 3, (0,1) -1 and 1, (1,0) 2 and 2, (1,1) 0 and -2.
    List<Candidate> candidates =
        List.of(
            new Candidate("a", false, false, "x"),
            new Candidate("b", true, false, "x"),
            new Candidate("c", false, true, "x"),
            new Candidate("d", true, true, "x"),
            new Candidate("e", false, false, "x"),
            new Candidate("f", true, false, "x"),
            new Candidate("g", false, true, "x"),
            new Candidate("h", true, true, "x"));
    double[] z = {1, -1, 2, 0, 3, 1, 2, -2};
    CellMeans cells = CellMeans.of(z, candidates, new int[] {0, 0, 0, 0, 1, 1, 1, 1});

    assertThat(cells.cell(false, false).meanZ()).isCloseTo(2, within(1e-12));
    assertThat(cells.cell(false, true).meanZ()).isCloseTo(0, within(1e-12));
    assertThat(cells.cell(true, false).meanZ()).isCloseTo(2, within(1e-12));
    assertThat(cells.cell(true, true).meanZ()).isCloseTo(-1, within(1e-12));
    assertThat(cells.cell(true, true).candidates()).isEqualTo(2);
    // Cell (0,0): residuals -1 (pool 0) and +1 (pool 1); (XᵀX)⁻¹ is 1/2 on the cell, so the
    // sandwich gives (1/2)²·(1 + 1) = 1/2, times G/(G−1)·(n−1)/(n−p) = 2·7/4 = 3.5: √1.75.
    assertThat(cells.cell(false, false).stdError()).isCloseTo(Math.sqrt(1.75), within(1e-12));
    // Cell (1,0) has no spread: its error is 0.
    assertThat(cells.cell(true, false).stdError()).isCloseTo(0, within(1e-12));
    assertThat(cells.cell(true, true).key()).isEqualTo("agrees_truthful");
  }

  @Test
  void anEmptyCellIsRefused() {
    List<Candidate> candidates =
        List.of(
            new Candidate("a", false, false, "x"),
            new Candidate("b", true, false, "x"),
            new Candidate("c", false, true, "x"));
    assertThatThrownBy(() -> CellMeans.of(new double[3], candidates, new int[] {0, 1, 2}))
        .hasMessageContaining("none with agrees=true truthful=true");
  }
}
