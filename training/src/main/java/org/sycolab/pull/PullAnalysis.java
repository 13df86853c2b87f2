package org.sycolab.pull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;
import org.sycolab.stats.SampleMoments;

/**
 * Runs a pull sweep: standardises each replicate's scores over the evaluated pools, computes every
 * pool's exact selection under every setting, averages replicates, and aggregates with a percentile
 * bootstrap over pools (the same resamples for every statistic, so differences such as the pull are
 * paired). The learned heads and each reference selector ({@link Reward}) are swept in turn on the
 * same pools and the same resamples, one reward's resampled statistics in memory at a time.
 * z-scores are fixed before resampling. Resampled statistics are kept in single precision (4 bytes
 * per statistic and resample), so interval ends are good to about one part in 10⁷ of their size;
 * estimates are exact in double precision.
 */
public final class PullAnalysis {
  private static final double LOWER = 0.025;
  private static final double UPPER = 0.975;
  private static final int RESAMPLES_PER_TASK = 8;
  private static final int STATS_PER_TASK = 256;

  private final PoolSet pools;
  private final PullGrid grid;
  private final int resamples;
  private final long seed;

  /**
   * A sweep over these pools.
   *
   * @param resamples bootstrap resamples, 0 for none
   * @param seed seeds the resamples; the same seed gives the same intervals
   */
  public PullAnalysis(PoolSet pools, PullGrid grid, int resamples, long seed) {
    if (resamples < 0) {
      throw new IllegalArgumentException("--bootstrap must be 0 or more, got " + resamples);
    }
    this.pools = pools;
    this.grid = grid;
    this.resamples = resamples;
    this.seed = seed;
  }

  /**
   * Runs the sweep for the learned heads and every reference selector ({@link Reward}).
   *
   * @param replicates raw scores, one entry per head seed (aligned with the pools)
   * @param progress told how many resamples have finished, from any thread; {@link #progressTotal}
   *     in all
   */
  public PullResult run(List<RewardScores> replicates, IntConsumer progress) {
    return run(replicates, List.of(Reward.values()), progress);
  }

  /**
   * Runs the sweep for {@code rewards}, each on the same pools and the same bootstrap resamples.
   * The learned heads ({@link Reward#MIXED}) are swept per seed and averaged; each reference
   * likewise, in each seed's grounded place ({@link ReferenceScores}), and reported once.
   *
   * @param replicates raw scores, one entry per head seed (aligned with the pools)
   * @param rewards which rewards to sweep, in output order
   * @param progress told how many resamples have finished, from any thread; {@code resamples ×
   *     rewards.size()} in all
   */
  public PullResult run(List<RewardScores> replicates, List<Reward> rewards, IntConsumer progress) {
    if (replicates.isEmpty()) {
      throw new IllegalArgumentException("no scores to evaluate");
    }
    if (rewards.isEmpty()) {
      throw new IllegalArgumentException("no rewards to sweep");
    }
    List<RewardScores> standardised = new ArrayList<>(replicates.size());
    for (RewardScores scores : replicates) {
      if (scores.agreeable().length != pools.candidateCount()) {
        throw new IllegalArgumentException(
            scores.name()
                + " scores "
                + scores.agreeable().length
                + " candidates, the pools have "
                + pools.candidateCount());
      }
      standardised.add(scores.standardised());
    }
    Aggregator aggregator = new Aggregator(pools, grid);
    List<Estimate> estimates = new ArrayList<>();
    List<TippingPoint> tipping = new ArrayList<>();
    List<SeedSpread> spread = new ArrayList<>();
    for (Reward reward : rewards) {
      List<RewardScores> swept =
          reward.isReference() ? ReferenceScores.of(reward, pools, standardised) : standardised;
      sweep(aggregator, reward, swept, progress, estimates, tipping, spread);
    }
    return new PullResult(
        estimates,
        tipping,
        spread,
        replicates.stream().map(RewardScores::name).toList(),
        pools.size(),
        pools.candidateCount(),
        resamples);
  }

  /**
   * The heap {@link #run(List, IntConsumer)} needs at its peak for {@code seeds} replicates: check
   * it before any work starts.
   */
  public SweepMemory memory(int seeds) {
    Aggregator aggregator = new Aggregator(pools, grid);
    return SweepMemory.of(
        pools.size(),
        aggregator.settings().size(),
        aggregator.stats().size(),
        aggregator.groups().size() * aggregator.curveCount(),
        seeds,
        Reward.values().length,
        resamples,
        ForkJoinPool.commonPool().getParallelism() + 1);
  }

  /** How many resamples {@link #run(List, IntConsumer)} reports to its progress in all. */
  public int progressTotal() {
    return resamples * Reward.values().length;
  }

