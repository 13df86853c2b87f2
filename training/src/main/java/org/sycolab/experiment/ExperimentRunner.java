package org.sycolab.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sycolab.backbone.EncoderEngine;
import org.sycolab.engine.DeviceSpec;
import org.sycolab.engine.PyTorchRuntime;
import org.sycolab.features.Shard;
import org.sycolab.io.AtomicFiles;
import org.sycolab.io.FileDigest;
import org.sycolab.report.ReportWriter;
import org.sycolab.run.Execution;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunLayout;
import org.sycolab.run.RunLock;
import org.sycolab.run.RunManifest;
import org.sycolab.stage.StageContext;

/**
 * Carries out an experiment file, stage by stage, into one resumable run directory: starts a run or
 * resumes one (with the run's own experiment, or a fixed copy that replaces it), embeds one shard
 * of a job array, or only checks the experiment and lists its stages. Each stage's config goes to
 * its stage class through the {@link StageInvoker}; progress lines go to the context's console,
 * what the user must know (stages set aside, failures) to {@code err}, and what stages produced to
 * {@code out}, as their commands print it.
 */
public final class ExperimentRunner {

  /** The command whose executions the run and its copy of the data are. */
  static final String COMMAND = "run";

  private static final String EXPERIMENT_SOURCE = "experiment_file";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final StageContext context;
  private final StageInvoker invoker;
  private final PrintWriter out;
  private final PrintWriter err;

  /**
   * A runner.
   *
   * @param context where progress lines go, and how the run's executions are recorded
   * @param invoker runs each stage: {@link StageInvoker#STAGES}, or a stand-in
   * @param out where the stages' results and the data copy's line go
   * @param err where set-aside stages and failures are said, whatever the verbosity
   */
  public ExperimentRunner(
      StageContext context, StageInvoker invoker, PrintWriter out, PrintWriter err) {
    this.context = context;
    this.invoker = invoker;
    this.out = out;
    this.err = err;
  }

  /**
   * Does what {@code config} asks.
   *
   * @throws IllegalArgumentException for options or a run directory that do not fit
   * @throws InvalidExperimentException for an experiment file a stage would refuse
   * @throws StageFailedException for a stage that failed, saying how to resume the run
   */
  public RunnerResult run(RunnerConfig config) throws Exception {
    return config.resume() == null ? start(config) : resume(config);
  }

  private RunnerResult start(RunnerConfig config) throws Exception {
    Path file = config.experimentFile();
    Experiment experiment = ExperimentFile.read(file);
    byte[] text = Files.readAllBytes(file);
    ExperimentFile.requirePaths(file, experiment);
    Path source = file.toAbsolutePath().normalize();
    Path planned =
        config.out() != null
            ? config.out().toAbsolutePath().normalize()
            : RunDirectory.runsRoot()
                .resolve(experiment.name() + "-" + LocalDateTime.now().format(STAMP));
    ExperimentPlan plan = new ExperimentPlan(experiment, source.getParent(), planned);
    if (config.out() != null) {
      ExistingRun.refuse(planned, plan);
    }
    checkStages(experiment, source, source, planned);
    if (config.dryRun()) {
      return plan(config, experiment, source, planned);
    }
    requireDevice(device(config, experiment));
    Path dir;
    if (config.out() != null) {
      dir = RunDirectory.at(config.out()).path();
    } else {
      dir =
          RunDirectory.create(RunDirectory.runsRoot(), experiment.name(), Clock.systemDefaultZone())
              .path();
    }
    RunLayout layout = new RunLayout(dir);
    try (RunLock lock = RunLock.acquire(layout.lock(), "run " + dir)) {
      ExistingRun.refuse(dir, plan); // another process may have started one since the check
      AtomicFiles.writeBytes(layout.experiment(), text);
      return execute(config, experiment, source, layout, Map.of());
    }
  }

