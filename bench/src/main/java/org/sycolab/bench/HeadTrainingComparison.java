package org.sycolab.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sycolab.heads.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code heads} part of {@code scripts/bench}: training a linear reward head on cached features
 * with sycolab's trainer against a plain-Java reference trainer: 20 epochs in mini-batches of 256
 * (the workload of the 2-second goal) with {@code sycolab train}'s learning rate and weight decay,
 * every epoch run.
 *
 * <pre>
 * HeadTrainingComparison [--pairs 20000] [--dev-pairs 2000] [--dimension 384] [--epochs E]
 *                        [--batch B] [--runs 3] [--warm 3] [--threads 2] [--seed 1]
 *                        [--budget 2]
 * </pre>
 *
 * <p>Runs alternate engines, each in a fresh JVM (java, sycolab, java, sycolab, ...), so that drift
 * on a noisy machine hits both. Each run times the first training call in its JVM, as {@code
 * sycolab train} pays it, and the median of {@code --warm} calls after it; each engine's figures
 * are the medians over its runs. It prints both engines' times and final dev accuracies, then
 * {@code ratio <java/sycolab>} of the warm times (above 1: sycolab is faster), {@code heads_seconds
 * <sycolab first>} (what one {@code sycolab train} pays) and whether that meets the {@code
 * --budget} in seconds. Engines whose dev accuracies differ trained different heads: the run then
 * fails.
 */
@Command(name = "HeadTrainingComparison", mixinStandardHelpOptions = true)
public final class HeadTrainingComparison implements Callable<Integer> {

  private static final List<String> ENGINES =
      List.of(JavaLinearHeadTrainer.NAME, HeadTrainingBench.SYCOLAB);

  /**
   * Dev accuracies further apart than this mean the engines did not train the same head (they agree
   * to four decimals; float sums in another order may move a pair or two).
   */
  private static final double ACCURACY_TOLERANCE = 0.002;

  @Mixin HeadWorkload workload;

  @Option(names = "--runs", defaultValue = "3")
  int runs;

  @Option(
      names = "--budget",
      defaultValue = "2",
      description = "Seconds sycolab's first call may take.")
  double budget;

  @Spec CommandSpec spec;

  /** Runs the comparison; exits 2 on bad usage, 1 on failure. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new HeadTrainingComparison()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    workload.check(spec);
    BenchArguments.positive(spec, "--runs", runs);
    TrainingConfig config = workload.config();
    PrintStream out = System.out;
    out.printf(
        Locale.ROOT,
        "heads: %d pairs x %d dims, %d epochs, batch %d, %d threads (java: 1), %d runs per"
            + " engine (each a first call, then %d warm calls), lr %s, weight decay %s,"
            + " %d dev pairs, seed %d%n",
        workload.pairs,
        workload.dimension,
        config.epochs(),
        config.batchSize(),
        workload.threads,
        runs,
        workload.warm,
        config.learningRate(),
        config.weightDecay(),
        workload.devPairs,
        workload.seed);
    Map<String, List<ChildResult>> results =
        ChildProcess.alternate(
            ENGINES,
            runs,
            out,
            (engine, round) -> ChildProcess.run(HeadTrainingBench.class, args(engine), out));
    List<ChildResult> java = results.get(JavaLinearHeadTrainer.NAME);
    List<ChildResult> sycolab = results.get(HeadTrainingBench.SYCOLAB);
    double sycolabWarm = Median.of(sycolab, ChildResult::warmSeconds);
    double sycolabFirst = Median.of(sycolab, ChildResult::firstSeconds);
    double javaWarm = Median.of(java, ChildResult::warmSeconds);
    double sycolabAccuracy = Median.of(sycolab, ChildResult::devAccuracy);
    double javaAccuracy = Median.of(java, ChildResult::devAccuracy);
    out.printf(
        Locale.ROOT,
        "heads sycolab first %.2f s (after %.2f s engine start-up), warm %.2f s;"
            + " java first %.2f s, warm %.2f s; dev accuracy sycolab %.4f java %.4f%n",
        sycolabFirst,
        Median.of(sycolab, ChildResult::startupSeconds),
        sycolabWarm,
        Median.of(java, ChildResult::firstSeconds),
        javaWarm,
        sycolabAccuracy,
        javaAccuracy);
    if (Math.abs(sycolabAccuracy - javaAccuracy) > ACCURACY_TOLERANCE) {
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "heads: the engines trained different heads (dev accuracy %.4f against %.4f);"
                  + " the timing compares nothing%n",
              sycolabAccuracy,
              javaAccuracy);
      return 1;
    }
    BudgetVerdict.print(out, "heads", javaWarm / sycolabWarm, sycolabFirst, budget);
    return 0;
  }

  private List<String> args(String engine) {
    List<String> args = new ArrayList<>(List.of("--engine", engine));
    args.addAll(workload.arguments());
    return args;
  }
}
