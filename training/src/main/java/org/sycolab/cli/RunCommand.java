package org.sycolab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.sycolab.experiment.Experiment;
import org.sycolab.experiment.ExperimentFile;
import org.sycolab.experiment.ExperimentPlan;
import org.sycolab.experiment.Stage;
import org.sycolab.features.Shard;
import org.sycolab.io.AtomicFiles;
import org.sycolab.io.FileDigest;
import org.sycolab.run.Run;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunManifest;
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
          + " train the agreeable, grounded and mixture heads, diagnose them, measure the pull and"
          + " write the report, each stage into its own directory of one run directory with its"
          + " manifest. The run's own manifest.json lists every stage's manifest with its SHA-256.",
      "A stage whose directory already holds a complete manifest for the same command line is"
          + " skipped, so --resume continues an interrupted run where it stopped, and features"
          + " come from the cache.",
      "Job arrays: after --until data, each task runs --resume RUN --shard i/n (embeds slice i"
          + " of n of the texts into RUN/shards/); the next --resume RUN merges every finished"
          + " shard into the cache and carries on.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  sycolab run experiments/demo.yaml",
      "  sycolab run --resume runs/demo-20261125-101500",
      "  sycolab --device cuda:1 run experiments/demo.yaml --out runs/demo-gpu1 --until embed",
      "  sycolab run --resume runs/demo-gpu1 --shard 0/4"
    })
final class RunCommand extends BaseCommand {

  /** The copy of the experiment file every run directory keeps. */
  static final String EXPERIMENT_FILE = "experiment.yaml";