  private RunnerResult resume(RunnerConfig config) throws Exception {
    Path dir = config.resume().toAbsolutePath().normalize();
    RunLayout layout = new RunLayout(dir);
    Path kept = layout.experiment();
    if (!Files.isRegularFile(kept)) {
      throw new IllegalArgumentException(
          "--resume "
              + config.resume()
              + ": no "
              + RunLayout.EXPERIMENT_FILE
              + " there; is it a run directory?");
    }
    Path file = config.experimentFile();
    byte[] fixed = null;
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        ExperimentFile.read(file); // says what it is instead
      }
      byte[] given = Files.readAllBytes(file);
      fixed = Arrays.equals(given, Files.readAllBytes(kept)) ? null : given;
    }
    Experiment experiment;
    Path source;
    if (fixed != null) {
      // A fixed experiment replaces the run's copy: stages whose configs it changes run
      // again, with every stage after them; finished stages it leaves alone are kept.
      if (config.shard() != null) {
        throw new IllegalArgumentException(
            "--shard embeds with the run's own experiment; resume with "
                + file
                + " first, without --shard");
      }
      experiment = ExperimentFile.read(file);
      ExperimentFile.requirePaths(file, experiment);
      source = file.toAbsolutePath().normalize();
    } else {
      // Relative paths in the experiment lead from where its file was, even if it has gone since.
      source = originalFile(layout).orElse(kept);
      experiment = ExperimentFile.read(kept);
    }
    // The run's own experiment too: an older sycolab may have accepted what a stage now refuses.
    checkStages(experiment, fixed != null ? source : kept, source, dir);
    if (config.dryRun()) {
      return plan(config, experiment, source, dir);
    }
    requireDevice(device(config, experiment));
    ExperimentPlan plan = new ExperimentPlan(experiment, source.getParent(), dir);
    if (config.shard() != null) {
      Shard shard = config.shard();
      Path lockFile = layout.shardLock(shard.index(), shard.count());
      try (RunLock lock = RunLock.acquire(lockFile, "shard " + shard + " of run " + dir)) {
        return shard(config, plan, experiment, layout);
      }
    }
    try (RunLock lock = RunLock.acquire(layout.lock(), "run " + dir)) {
      Map<String, Object> replaced = new LinkedHashMap<>();
      if (fixed != null) {
        replaced.put("experiment_replaced_sha256", FileDigest.sha256(kept));
        new SetAside(layout, err)
            .droppedStages(
                new ExperimentPlan(
                    ExperimentFile.read(kept), originalFile(layout).orElse(kept).getParent(), dir),
                plan);
        AtomicFiles.writeBytes(kept, fixed);
        out.println(
            "run: "
                + kept
                + " replaced by "
                + source
                + "; stages whose settings changed run again, with those after them");
      }
      return execute(config, experiment, source, layout, replaced);
    }
  }

  /**
   * Refuses what a stage would refuse (its config does not build, see {@link Stage#refusal}) now,
   * before any work, naming the experiment's fields to fix.
   *
   * @param named the file the messages name: the one the experiment was read from
   * @param source where the experiment's relative paths lead from (beside this file)
   * @throws InvalidExperimentException listing each stage's problem
   */
  private static void checkStages(Experiment experiment, Path named, Path source, Path dir) {
    List<String> problems = new ArrayList<>();
    for (Stage stage :
        new ExperimentPlan(experiment, source.getParent(), dir).stages(List.of(), List.of())) {
      if (stage.refusal() != null) {
        List<String> fields = ExperimentPlan.fields(stage.step(), stage.refusal());
        problems.add(
            named
                + ": "
                + (fields.isEmpty() ? "" : String.join(", ", fields) + ": ")
                + stage.name()
                + " would refuse it: "
                + stage.refusal());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidExperimentException(String.join("\n", problems));
    }
  }

  /** Where the experiment file was when the run started: relative paths lead from there. */
  private static Optional<Path> originalFile(RunLayout layout) {
    try {
      Object source = RunManifest.read(layout.manifest()).config().get(EXPERIMENT_SOURCE);
      return Optional.ofNullable(source).map(s -> Path.of(s.toString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The stages a run would take, with the global options each gets; on a run that exists, those
   * finished earlier are marked.
   */
  private RunnerResult plan(RunnerConfig config, Experiment experiment, Path source, Path dir)
      throws IOException {
    ExperimentPlan plan = new ExperimentPlan(experiment, source.getParent(), dir);
    List<Stage> stages =
        config.shard() != null ? plan.shard(config.shard()) : until(plan.stages(), config.last());
    String global = String.join(" ", globalOptions(config, experiment));
    List<String> lines = new ArrayList<>();
    lines.add(source + ": valid; stages into " + dir + ":");
    for (Stage stage : stages) {
      String finished = Files.isDirectory(dir) && stage.isFinished(dir) ? " (finished)" : "";
      lines.add("  " + stage.name() + finished + ": " + stage.describe(global));
    }
    return new RunnerResult(true, lines);
  }

  /**
   * Runs the stages not finished yet and records the run in its manifest.
   *
   * @param replaced what the manifest records of an experiment copy replaced now (its former
   *     SHA-256), or nothing
   */
  private RunnerResult execute(
      RunnerConfig config,
      Experiment experiment,
      Path source,
      RunLayout layout,
      Map<String, Object> replaced)
      throws Exception {
    Path dir = layout.root();
    Stage.Step last = config.last();
    List<Stage> stages =
        until(new ExperimentPlan(experiment, source.getParent(), dir).stages(), last);
    if (ExistingRun.isComplete(layout, stages)) {
      return RunnerResult.ok("run: " + dir + " is complete; nothing to do");
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put(EXPERIMENT_SOURCE, source.toString());
    settings.put("experiment", ExperimentFile.asMap(experiment));
    settings.put("experiment_sha256", FileDigest.sha256(layout.experiment()));
    settings.put("until", last.id());
    settings.putAll(replaced);
    if (last == Stage.Step.REPORT) {
      new SetAside(layout, err).editedReport();
    }
    DeviceSpec device = device(config, experiment);
    Execution run =
        context.start(
            COMMAND, RunDirectory.at(dir), settings, seeds(experiment), device.toString());
    String again = "sycolab run --resume " + dir;
    String edited =
        source.equals(layout.experiment())
            ? ""
            : "; if the fix is in the experiment file: sycolab run " + source + " --resume " + dir;
    String next = "sycolab run: failed; fix the cause, then: " + again + edited;
    try {
      boolean succeeded =
          new StageLoop(context, invoker, out, err)
              .run(stages, device, globalOptions(config, experiment), run, layout);
      if (!succeeded) {
        run.fail(new IOException("a stage found problems; continue with: " + again + edited));
        err.println(next);
        return new RunnerResult(false, List.of());
      }
      if (last == Stage.Step.REPORT) {
        for (Path file : ReportWriter.files(dir)) {
          run.recordOutput(file);
        }
        return RunnerResult.ok("run: complete; results in " + dir);
      }
      run.stop();
      return RunnerResult.ok("run: stopped after " + last.id() + "; continue with --resume " + dir);
    } catch (StageFailedException e) {
      run.fail(new IOException(e.getMessage() + "; continue with: " + again + edited, e));
      throw new StageFailedException(e.stage(), next, e.getCause());
    } catch (OutOfMemoryError e) {
      run.fail(new IOException("out of memory; continue with: " + again + edited, e));
      err.println(next);
      throw e;
    } catch (Exception | Error e) {
      run.fail(e);
      throw e;
    }
  }

  private RunnerResult shard(
      RunnerConfig config, ExperimentPlan plan, Experiment experiment, RunLayout layout)
      throws Exception {
    Stage data = plan.stages(List.of(), List.of()).get(0);
    if (!data.isFinished(layout.root())) {
      throw new IllegalArgumentException(
          "--shard: the data of "
              + config.resume()
              + " is not ready; run the data stage first (sycolab run --resume "
              + config.resume()
              + " --until data)");
    }
    boolean succeeded =
        new StageLoop(context, invoker, out, err)
            .run(
                plan.shard(config.shard()),
                device(config, experiment),
                globalOptions(config, experiment),
                null,
                layout);
    return new RunnerResult(succeeded, List.of());
  }

  private static List<Stage> until(List<Stage> stages, Stage.Step last) {
    return stages.stream().filter(s -> s.step().ordinal() <= last.ordinal()).toList();
  }

  /**
   * The device the stages run on: the one asked for on the command line, else the experiment's,
   * else auto.
   */
  private static DeviceSpec device(RunnerConfig config, Experiment experiment) {
    if (config.device() != null) {
      return config.device();
    }
    return experiment.device() == null ? DeviceSpec.AUTO : DeviceSpec.parse(experiment.device());
  }

  /** Fails in the first second, not at the first stage that computes, when CUDA is not usable. */
  private static void requireDevice(DeviceSpec device) throws Exception {
    if (device.kind() == DeviceSpec.Kind.CUDA) {
      PyTorchRuntime.device(device);
    }
  }

  /** The global options each stage runs with: the device and the verbosity. */
  /**
   * The global options each stage's command line carries: device, engine unless auto, verbosity.
   */
  private List<String> globalOptions(RunnerConfig config, Experiment experiment) {
    List<String> options =
        new ArrayList<>(List.of("--device", device(config, experiment).toString()));
    if (context.engine() != EncoderEngine.AUTO) {
      options.addAll(List.of("--engine", context.engine().id()));
    }
    options.addAll(config.verbosity());
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
}