  /**
   * Sweeps one reward: estimates averaged over {@code standardised} replicates, the bootstrap on
   * the same resamples as every other reward (the same seed), and the spread across replicates;
   * appended to the lists.
   */
  private void sweep(
      Aggregator aggregator,
      Reward reward,
      List<RewardScores> standardised,
      IntConsumer progress,
      List<Estimate> estimates,
      List<TippingPoint> tipping,
      List<SeedSpread> spread) {
    List<Setting> settings = aggregator.settings();
    // One replicate's values at a time: its estimates are kept for the spread across seeds and
    // its values added into the mean, so memory does not grow with the number of seeds.
    int groups = aggregator.groups().size();
    int curves = aggregator.curveCount();
    double[][] perReplicate = new double[standardised.size()][aggregator.stats().size()];
    PoolValues values = null;
    for (int r = 0; r < standardised.size(); r++) {
      PoolValues replicate = PoolValues.compute(pools, standardised.get(r), settings);
      aggregator
          .workspace()
          .aggregate(
              replicate, null, perReplicate[r], new double[groups], new double[groups * curves]);
      values = values == null ? replicate : values.plus(replicate);
    }
    values = values.times(1.0 / standardised.size());

    List<Aggregator.Stat> stats = aggregator.stats();
    double[] estimate = new double[stats.size()];
    double[] reference = new double[groups];
    double[] tippingValues = new double[groups * curves];
    aggregator.workspace().aggregate(values, null, estimate, reference, tippingValues);

    float[] bootStats = new float[bootstrapSize(stats.size())];
    double[] bootTipping = new double[resamples * tippingValues.length];
    bootstrap(aggregator, values, bootStats, bootTipping, progress);

    estimates.addAll(
        estimates(aggregator, reward, estimate, intervals(k -> bootStats[k], stats.size(), false)));
    tipping.addAll(
        tippingPoints(
            aggregator,
            reward,
            reference,
            tippingValues,
            intervals(k -> bootTipping[k], tippingValues.length, true)));
    if (!reward.isReference()) {
      // A reference is the same in every seed; what spreads is the agreeable head, whose spread
      // the heads' own rows give.
      spread.addAll(spread(aggregator, reward, perReplicate));
    }
  }

  private static List<Estimate> estimates(
      Aggregator aggregator, Reward reward, double[] estimate, double[][] intervals) {
    List<Aggregator.Stat> stats = aggregator.stats();
    List<Estimate> estimates = new ArrayList<>(stats.size());
    for (int i : outputOrder(stats)) {
      Aggregator.Stat stat = stats.get(i);
      estimates.add(
          new Estimate(
              reward,
              aggregator.settings().get(stat.setting()),
              stat.metric(),
              aggregator.groups().get(stat.group()),
              estimate[i],
              intervals[i][0],
              intervals[i][1]));
    }
    return estimates;
  }

  /** λ* per group and curve; +∞ (never tips) becomes NaN. */
  private static List<TippingPoint> tippingPoints(
      Aggregator aggregator,
      Reward reward,
      double[] reference,
      double[] tipping,
      double[][] intervals) {
    int curves = aggregator.curveCount();
    List<TippingPoint> points = new ArrayList<>();
    for (int g = 0; g < aggregator.groups().size(); g++) {
      for (int curve = 0; curve < curves; curve++) {
        int i = g * curves + curve;
        points.add(
            new TippingPoint(
                reward,
                aggregator.curve(curve),
                aggregator.groups().get(g),
                reference[g],
                Double.isFinite(tipping[i]) ? tipping[i] : Double.NaN,
                intervals[i][0],
                intervals[i][1]));
      }
    }
    return points;
  }