  private static final String EXPERIMENT_SOURCE = "experiment_file";

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
          "Continue the run in RUN with the experiment it keeps (RUN/" + EXPERIMENT_FILE + ").")
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
          "Stop after this stage: data, embed, train, diagnose, pull or report (default: report).")
  String until;

  @Option(
      names = "--shard",
      paramLabel = "i/n",
      description =
          "With --resume: embed only slice i of n (0-based) of the run's texts into RUN/shards/"
              + " and stop, leaving the run's manifest alone (one task of a job array).")
  String shard;

  @Override
  protected int execute() throws Exception {
    Stage.Step last = parseUntil();
    if (shard != null) {
      Shard.parse(shard);
      if (resume == null) {
        throw new IllegalArgumentException("--shard needs --resume RUN: a run whose data is ready");
      }
    }
    if (resume == null && experimentFile == null) {
      throw new IllegalArgumentException("give an EXPERIMENT file, or --resume RUN");
    }
    if (resume != null && out != null) {
      throw new IllegalArgumentException("--out and --resume cannot be used together");
    }
    return resume == null ? start(last) : resume(last);
  }

  private int start(Stage.Step last) throws Exception {
    byte[] text = Files.readAllBytes(experimentFile);
    Experiment experiment = ExperimentFile.read(experimentFile);
    Path dir;
    if (out != null) {
      if (Files.exists(out.resolve(EXPERIMENT_FILE))) {
        throw new IllegalArgumentException(
            "--out " + out + " already holds a run; continue it with: sycolab run --resume " + out);
      }
      dir = RunDirectory.at(out).path();
    } else {
      String runs = System.getenv(OutputOptions.RUNS_ENV);
      Path root = runs == null || runs.isBlank() ? Path.of("runs") : Path.of(runs);
      dir =
          RunDirectory.create(root.toAbsolutePath(), experiment.name(), Clock.systemDefaultZone())
              .path();
    }
    AtomicFiles.writeBytes(dir.resolve(EXPERIMENT_FILE), text);
    Path source = experimentFile.toAbsolutePath().normalize();
    return execute(experiment, source, dir, last);
  }

  private int resume(Stage.Step last) throws Exception {
    Path dir = resume.toAbsolutePath().normalize();
    Path kept = dir.resolve(EXPERIMENT_FILE);
    if (!Files.isRegularFile(kept)) {
      throw new IllegalArgumentException(
          "--resume " + resume + ": no " + EXPERIMENT_FILE + " there; is it a run directory?");
    }
    if (experimentFile != null
        && !Arrays.equals(Files.readAllBytes(experimentFile), Files.readAllBytes(kept))) {
      throw new IllegalArgumentException(
          experimentFile
              + " differs from the experiment "
              + resume
              + " was started with; start a new run instead");
    }
    Experiment experiment = ExperimentFile.read(kept);
    return execute(experiment, originalFile(dir).orElse(kept), dir, last);
  }

  /** Where the experiment file was when the run started: relative data paths lead from there. */
  private static java.util.Optional<Path> originalFile(Path dir) {
    Path manifest = dir.resolve(RunManifest.FILE_NAME);
    try {
      Object source = RunManifest.read(manifest).config().get(EXPERIMENT_SOURCE);
      return java.util.Optional.ofNullable(source).map(s -> Path.of(s.toString()));
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  private int execute(Experiment experiment, Path source, Path dir, Stage.Step last)
      throws Exception {
    ExperimentPlan plan = new ExperimentPlan(experiment, source.getParent(), dir);
    List<String> global = globalOptions(experiment);
    if (shard != null) {
      return runShard(plan, global);
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(EXPERIMENT_SOURCE, source.toString());
    config.put("experiment", ExperimentFile.asMap(experiment));
    config.put("experiment_sha256", FileDigest.sha256(dir.resolve(EXPERIMENT_FILE)));
    config.put("until", last.id());
    Run run = startRun(RunDirectory.at(dir), config, seeds(experiment), global.get(1));
    try {
      List<Stage> stages =
          plan.stages(finishedShards(dir, "pairs-"), finishedShards(dir, "pools-")).stream()
              .filter(s -> s.step().ordinal() <= last.ordinal())
              .toList();
      int status = runStages(stages, global, run);
      if (status != ExitCode.OK) {
        run.fail(new IOException("a stage failed; continue with: sycolab run --resume " + dir));
        err().println("sycolab run: stopped; fix the cause, then: sycolab run --resume " + dir);
        return status;
      }
      if (last == Stage.Step.REPORT) {
        recordReport(dir, run);
        run.complete();
        out().println("run: complete; results in " + dir);
      } else {
        run.stop();
        out().println("run: stopped after " + last.id() + "; continue with --resume " + dir);
      }
    } catch (Exception e) {
      run.fail(e);
      throw e;
    }
    return ExitCode.OK;
  }

  private int runShard(ExperimentPlan plan, List<String> global) throws Exception {
    Stage data = plan.stages(List.of(), List.of()).get(0);
    if (!data.isFinished()) {
      throw new IllegalArgumentException(
          "--shard: the data of "
              + resume
              + " is not ready; run the data stage first (sycolab run --resume "
              + resume
              + " --until data)");
    }
    return runStages(plan.shard(shard), global, null);
  }

  /**
   * Runs the stages in order, skipping those finished earlier until one has to run: every stage
   * after it runs again too, since its inputs may have changed.
   */
  private int runStages(List<Stage> stages, List<String> global, Run run) throws Exception {
    boolean upstreamRan = false;
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      String position =
          String.format(Locale.ROOT, "[%d/%d] %s", i + 1, stages.size(), stage.name());
      if (!upstreamRan && stage.isFinished()) {
        progress(position + ": finished earlier, skipped");
        recordStage(stage, run);
        continue;
      }
      progress(position);
      clear(stage.directory());
      long start = System.nanoTime();
      int status =
          stage.kind() == Stage.Kind.COPY_DATA ? copyData(stage) : runCommand(stage, global);
      if (status != ExitCode.OK) {
        err().println(position + ": failed (exit status " + status + ")");
        return status;
      }
      recordStage(stage, run);
      upstreamRan |= stage.directory() != null;
      progress(
          String.format(
              Locale.ROOT, "%s: done in %.1f s", position, (System.nanoTime() - start) / 1e9));
    }
    return ExitCode.OK;
  }

  /**
   * Removes what an unfinished or outdated run of a stage left in its directory, so the stage
   * starts clean: commands refuse to replace some outputs (a head directory) they did not write.
   */
  private static void clear(Path directory) throws IOException {
    if (directory == null || !Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** A progress line on standard error, unless -q. */
  private void progress(String line) {
    if (root().verbosity() != Verbosity.QUIET) {
      err().println(line);
      err().flush();
    }
  }

  private int runCommand(Stage stage, List<String> global) {
    List<String> args = new ArrayList<>(global);
    args.addAll(stage.arguments());
    out().flush();
    return Main.run(args.toArray(String[]::new), out(), err());
  }

  /** Validates the experiment's own pairs and pools and copies them into the run's data/. */
  private int copyData(Stage stage) throws Exception {
    Path pairs = Path.of(stage.arguments().get(0));
    Path pools = Path.of(stage.arguments().get(1));
    DatasetFiles.readPairs(pairs, "data.pairs");
    DatasetFiles.readPools(pools, "data.pools");
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(Stage.COPIED_FROM, stage.arguments());
    Run copy = startRun(RunDirectory.at(stage.directory()), config, Map.of(), "none");
    try {
      copy.recordInput(pairs);
      copy.recordInput(pools);
      copy.writeOutput("pairs.jsonl", o -> Files.copy(pairs, o));
      copy.writeOutput("pools.jsonl", o -> Files.copy(pools, o));
      copy.complete();
    } catch (Exception e) {
      copy.fail(e);
      throw e;
    }
    out().println("data: copied " + pairs + " and " + pools + " into " + stage.directory());
    return ExitCode.OK;
  }

  private static void recordStage(Stage stage, Run run) throws IOException {
    if (run != null && stage.directory() != null) {
      run.recordOutput(stage.directory().resolve(RunManifest.FILE_NAME));
    }
  }

  private static void recordReport(Path dir, Run run) throws IOException {
    for (String name : List.of("report.html", "report.md")) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        run.recordOutput(file);
      }
    }
  }

  /** Shard directories whose embedding finished, sorted by name. */
  private static List<Path> finishedShards(Path dir, String prefix) throws IOException {
    Path shards = dir.resolve(ExperimentPlan.SHARDS);
    if (!Files.isDirectory(shards)) {
      return List.of();
    }
    List<Path> done = new ArrayList<>();
    try (Stream<Path> list = Files.list(shards)) {
      for (Path shardDir : list.sorted().toList()) {
        Path manifest = shardDir.resolve(RunManifest.FILE_NAME);
        if (shardDir.getFileName().toString().startsWith(prefix)
            && Files.isRegularFile(manifest)
            && RunManifest.read(manifest).status() == RunManifest.Status.COMPLETE) {
          done.add(shardDir);
        }
      }
    }
    return done;
  }

  /**
   * The global options each stage runs with: the device ({@code --device} when given, else the
   * experiment's, else auto) and the verbosity.
   */
  private List<String> globalOptions(Experiment experiment) {
    boolean given = spec.root().commandLine().getParseResult().hasMatchedOption("--device");
    String device =
        given || experiment.device() == null ? root().deviceSpec().toString() : experiment.device();
    List<String> options = new ArrayList<>(List.of("--device", device));
    switch (root().verbosity()) {
      case QUIET -> options.add("-q");
      case VERBOSE -> options.add("-v");
      case DEBUG -> options.add("-vv");
      case NORMAL -> {}
    }
    return options;
  }

  private static Map<String, Long> seeds(Experiment experiment) {
    Map<String, Long> seeds = new LinkedHashMap<>();
    if (experiment.data().generate() != null && experiment.data().generate().seed() != null) {
      seeds.put("data", experiment.data().generate().seed());
    }
    if (experiment.heads() != null && experiment.heads().seeds() != null) {
      List<Long> heads = experiment.heads().seeds();
      for (int i = 0; i < heads.size(); i++) {
        seeds.put("heads_" + (i + 1), heads.get(i));
      }
    }
    if (experiment.pull() != null && experiment.pull().seed() != null) {
      seeds.put("bootstrap", experiment.pull().seed());
    }
    return seeds;
  }

  private Stage.Step parseUntil() {
    if (until == null) {
      return Stage.Step.REPORT;
    }
    for (Stage.Step step : Stage.Step.values()) {
      if (step.id().equals(until.trim().toLowerCase(Locale.ROOT))) {
        return step;
      }
    }
    throw new IllegalArgumentException(
        "--until: expected data, embed, train, diagnose, pull or report, got '" + until + "'");
  }
}
