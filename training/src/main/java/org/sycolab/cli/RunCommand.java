package org.sycolab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sycolab.experiment.ExperimentRunner;
import org.sycolab.experiment.RunnerConfig;
import org.sycolab.experiment.RunnerResult;
import org.sycolab.experiment.StageInvoker;
import org.sycolab.features.Shard;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sycolab run}: an experiment file, stage by stage, into one resumable run directory. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run an experiment: generate (or copy) the data, validate it, embed the pairs and the pools,"
          + " train the agreeable, grounded, mixture and held-out-domain heads, diagnose them,"
          + " measure the pull, audit a reward model when the experiment names one (audit:) and"
          + " write the report, each stage into its own directory of one run"
          + " directory with its manifest. The run's own manifest.json lists every stage's"
          + " manifest with its SHA-256.",
      "A stage whose directory already holds a complete manifest for the same settings, with"
          + " every output it recorded unchanged (size and SHA-256), is skipped, so --resume"
          + " continues an interrupted run where it stopped; from the first stage that runs, every"
          + " later one runs too. A finished stage whose outputs changed since is set aside into"
          + " RUN/set-aside/ and rerun. Features come from the cache.",
      "Job arrays: after --until data, each task runs --resume RUN --shard i/n (embeds slice i"
          + " of n of the texts into RUN/shards/); the next --resume RUN merges every finished"
          + " shard into the cache and carries on.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sycolab run experiments/demo.yaml",
      "  sycolab run experiments/demo.yaml --dry-run",
      "  sycolab run --resume runs/demo-20261125-101500",
      "  sycolab run experiments/demo.yaml --resume runs/demo-20261125-101500   (after a fix)",
      "  sycolab --device cuda:1 run experiments/demo.yaml --out runs/gpu1 --until data",
      "  sycolab run --resume runs/gpu1 --shard 0/4     (one task of an array)",
      "  sycolab run --resume runs/gpu1                 (merges the shards, then the rest)"
    })
final class RunCommand extends BaseCommand {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "EXPERIMENT",
      description = "The experiment's YAML file (see experiments/demo.yaml).")
  Path experimentFile;

  @Option(
      names = "--resume",
      paramLabel = "RUN",
      description =
          "Continue the run in RUN with the experiment it keeps (RUN/"
              + RunLayout.EXPERIMENT_FILE
              + "). Given an EXPERIMENT that differs (a fixed copy), it is checked, replaces the"
              + " run's copy, and the stages whose settings it changes run again with those after"
              + " them; finished stages it leaves alone are kept.")
  Path resume;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Run into DIR, which must not hold a run yet. Default: a new runs/<name>-<timestamp>/"
              + " under the current directory, or under $"
              + OutputOptions.RUNS_ENV
              + ".")
  Path out;

  @Option(
      names = "--until",
      paramLabel = "STAGE",
      description =
          "Stop after this stage: data, embed, train, diagnose, pull, audit or report (default:"
              + " report).")
  String until;

  @Option(
      names = "--shard",
      paramLabel = "i/n",
      description =
          "With --resume: embed only slice i of n (0-based) of the run's texts into RUN/shards/"
              + " and stop, leaving the run's manifest alone (one task of a job array).")
  String shard;

  @Option(
      names = "--dry-run",
      description =
          "Check the whole experiment file and print the command line of every stage; run and"
              + " create nothing.")
  boolean dryRun;

  @Override
  protected int execute() throws Exception {
    RunnerConfig config =
        new RunnerConfig(
            experimentFile,
            resume,
            out,
            RunnerConfig.until(until),
            shard == null ? null : Shard.parse(shard),
            dryRun,
            deviceGiven() ? root().deviceSpec() : null,
            verbosityOptions());
    ExperimentRunner runner = new ExperimentRunner(context(), StageInvoker.STAGES, out(), err());
    RunnerResult result = runner.run(config);
    result.lines().forEach(out()::println);
    return result.succeeded() ? ExitCode.OK : ExitCode.PROBLEMS;
  }

  @Override
  protected boolean checksDeviceFirst() {
    return !dryRun;
  }

  /** Ctrl-C during a run (a directory that keeps its experiment) tells how to resume it. */
  @Override
  protected String afterInterruption(RunDirectory dir) {
    return Files.isRegularFile(new RunLayout(dir.path()).experiment())
        ? "resume with: sycolab run --resume " + dir.path()
        : null;
  }

  /** Whether {@code --device} was given, before or after {@code run}. */
  private boolean deviceGiven() {
    return spec.commandLine().getParseResult().hasMatchedOption("--device")
        || spec.root().commandLine().getParseResult().hasMatchedOption("--device");
  }

  /** The verbosity options each stage runs with, as this command was given them. */
  private List<String> verbosityOptions() {
    return switch (root().verbosity()) {
      case QUIET -> List.of("-q");
      case VERBOSE -> List.of("-v");
      case DEBUG -> List.of("-vv");
      case NORMAL -> List.of();
    };
  }
}
