package org.sycolab.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sycolab.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code pull} part of {@code scripts/bench}: a pull sweep (best-of-n at 11 λ × 7 n over 5,000
 * synthetic pools of six candidates, with 1,000 bootstrap resamples: the workload of the 10-second
 * goal) by sycolab's {@code PullAnalysis} against a plain single-threaded reference written from
 * the definitions ({@link ReferencePull}).
 *
 * <pre>
 * PullComparison [--pools 5000] [--domains 10] [--resamples 1000] [--cores 2] [--runs 3]
 *                [--warm 2] [--seed 1] [--budget 10]
 * </pre>
 *
 * <p>Runs alternate engines, each in a fresh JVM that sees {@code --cores} processors (reference,
 * sycolab, reference, sycolab, ...), so that drift on a noisy machine hits both. Each run times the
 * first sweep in its JVM, as {@code sycolab pull} pays it, and the median of {@code --warm} sweeps
 * after it; each engine's figures are the medians over its runs. Every run writes its statistics,
 * which must agree with the first reference run's: the same rows, estimates within 1e-9 and
 * interval ends within 1e-5, or the part fails. It then prints {@code ratio <reference/sycolab>} of
 * the warm times (above 1: sycolab is faster), {@code pull_seconds <sycolab first>} and whether
 * that meets the {@code --budget} in seconds.
 */
@Command(name = "PullComparison", mixinStandardHelpOptions = true)
public final class PullComparison implements Callable<Integer> {

  private static final List<String> ENGINES = List.of(ReferencePull.NAME, PullBench.SYCOLAB);

  /** Estimates are sums of the same doubles in another order: they agree to rounding. */
  private static final double ESTIMATE_TOLERANCE = 1e-9;

  /**
   * sycolab keeps each resample's statistics as floats, so interval ends agree to float rounding:
   * the pull, in points up to 100, has floats 8e-6 apart.
   */
  private static final double INTERVAL_TOLERANCE = 1e-5;

  @Mixin PullWorkload workload;

  @Option(names = "--runs", defaultValue = "3")
  int runs;

  @Option(
      names = "--budget",
      defaultValue = "10",
      description = "Seconds sycolab's first sweep may take.")
  double budget;

  @Spec CommandSpec spec;

  /** The largest differences from the reference, and the first disagreement found. */
  private static final class Agreement {
    double estimate;
    double interval;
    String problem;
  }

  /** Runs the comparison; exits 2 on bad usage, 1 on failure. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new PullComparison()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    workload.check(spec);
    BenchArguments.positive(spec, "--runs", runs);
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "pull: %d pools x %d candidates (6 families, %d domains, seed %d), best-of-n at %d λ x"
            + " %d n, %d bootstrap resamples, %d cores per engine (reference: 1 thread), %d runs"
            + " per engine (each a first sweep, then %d warm sweeps)%n",
        workload.pools,
        SyntheticPools.CANDIDATES,
        workload.domains,
        workload.seed,
        PullWorkload.GRID.lambdas().size(),
        PullWorkload.GRID.ns().size(),
        workload.resamples,
        workload.cores,
        runs,
        workload.warm);
    Path directory = Files.createTempDirectory("sycolab-pull-bench");
    boolean keep = false;
    try {
      List<Path> files = new ArrayList<>();
      Map<String, List<ChildResult>> results =
          ChildProcess.alternate(
              ENGINES,
              runs,
              out,
              (engine, round) -> {
                Path values = directory.resolve(engine + "-" + round + ".tsv");
                files.add(values);
                List<String> args = new ArrayList<>(List.of("--engine", engine, "--values"));
                args.add(values.toString());
                args.addAll(workload.arguments());
                return ChildProcess.run(PullBench.class, workload.jvmOptions(), args, out);
              });
      List<ChildResult> reference = results.get(ReferencePull.NAME);
      List<ChildResult> sycolab = results.get(PullBench.SYCOLAB);

      // The first run is the reference's: every other run, of either engine, must agree with it.
      Map<String, PullRow> expected = PullRow.read(files.get(0));
      Agreement agreement = new Agreement();
      for (Path file : files.subList(1, files.size())) {
        compare(expected, PullRow.read(file), file, agreement);
      }
      double sycolabFirst = Median.of(sycolab, ChildResult::firstSeconds);
      double sycolabWarm = Median.of(sycolab, ChildResult::warmSeconds);
      double referenceWarm = Median.of(reference, ChildResult::warmSeconds);
      out.printf(
          Locale.ROOT,
          "pull sycolab first %.2f s, warm %.2f s; reference first %.2f s, warm %.2f s;"
              + " %d statistics, estimates within %.1e, interval ends within %.1e%n",
          sycolabFirst,
          sycolabWarm,
          Median.of(reference, ChildResult::firstSeconds),
          referenceWarm,
          expected.size(),
          agreement.estimate,
          agreement.interval);
      if (agreement.problem != null) {
        keep = true;
        spec.commandLine()
            .getErr()
            .printf(
                Locale.ROOT,
                "pull: the engines disagree (%s); the timing compares nothing. Statistics kept"
                    + " in %s%n",
                agreement.problem,
                directory);
        return 1;
      }
      BudgetVerdict.print(out, "pull", referenceWarm / sycolabWarm, sycolabFirst, budget);
      return 0;
    } finally {
      if (!keep) {
        AtomicFiles.deleteTree(directory);
      }
    }
  }

  /** Compares one run's statistics with the reference's, noting the largest differences. */
  private static void compare(
      Map<String, PullRow> expected, Map<String, PullRow> actual, Path file, Agreement agreement) {
    for (String key : expected.keySet()) {
      if (!actual.containsKey(key) && agreement.problem == null) {
        agreement.problem = file.getFileName() + " has no " + key;
      }
    }
    for (Map.Entry<String, PullRow> entry : actual.entrySet()) {
      PullRow want = expected.get(entry.getKey());
      if (want == null) {
        if (agreement.problem == null) {
          agreement.problem = file.getFileName() + " has " + entry.getKey() + ", the reference not";
        }
        continue;
      }
      PullRow got = entry.getValue();
      double estimate = difference(want.value(), got.value());
      double interval = Math.max(difference(want.lo(), got.lo()), difference(want.hi(), got.hi()));
      agreement.estimate = Math.max(agreement.estimate, estimate);
      agreement.interval = Math.max(agreement.interval, interval);
      if (agreement.problem == null
          && (estimate > ESTIMATE_TOLERANCE || interval > INTERVAL_TOLERANCE)) {
        agreement.problem = file.getFileName() + ": " + got + " against the reference's " + want;
      }
    }
  }

  /** |a − b|, 0 when both are NaN, infinite when one is. */
  private static double difference(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b) ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.abs(a - b);
  }
}
