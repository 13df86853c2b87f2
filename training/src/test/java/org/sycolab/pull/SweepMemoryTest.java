package org.sycolab.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sycolab.data.Premise;

class SweepMemoryTest {

  private static final long MIB = 1L << 20;
  private static final long GIB = 1L << 30;

  /** About the default grid on a thousand pools: 10,000 statistics of one reward. */
  private static SweepMemory sweep(int resamples) {
    return SweepMemory.of(1000, 100, 10_000, 100, 3, 6, resamples, 17);
  }

  @Test
  void resampledStatisticsDominateAndGrowWithResamples() {
    SweepMemory large = sweep(100_000);
    // 4 bytes per statistic and resample, 8 per λ* value: 4.08 GB before the rest.
    assertThat(large.bytes()).isGreaterThan(100_000L * (4 * 10_000 + 8 * 100));
    assertThat(large.bytes() - sweep(1000).bytes()).isEqualTo(99_000L * sweep(1).perResample());
  }

  @Test
  void aBootstrapThatDoesNotFitThePlantedHeapIsRefusedWithTheXmxToUse() {
    SweepMemory large = sweep(100_000);
    assertThatThrownBy(() -> large.requireFits(new JavaHeap(GIB, 200 * MIB)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--bootstrap 100000 needs about 3.9 GiB of heap, but 824 MiB of")
        .hasMessageContaining("the 1.0 GiB heap is free; set SYCOLAB_JAVA_OPTS=-Xmx6g, or use at")
        .hasMessageContaining("most 19460 ")
        .hasMessageEndingWith("resamples or a smaller grid");
    assertThatCode(() -> large.requireFits(new JavaHeap(8 * GIB, 200 * MIB)))
        .doesNotThrowAnyException();
    assertThatCode(() -> sweep(1000).requireFits(new JavaHeap(GIB, 200 * MIB)))
        .doesNotThrowAnyException();
  }

  @Test
  void aHeapUnderAGigabyteIsSaidInMibAndTheXmxToUseHoldsTheNeed() {
    SweepMemory small = new SweepMemory(400, 10, 100_000, 2 * MIB);
    assertThatThrownBy(() -> small.requireFits(new JavaHeap(32 * MIB, 10 * MIB)))
        .hasMessage(
            "--bootstrap 400 needs about 41 MiB of heap, but 22 MiB of the 32 MiB heap is free;"
                + " set SYCOLAB_JAVA_OPTS=-Xmx63m, or use at most 209 resamples or a smaller grid");
    long needed = 10 * MIB + small.bytes();
    assertThat(Long.parseLong(JavaHeap.xmx(needed).replace("m", "")) * MIB)
        .isGreaterThanOrEqualTo(needed);
  }

  @Test
  void sizesShowTheirNumberAndXmxIsNeverBelowTheNeed() {
    assertThat(JavaHeap.size(1)).isEqualTo("1 MiB");
    assertThat(JavaHeap.size(12 * MIB)).isEqualTo("12 MiB");
    assertThat(JavaHeap.size(GIB - 1)).isEqualTo("1024 MiB");
    assertThat(JavaHeap.size(GIB + GIB / 2)).isEqualTo("1.5 GiB");
    assertThat(JavaHeap.xmx(1)).isEqualTo("1m");
    assertThat(JavaHeap.xmx(100 * MIB)).isEqualTo("125m");
    assertThat(JavaHeap.xmx(900 * MIB)).isEqualTo("2g");
    assertThat(JavaHeap.xmx(4 * GIB)).isEqualTo("5g");
  }

  @Test
  void theResamplesThatFitAreSaidAndDoFit() {
    JavaHeap heap = new JavaHeap(GIB, 200 * MIB);
    String message = "";
    try {
      sweep(100_000).requireFits(heap);
    } catch (IllegalArgumentException e) {
      message = e.getMessage();
    }
    int fitting = Integer.parseInt(message.replaceAll(".*use at most (\\d+) resamples.*", "$1"));
    assertThatCode(() -> sweep(fitting).requireFits(heap)).doesNotThrowAnyException();
    assertThatThrownBy(() -> sweep(fitting + 1).requireFits(heap))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void moreResamplesThanOneArrayHoldsAreRefusedWhateverTheHeap() {
    assertThatThrownBy(() -> sweep(300_000).requireFits(new JavaHeap(Long.MAX_VALUE, 0)))
        .hasMessage(
            "--bootstrap 300000 resamples of 10000 statistics are too many to hold in one array;"
                + " use at most 214748 resamples or a smaller grid");
  }

  @Test
  void theEstimateCoversTheArraysTheSweepFills() {
    PoolSet pools =
        PoolSet.of(
            List.of(
                PullAnalysisTest.pool(
                    "a",
                    Premise.FALSE,
                    "false-premise",
                    "capitals",
                    PullAnalysisTest.candidate(true, false, "correct"),
                    PullAnalysisTest.candidate(false, true, "capitulate"))),
            Reference.UNIFORM);
    PullGrid grid = new PullGrid(List.of(0.0, 0.5, 1.0), List.of(1, 2), List.of(0.5));
    PullAnalysis analysis = new PullAnalysis(pools, grid, 50, 1);
    PullResult result =
        analysis.run(
            List.of(new RewardScores("seed1", new double[] {1, 2}, new double[] {2, 1})),
            done -> {});
    int rewards = Reward.values().length;
    long stats = result.estimates().size() / rewards;
    long tipping = result.tipping().size() / rewards;
    assertThat(analysis.memory(1).bytes())
        .isGreaterThanOrEqualTo(50 * (4 * stats + 8 * tipping) + 64 * rewards * (stats + tipping));
  }
}
