package org.sycolab.pull;

import java.util.Locale;

/**
 * The heap a pull sweep needs at its peak, estimated from its sizes before it starts, so that a
 * bootstrap too large for the heap is refused up front, with the {@code -Xmx} that fits it, instead
 * of failing with {@link OutOfMemoryError} part way.
 *
 * <p>One reward is swept at a time ({@link PullAnalysis}); its resampled statistics, 4 bytes per
 * statistic and resample, and λ* values, 8 bytes per group, curve and resample, are what grows with
 * {@code --bootstrap}. Every thread also holds one statistic's column of resamples while reading
 * its interval, and scratch sums per pool. What does not grow with resamples is the per-pool values
 * of the mean and one seed, each seed's estimates, and every reward's results.
 *
 * @param resamples bootstrap resamples
 * @param elementsPerResample elements per resample of the longest array the bootstrap fills
 * @param perResample bytes held per resample
 * @param fixed bytes held whatever the number of resamples
 */
public record SweepMemory(int resamples, int elementsPerResample, long perResample, long fixed) {

  /** Bytes of one result row (an estimate or a λ*): object header, references, three doubles. */
  private static final long RESULT_BYTES = 64;

  /** Bytes of an interval's two ends: an array of two doubles and the reference to it. */
  private static final long INTERVAL_BYTES = 40;

  /** The longest Java array, in elements. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  /**
   * The estimate for a sweep of these sizes.
   *
   * @param pools evaluated pools
   * @param settings settings of the grid, π₀ included
   * @param stats statistics of one reward
   * @param tippingPoints λ* values of one reward (groups × curves)
   * @param seeds head seeds (replicates)
   * @param rewards rewards swept
   * @param resamples bootstrap resamples
   * @param threads threads that resample and read intervals at once
   */
  static SweepMemory of(
      int pools,
      int settings,
      int stats,
      int tippingPoints,
      int seeds,
      int rewards,
      int resamples,
      int threads) {
    long columns = (long) settings * PoolValues.QUANTITIES;
    long perResample = 4L * stats + 8L * tippingPoints + 8L * threads;
    long poolValues = 2 * 8L * pools * columns;
    long perSeed = 8L * seeds * stats;
    long intervals = INTERVAL_BYTES * (stats + tippingPoints);
    long scratch = threads * (4L * pools + 8L * pools * columns + 8L * (stats + tippingPoints));
    long results = RESULT_BYTES * (long) (rewards + 1) * (stats + tippingPoints);
    return new SweepMemory(
        resamples,
        Math.max(stats, tippingPoints),
        perResample,
        poolValues + perSeed + intervals + scratch + results);
  }

  /** Bytes at the peak. */
  public long bytes() {
    return fixed + perResample * resamples;
  }

  /**
   * Refuses a sweep that would not fit: its resamples are more than one array holds, or its bytes
   * are more than the heap has free.
   *
   * @throws IllegalArgumentException naming the estimate, the heap and the {@code -Xmx} to use
   */
  public void requireFits(JavaHeap heap) {
    if ((long) resamples * elementsPerResample > MAX_ARRAY) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "--bootstrap %d resamples of %d statistics are too many to hold in one array;"
                  + " use at most %d resamples or a smaller grid",
              resamples,
              elementsPerResample,
              MAX_ARRAY / elementsPerResample));
    }
    long free = heap.free();
    if (bytes() <= free) {
      return;
    }
    long fitting = Math.max(0, (free - fixed) / perResample);
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "--bootstrap %d needs about %s of heap, but %s of the %s heap is free; set"
                + " SYCOLAB_JAVA_OPTS=-Xmx%s, or use at most %d resamples or a smaller grid",
            resamples,
            JavaHeap.size(bytes()),
            JavaHeap.size(free),
            JavaHeap.size(heap.max()),
            JavaHeap.xmx(heap.used() + bytes()),
            fitting));
  }
}
