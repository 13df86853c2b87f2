package org.sycolab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private long now;

  @Test
  void showsCountPercentageAndRate() {
    ProgressBar bar =
        new ProgressBar(
            new PrintWriter(new StringWriter()), "generate", "probes", 200, true, () -> now);
    bar.step(50);
    now = 2_000_000_000L;
    assertThat(bar.line(now))
        .isEqualTo("generate [######                  ]  25% 50/200 probes, 25 probes/s");
  }

  @Test
  void withoutATotalShowsCountAndRate() {
    ProgressBar bar =
        new ProgressBar(
            new PrintWriter(new StringWriter()), "pairs.jsonl", "records", -1, true, () -> now);
    bar.step(12_000);
    now = 4_000_000_000L;
    assertThat(bar.line(now)).isEqualTo("pairs.jsonl 12,000 records, 3,000 records/s");
  }

  @Test
  void redrawsAtMostFiveTimesASecondAndClearsItsLine() {
    StringWriter out = new StringWriter();
    try (ProgressBar bar =
        new ProgressBar(new PrintWriter(out), "x", "items", 10, true, () -> now)) {
      for (int i = 0; i < 10; i++) {
        now += 50_000_000L; // 50 ms a step: 500 ms in all
        bar.step(1);
      }
    }
    assertThat(out.toString().split("\r", -1)).hasSize(2 + 1 + 1); // two redraws, a clear
  }

  @Test
  void disabledPrintsNothing() {
    StringWriter out = new StringWriter();
    try (ProgressBar bar =
        new ProgressBar(new PrintWriter(out), "x", "items", 10, false, () -> now)) {
      now = 10_000_000_000L;
      bar.step(5);
    }
    assertThat(out.toString()).isEmpty();
  }
}