  /** Stat indices ordered by setting, then metric, then group: the rows of {@code pull.csv}. */
  private static int[] outputOrder(List<Aggregator.Stat> stats) {
    return IntStream.range(0, stats.size())
        .boxed()
        .sorted(
            Comparator.comparingInt((Integer i) -> stats.get(i).setting())
                .thenComparing(i -> stats.get(i).metric())
                .thenComparingInt(i -> stats.get(i).group()))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /**
   * How many resampled statistics the bootstrap keeps.
   *
   * @throws IllegalArgumentException when they would not fit in one array
   */
  private int bootstrapSize(int statCount) {
    long size = (long) resamples * statCount;
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "--bootstrap "
              + resamples
              + " resamples of "
              + statCount
              + " statistics are too many to hold; use fewer resamples or a smaller grid");
    }
    return (int) size;
  }

  /**
   * The 95% interval of each of {@code count} statistics from their resampled values
   * (resample-major: statistic i of resample b at index {@code b·count + i}), spread over the
   * cores; NaN ends without a bootstrap. Resamples where a statistic is NaN (its pools were not
   * drawn) are left out.
   *
   * @param tipping for λ*: order statistics instead of interpolation, so the ends are grid values;
   *     a resample that never tips (+∞) counts as beyond every λ, and an end there is NaN
   */
  private double[][] intervals(IntToDoubleFunction resampled, int count, boolean tipping) {
    double[][] intervals = new double[count][];
    int blocks = (count + STATS_PER_TASK - 1) / STATS_PER_TASK;
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            block -> {
              double[] column = new double[resamples];
              for (int i = block * STATS_PER_TASK;
                  i < Math.min(count, (block + 1) * STATS_PER_TASK);
                  i++) {
                if (resamples == 0) {
                  intervals[i] = new double[] {Double.NaN, Double.NaN};
                  continue;
                }
                for (int b = 0; b < resamples; b++) {
                  column[b] = resampled.applyAsDouble(b * count + i);
                }
                double[] ends =
                    tipping
                        ? Percentile.orderStatistics(column, resamples, LOWER, UPPER)
                        : Percentile.of(column, resamples, LOWER, UPPER);
                for (int k = 0; k < 2; k++) {
                  ends[k] =
                      !Double.isFinite(ends[k])
                          ? Double.NaN
                          : tipping ? ends[k] : singlePrecision(ends[k]);
                }
                intervals[i] = ends;
              }
            });
    return intervals;
  }

  /**
   * The shortest decimal that single precision gives for {@code value}: interval ends come from
   * single-precision resamples, and so show no digits beyond those.
   */
  private static double singlePrecision(double value) {
    return Double.parseDouble(Float.toString((float) value));
  }

  /**
   * Draws every resample: resample b takes pools.size() pools with replacement using its own
   * generator, seeded in sequence from the sweep's seed, so results do not depend on threads.
   */
  private void bootstrap(
      Aggregator aggregator,
      PoolValues values,
      float[] bootStats,
      double[] bootTipping,
      IntConsumer progress) {
    if (resamples == 0) {
      return;
    }
    SplittableRandom master = new SplittableRandom(seed);
    long[] seeds = new long[resamples];
    for (int b = 0; b < resamples; b++) {
      seeds[b] = master.nextLong();
    }
    int statCount = aggregator.stats().size();
    int groups = aggregator.groups().size();
    int tippingCount = groups * aggregator.curveCount();
    int tasks = (resamples + RESAMPLES_PER_TASK - 1) / RESAMPLES_PER_TASK;
    IntStream.range(0, tasks)
        .parallel()
        .forEach(
            task -> {
              Aggregator.Workspace workspace = aggregator.workspace();
              int[] weights = new int[pools.size()];
              double[] out = new double[statCount];
              double[] reference = new double[groups];
              double[] tipping = new double[tippingCount];
              int end = Math.min(resamples, (task + 1) * RESAMPLES_PER_TASK);
              for (int b = task * RESAMPLES_PER_TASK; b < end; b++) {
                Arrays.fill(weights, 0);
                SplittableRandom random = new SplittableRandom(seeds[b]);
                for (int i = 0; i < weights.length; i++) {
                  weights[random.nextInt(weights.length)]++;
                }
                workspace.aggregate(values, weights, out, reference, tipping);
                for (int i = 0; i < statCount; i++) {
                  bootStats[b * statCount + i] = (float) out[i];
                }
                System.arraycopy(tipping, 0, bootTipping, b * tippingCount, tippingCount);
              }
              progress.accept(end - task * RESAMPLES_PER_TASK);
            });
  }

  /** Mean and sd across replicates of each statistic; none for a single replicate. */
  private static List<SeedSpread> spread(Aggregator aggregator, Reward reward, double[][] perSeed) {
    if (perSeed.length < 2) {
      return List.of();
    }
    List<Aggregator.Stat> stats = aggregator.stats();
    List<SeedSpread> spreads = new ArrayList<>(stats.size());
    double[] values = new double[perSeed.length];
    for (int i = 0; i < stats.size(); i++) {
      for (int r = 0; r < perSeed.length; r++) {
        values[r] = perSeed[r][i];
      }
      SampleMoments moments = SampleMoments.of(values);
      Aggregator.Stat stat = stats.get(i);
      spreads.add(
          new SeedSpread(
              reward,
              aggregator.settings().get(stat.setting()),
              stat.metric(),
              aggregator.groups().get(stat.group()),
              values.length,
              moments.mean(),
              moments.sd()));
    }
    return spreads;
  }
}
