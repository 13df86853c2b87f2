package org.sycolab.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.sycolab.pull.Estimate;
import org.sycolab.pull.PoolSet;
import org.sycolab.pull.PullAnalysis;
import org.sycolab.pull.PullGrid;
import org.sycolab.pull.PullResult;
import org.sycolab.pull.Reference;
import org.sycolab.pull.Reward;
import org.sycolab.pull.RewardScores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Timed pull sweeps in this JVM, for one engine:
 *
 * <pre>
 * PullBench --engine sycolab|reference [--pools 5000] [--domains 10] [--resamples 1000]
 *           [--cores 2] [--warm 2] [--seed 1] [--values FILE]
 * </pre>
 *
 * <p>It draws synthetic pools and scores ({@link SyntheticPools}) from the seed, then times one
 * whole sweep (best-of-n at λ = 0, 0.1, ..., 1 and n = 1, 2, 4, ..., 64 under a uniform π₀, with
 * bootstrap intervals from {@code --resamples} resamples) and then {@code --warm} more, each of
 * which must give the same statistics as the first. sycolab's sweep is what {@code sycolab pull}
 * runs once its files are read: {@link PoolSet#of} and {@link PullAnalysis#run}; the reference's is
 * {@link ReferencePull}. It prints a {@code setup} line and one {@code result} line of {@code
 * key=value} fields, read by {@link PullComparison}: the first call's and the warm calls' median
 * seconds, the number of statistics and the sum of their estimates; {@code --values} also writes
 * every statistic to a file ({@link PullRow}).
 */
@Command(name = "PullBench", mixinStandardHelpOptions = true)
public final class PullBench implements Callable<Integer> {

  /** The name of sycolab's engine: {@link PullAnalysis}. */
  static final String SYCOLAB = "sycolab";

  /** One whole sweep, returning every statistic. */
  @FunctionalInterface
  private interface Sweep {
    List<PullRow> run();
  }

  @Option(names = "--engine", defaultValue = SYCOLAB, description = "sycolab or reference")
  String engine;

  @Option(names = "--values", description = "Write every statistic of the first sweep here.")
  Path values;

  @Mixin PullWorkload workload;

  @Spec CommandSpec spec;

  /** Runs the benchmark; exits 2 on bad usage, 1 on failure. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new PullBench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    workload.check(spec);
    SyntheticPools.Workload pools =
        SyntheticPools.draw(workload.pools, workload.domains, workload.seed);
    System.out.printf(
        Locale.ROOT,
        "setup engine=%s pools=%d candidates=%d domains=%d lambdas=%d ns=%d resamples=%d"
            + " processors=%d seed=%d%n",
        engine,
        workload.pools,
        SyntheticPools.CANDIDATES,
        workload.domains,
        PullWorkload.GRID.lambdas().size(),
        PullWorkload.GRID.ns().size(),
        workload.resamples,
        Runtime.getRuntime().availableProcessors(),
        workload.seed);

    Sweep sweep = open(engine, pools, workload);
    long start = System.nanoTime();
    List<PullRow> rows = sweep.run();
    double first = seconds(start);
    double[] warmSeconds = new double[workload.warm];
    for (int i = 0; i < warmSeconds.length; i++) {
      start = System.nanoTime();
      List<PullRow> again = sweep.run();
      warmSeconds[i] = seconds(start);
      if (!again.equals(rows)) {
        System.err.println("PullBench: a warm sweep gave other statistics than the first");
        return 1;
      }
    }
    if (values != null) {
      PullRow.write(rows, values);
    }
    System.out.printf(
        Locale.ROOT,
        "result engine=%s first_s=%.3f warm_s=%.3f warm_calls_s=%s rows=%d checksum=%.9f%n",
        engine,
        first,
        Median.of(warmSeconds),
        Arrays.stream(warmSeconds)
            .mapToObj(value -> String.format(Locale.ROOT, "%.3f", value))
            .collect(Collectors.joining(",")),
        rows.size(),
        PullRow.checksum(rows));
    return 0;
  }

  private static Sweep open(String engine, SyntheticPools.Workload pools, PullWorkload workload) {
    return switch (engine) {
      case SYCOLAB -> {
        PullGrid grid = PullWorkload.GRID;
        RewardScores scores = new RewardScores("synthetic", pools.agreeable(), pools.grounded());
        yield () -> {
          PoolSet set = PoolSet.of(pools.pools(), Reference.UNIFORM);
          PullResult result =
              new PullAnalysis(set, grid, workload.resamples, workload.bootstrapSeed())
                  // The learned heads' sweep only: the reference engine has no reference selectors.
                  .run(List.of(scores), List.of(Reward.MIXED), done -> {});
          return rows(result);
        };
      }
      case ReferencePull.NAME ->
          () ->
              ReferencePull.run(
                  pools.pools(),
                  pools.agreeable(),
                  pools.grounded(),
                  PullWorkload.GRID.lambdas(),
                  PullWorkload.GRID.ns(),
                  workload.resamples,
                  workload.bootstrapSeed());
      default ->
          throw new IllegalArgumentException(
              "--engine: expected sycolab or reference, got '" + engine + "'");
    };
  }

  private static List<PullRow> rows(PullResult result) {
    List<PullRow> rows = new ArrayList<>(result.estimates().size());
    for (Estimate e : result.estimates()) {
      rows.add(
          new PullRow(
              e.setting().lambda(),
              e.setting().n(),
              e.metric().id(),
              e.group().family(),
              e.group().domain(),
              e.value(),
              e.lo(),
              e.hi()));
    }
    return rows;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
