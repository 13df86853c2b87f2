package org.sycolab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.sycolab.data.Datasets;
import org.sycolab.engine.DeviceSpec;
import org.sycolab.engine.PyTorchRuntime;
import org.sycolab.experiment.Experiment;
import org.sycolab.experiment.ExperimentFile;
import org.sycolab.experiment.ExperimentPlan;
import org.sycolab.experiment.InvalidExperimentException;
import org.sycolab.experiment.Stage;
import org.sycolab.features.Shard;
import org.sycolab.io.AtomicFiles;
import org.sycolab.io.FileDigest;
import org.sycolab.report.ReportWriter;
import org.sycolab.run.Execution;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunLock;
import org.sycolab.run.RunManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;

/** {@code sycolab run}: an experiment file, stage by stage, into one resumable run directory. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Execution an experiment: generate (or copy) the data, validate it, embed the pairs and the pools,"
          + " train the agreeable, grounded, mixture and held-out-domain heads, diagnose them,"
          + " measure the pull and write the report, each stage into its own directory of one run"
          + " directory with its manifest. The run's own manifest.json lists every stage's"
          + " manifest with its SHA-256.",
      "A stage whose directory already holds a complete manifest for the same command line, with"
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

  /** The copy of the experiment file every run directory keeps. */
  static final String EXPERIMENT_FILE = "experiment.yaml";

  private static final String EXPERIMENT_SOURCE = "experiment_file";
  private static final String LOCK = ".lock";
  private static final String SET_ASIDE = "set-aside";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

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
              + EXPERIMENT_FILE
              + "). Given an EXPERIMENT that differs (a fixed copy), it is checked, replaces the"
              + " run's copy, and the stages whose settings it changes run again with those after"
              + " them; finished stages it leaves alone are kept.")
  Path resume;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Execution into DIR, which must not hold a run yet. Default: a new runs/<name>-<timestamp>/"
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

  @Option(
      names = "--dry-run",
      description =
          "Check the whole experiment file and print the command line of every stage; run and"
              + " create nothing.")
  boolean dryRun;

  @Override
  protected int execute() throws Exception {
    Stage.Step last = parseUntil();
    if (resume == null && experimentFile == null) {
      throw new IllegalArgumentException("give an EXPERIMENT file, or --resume RUN");
    }
    if (resume != null && out != null) {
      throw new IllegalArgumentException("--out and --resume cannot be used together");
    }
    if (shard != null) {
      Shard.parse(shard);
      if (resume == null) {
        throw new IllegalArgumentException("--shard needs --resume RUN: a run whose data is ready");
      }
      if (until != null) {
        throw new IllegalArgumentException("--shard embeds one slice and stops; drop --until");
      }
    }
    return resume == null ? start(last) : resume(last);
  }

  @Override
  protected boolean checksDeviceFirst() {
    return !dryRun;
  }

  /** The run directory being run, once known: Ctrl-C tells how to resume it. */
  private Path running;

  @Override
  protected String afterInterruption(RunDirectory dir) {
    return dir.path().equals(running) ? "resume with: sycolab run --resume " + running : null;
  }

  private int start(Stage.Step last) throws Exception {
    Experiment experiment = ExperimentFile.read(experimentFile);
    byte[] text = Files.readAllBytes(experimentFile);
    ExperimentFile.requirePaths(experimentFile, experiment);
    Path source = experimentFile.toAbsolutePath().normalize();
    Path planned =
        out != null
            ? out.toAbsolutePath().normalize()
            : OutputOptions.runsRoot()
                .resolve(experiment.name() + "-" + LocalDateTime.now().format(STAMP));
    Set<String> written = namesWritten(new ExperimentPlan(experiment, source.getParent(), planned));
    if (out != null) {
      refuseExistingRun(planned, written);
    }
    checkStages(experiment, source, planned);
    if (dryRun) {
      return printPlan(experiment, source, planned, last);
    }
    requireDevice(device(experiment));
    Path dir;
    if (out != null) {
      dir = RunDirectory.at(out).path();
    } else {
      dir =
          RunDirectory.create(
                  OutputOptions.runsRoot(), experiment.name(), Clock.systemDefaultZone())
              .path();
    }
    try (RunLock lock = RunLock.acquire(dir.resolve(LOCK), "run " + dir)) {
      refuseExistingRun(dir, written); // another process may have started one since the check
      AtomicFiles.writeBytes(dir.resolve(EXPERIMENT_FILE), text);
      return execute(experiment, source, dir, last, Map.of());
    }
  }

  /**
   * Refuses an {@code --out} that holds a run (continue it with {@code --resume}) or any of the
   * names a run writes at its top level ({@code written}): stage directories ({@code data/}, {@code
   * heads/}, …) are replaced whole and the report's files rewritten, so a directory or file of the
   * user's by such a name would be lost. Other entries (a {@code doctor/} beside the run) stay.
   */
  private static void refuseExistingRun(Path dir, Set<String> written) throws IOException {
    if (Files.exists(dir.resolve(EXPERIMENT_FILE))) {
      throw new IllegalArgumentException(
          "--out " + dir + " already holds a run; continue it with: sycolab run --resume " + dir);
    }
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<String> taken;
    try (Stream<Path> entries = Files.list(dir)) {
      taken =
          entries
              .map(entry -> entry.getFileName().toString())
              .filter(written::contains)
              .sorted()
              .toList();
    }
    if (!taken.isEmpty()) {
      throw new IllegalArgumentException(
          "--out "
              + dir
              + " already holds "
              + String.join(", ", taken)
              + ", which a run writes and would replace; give a new or empty directory, or move"
              + (taken.size() == 1 ? " it" : " them")
              + " away");
    }
  }

  /** The names a run writes directly in its directory: stage directories, report, manifest. */
  private static Set<String> namesWritten(ExperimentPlan plan) throws IOException {
    Set<String> names = new HashSet<>();
    for (Stage stage : plan.stages()) {
      if (stage.directory() != null) {
        names.add(stage.directory().getFileName().toString());
      }
    }
    names.addAll(
        List.of(
            RunManifest.FILE_NAME,
            ExperimentPlan.SHARDS,
            SET_ASIDE,
            ReportWriter.PLOTS,
            ReportWriter.HTML,
            ReportWriter.MARKDOWN));
    return names;
  }

  private int resume(Stage.Step last) throws Exception {
    Path dir = resume.toAbsolutePath().normalize();
    Path kept = dir.resolve(EXPERIMENT_FILE);
    if (!Files.isRegularFile(kept)) {
      throw new IllegalArgumentException(
          "--resume " + resume + ": no " + EXPERIMENT_FILE + " there; is it a run directory?");
    }
    byte[] fixed = null;
    if (experimentFile != null) {
      if (!Files.isRegularFile(experimentFile)) {
        ExperimentFile.read(experimentFile); // says what it is instead
      }
      byte[] given = Files.readAllBytes(experimentFile);
      fixed = Arrays.equals(given, Files.readAllBytes(kept)) ? null : given;
    }
    Experiment experiment;
    Path source;
    if (fixed != null) {
      // A fixed experiment replaces the run's copy: stages whose command lines it changes run
      // again, with every stage after them; finished stages it leaves alone are kept.
      if (shard != null) {
        throw new IllegalArgumentException(
            "--shard embeds with the run's own experiment; resume with "
                + experimentFile
                + " first, without --shard");
      }
      experiment = ExperimentFile.read(experimentFile);
      ExperimentFile.requirePaths(experimentFile, experiment);
      source = experimentFile.toAbsolutePath().normalize();
    } else {
      // Relative paths in the experiment lead from where its file was, even if it has gone since.
      source = originalFile(dir).orElse(kept);
      experiment = ExperimentFile.read(kept);
    }
    if (fixed != null) {
      checkStages(experiment, source, dir);
    }
    if (dryRun) {
      return printPlan(experiment, source, dir, last);
    }
    requireDevice(device(experiment));
    if (shard != null) {
      String slice = ExperimentPlan.shardName(Shard.parse(shard));
      Path lockFile = dir.resolve(ExperimentPlan.SHARDS).resolve(LOCK + "-" + slice);
      try (RunLock lock = RunLock.acquire(lockFile, "shard " + shard + " of run " + dir)) {
        return runShard(new ExperimentPlan(experiment, source.getParent(), dir), experiment, dir);
      }
    }
    try (RunLock lock = RunLock.acquire(dir.resolve(LOCK), "run " + dir)) {
      Map<String, Object> replaced = new LinkedHashMap<>();
      if (fixed != null) {
        replaced.put("experiment_replaced_sha256", FileDigest.sha256(kept));
        setAsideDroppedStages(
            new ExperimentPlan(
                ExperimentFile.read(kept), originalFile(dir).orElse(kept).getParent(), dir),
            new ExperimentPlan(experiment, source.getParent(), dir),
            dir);
        AtomicFiles.writeBytes(kept, fixed);
        out()
            .println(
                "run: "
                    + kept
                    + " replaced by "
                    + source
                    + "; stages whose settings changed run again, with those after them");
      }
      return execute(experiment, source, dir, last, replaced);
    }
  }

  /**
   * Parses every stage's command line as the stage will and runs the checks its command makes on
   * its options first ({@link BaseCommand#check}), so whatever a stage would refuse is refused now,
   * before the run directory exists, naming the experiment's fields to fix.
   *
   * @throws InvalidExperimentException listing each stage's problem
   */
  private void checkStages(Experiment experiment, Path source, Path dir) {
    List<String> global = globalOptions(experiment);
    List<String> problems = new ArrayList<>();
    for (Stage stage :
        new ExperimentPlan(experiment, source.getParent(), dir).stages(List.of(), List.of())) {
      if (stage.kind() != Stage.Kind.COMMAND) {
        continue;
      }
      List<String> line = new ArrayList<>(global);
      line.addAll(stage.arguments());
      String[] args = line.toArray(String[]::new);
      CommandLine parser = new CommandLine(new SycolabCommand(root().build(), List.of(args)));
      parser.setCaseInsensitiveEnumValuesAllowed(true);
      try {
        ParseResult parsed = parser.parseArgs(args);
        while (parsed.hasSubcommand()) {
          parsed = parsed.subcommand();
        }
        if (parsed.commandSpec().userObject() instanceof BaseCommand command) {
          command.check();
        }
      } catch (CommandLine.ParameterException | IllegalArgumentException e) {
        List<String> fields = ExperimentPlan.fields(stage.step(), e.getMessage());
        problems.add(
            source
                + ": "
                + (fields.isEmpty() ? "" : String.join(", ", fields) + ": ")
                + stage.name()
                + " would refuse it: "
                + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidExperimentException(String.join("\n", problems));
    }
  }

  /** Where the experiment file was when the run started: relative paths lead from there. */
  private static Optional<Path> originalFile(Path dir) {
    try {
      Object source =
          RunManifest.read(dir.resolve(RunManifest.FILE_NAME)).config().get(EXPERIMENT_SOURCE);
      return Optional.ofNullable(source).map(s -> Path.of(s.toString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The stages a run would take, with the global options each gets; on a run that exists, those
   * finished earlier are marked.
   */
  private int printPlan(Experiment experiment, Path source, Path dir, Stage.Step last)
      throws IOException {
    ExperimentPlan plan = new ExperimentPlan(experiment, source.getParent(), dir);
    List<Stage> stages =
        shard != null ? plan.shard(Shard.parse(shard)) : until(plan.stages(), last);
    String global = String.join(" ", globalOptions(experiment));
    out().println(source + ": valid; stages into " + dir + ":");
    for (Stage stage : stages) {
      String finished = Files.isDirectory(dir) && stage.isFinished(dir) ? " (finished)" : "";
      out().println("  " + stage.name() + finished + ": " + describe(stage, global));
    }
    return ExitCode.OK;
  }

  private static String describe(Stage stage, String global) {
    return stage.kind() == Stage.Kind.COPY_DATA
        ? "validate and copy " + String.join(" and ", stage.arguments())
        : "sycolab " + global + " " + String.join(" ", stage.arguments());
  }

  /**
   * Runs the stages not finished yet and records the run in its manifest.
   *
   * @param replaced what the manifest records of an experiment copy replaced now (its former
   *     SHA-256), or nothing
   */
  private int execute(
      Experiment experiment, Path source, Path dir, Stage.Step last, Map<String, Object> replaced)
      throws Exception {
    ExperimentPlan plan = new ExperimentPlan(experiment, source.getParent(), dir);
    List<Stage> stages = until(plan.stages(), last);
    if (alreadyComplete(dir, stages)) {
      out().println("run: " + dir + " is complete; nothing to do");
      return ExitCode.OK;
    }
    List<String> global = globalOptions(experiment);
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(EXPERIMENT_SOURCE, source.toString());
    config.put("experiment", ExperimentFile.asMap(experiment));
    config.put("experiment_sha256", FileDigest.sha256(dir.resolve(EXPERIMENT_FILE)));
    config.put("until", last.id());
    config.putAll(replaced);
    if (last == Stage.Step.REPORT) {
      setAsideEditedReport(dir);
    }
    running = dir;
    Execution run = startRun(RunDirectory.at(dir), config, seeds(experiment), device(experiment));
    try {
      int status = runStages(stages, global, run, dir);
      if (status == ExitCode.OK && last == Stage.Step.REPORT) {
        for (Path file : ReportWriter.files(dir)) {
          run.recordOutput(file);
        }
      }
      if (status != ExitCode.OK) {
        String again = "sycolab run --resume " + dir;
        String edited =
            source.equals(dir.resolve(EXPERIMENT_FILE))
                ? ""
                : "; if the fix is in the experiment file: sycolab run "
                    + source
                    + " --resume "
                    + dir;
        run.fail(new IOException("a stage failed; continue with: " + again + edited));
        err().println("sycolab run: failed; fix the cause, then: " + again + edited);
        return status;
      }
      if (last == Stage.Step.REPORT) {
        out().println("run: complete; results in " + dir);
      } else {
        run.stop();
        out().println("run: stopped after " + last.id() + "; continue with --resume " + dir);
      }
    } catch (Exception | Error e) {
      run.fail(e);
      throw e;
    }
    return ExitCode.OK;
  }

  /**
   * Whether the run was complete, every file its manifest lists (stage manifests, the report) is
   * still there unchanged, and every stage it keeps a record of is still finished: then resuming
   * it, with or without {@code --until}, changes nothing.
   */
  private static boolean alreadyComplete(Path dir, List<Stage> stages) throws IOException {
    Path file = dir.resolve(RunManifest.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    RunManifest manifest;
    try {
      manifest = RunManifest.read(file);
    } catch (IOException e) {
      throw new IOException(
          e.getMessage() + "; move it away to resume from the stages' own manifests", e);
    }
    if (manifest.status() != RunManifest.Status.COMPLETE) {
      return false;
    }
    for (RunManifest.FileEntry output : manifest.outputs()) {
      Path path = dir.resolve(output.path());
      if (!Files.isRegularFile(path) || !FileDigest.sha256(path).equals(output.sha256())) {
        return false;
      }
    }
    for (Stage stage : stages) {
      if (stage.directory() != null && !stage.isFinished(dir)) {
        return false;
      }
    }
    return true;
  }

  private int runShard(ExperimentPlan plan, Experiment experiment, Path dir) throws Exception {
    Stage data = plan.stages(List.of(), List.of()).get(0);
    if (!data.isFinished(dir)) {
      throw new IllegalArgumentException(
          "--shard: the data of "
              + resume
              + " is not ready; run the data stage first (sycolab run --resume "
              + resume
              + " --until data)");
    }
    return runStages(plan.shard(Shard.parse(shard)), globalOptions(experiment), null, dir);
  }

  /**
   * Runs the stages in order, skipping those finished earlier until one has to run: every stage
   * after it runs again too, since its inputs may have changed. The run is marked complete before
   * the report stage, which reads its manifest, so the report shows it finished.
   */
  private int runStages(List<Stage> stages, List<String> global, Execution run, Path dir)
      throws Exception {
    boolean upstreamRan = false;
    for (int i = 0; i < stages.size(); i++) {
      Stage stage = stages.get(i);
      String position =
          String.format(Locale.ROOT, "[%d/%d] %s", i + 1, stages.size(), stage.name());
      Stage.Earlier earlier = upstreamRan ? null : stage.earlier(dir);
      if (earlier != null && earlier.finished()) {
        progress(position + ": finished earlier, skipped");
        recordStage(stage, run);
        continue;
      }
      if (earlier != null && earlier.changed() != null) {
        Path aside = setAside(stage.directory(), dir);
        err()
            .println(
                stage.name()
                    + ": "
                    + earlier.changed()
                    + "; rerunning "
                    + stage.name()
                    + " and the stages after it (its earlier outputs are kept in "
                    + dir.relativize(aside)
                    + ")");
      }
      if (earlier != null && earlier.changed() == null && run != null) {
        sayIfGone(stage, run, dir);
      }
      progress(position);
      if (run != null && stage.step() == Stage.Step.REPORT) {
        run.complete();
      }
      clear(stage.directory());
      long start = System.nanoTime();
      int status;
      try {
        status = stage.kind() == Stage.Kind.COPY_DATA ? copyData(stage) : runCommand(stage, global);
      } catch (Exception e) {
        err().println(position + ": failed");
        throw e;
      }
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

  /** One line when a stage the run had finished has lost its manifest (its directory deleted). */
  private void sayIfGone(Stage stage, Execution run, Path dir) {
    if (stage.directory() == null) {
      return;
    }
    Path manifest = stage.directory().resolve(RunManifest.FILE_NAME);
    String recorded = dir.relativize(manifest).toString();
    if (run.wroteEarlier(recorded) && !Files.exists(manifest)) {
      err()
          .println(
              stage.name()
                  + ": "
                  + recorded
                  + " is gone since the run recorded it; rerunning "
                  + stage.name()
                  + " and the stages after it");
    }
  }

  /**
   * Removes what an unfinished or outdated run of a stage left in its directory, so the stage
   * starts clean: commands refuse to replace some outputs (a head directory) they did not write.
   */
  private static void clear(Path directory) throws IOException {
    if (directory != null) {
      AtomicFiles.deleteTree(directory);
    }
  }

  /**
   * Moves the directory of a finished stage whose outputs changed since (edited by hand, damaged)
   * to {@code RUN/set-aside/<name>-<time>/}, in one rename, so the stage reruns into a clean
   * directory and what was there is not lost.
   *
   * @return where it went
   */
  private static Path setAside(Path directory, Path dir) throws IOException {
    return Files.move(
        directory,
        setAsidePlace(dir, directory.getFileName().toString()),
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** A free {@code RUN/set-aside/<name>-<time>[-i]} for what is set aside now. */
  private static Path setAsidePlace(Path dir, String name) throws IOException {
    Path aside = Files.createDirectories(dir.resolve(SET_ASIDE));
    String base = name + "-" + LocalDateTime.now().format(STAMP);
    Path target = aside.resolve(base);
    for (int i = 2; Files.exists(target); i++) {
      target = aside.resolve(base + "-" + i);
    }
    return target;
  }

  /**
   * Moves the directories of stages the fixed experiment no longer has (a mixture sweep or a
   * held-out domain it dropped) to {@code RUN/set-aside/}, saying so, so the report does not show
   * an earlier experiment's results as this one's.
   */
  private void setAsideDroppedStages(ExperimentPlan before, ExperimentPlan after, Path dir)
      throws IOException {
    Set<Path> kept = new HashSet<>();
    after.stages().forEach(stage -> kept.add(stage.directory()));
    for (Stage stage : before.stages()) {
      Path directory = stage.directory();
      if (directory != null && !kept.contains(directory) && Files.isDirectory(directory)) {
        Path aside = setAside(directory, dir);
        err()
            .println(
                stage.name()
                    + ": not in the fixed experiment; its results are moved to "
                    + dir.relativize(aside));
      }
    }
  }

  /**
   * Before the report is drawn again, moves the report files edited since the run's manifest
   * recorded them to {@code RUN/set-aside/report-<time>/}, saying so, as a stage's edited outputs
   * are: the user's edits are kept, not overwritten.
   */
  private void setAsideEditedReport(Path dir) throws IOException {
    Path file = dir.resolve(RunManifest.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return;
    }
    List<String> report =
        ReportWriter.files(dir).stream().map(f -> dir.relativize(f).toString()).toList();
    List<String> edited = new ArrayList<>();
    for (RunManifest.FileEntry entry : RunManifest.read(file).outputs()) {
      Path path = dir.resolve(entry.path());
      if (report.contains(entry.path())
          && Files.isRegularFile(path)
          && !FileDigest.sha256(path).equals(entry.sha256())) {
        edited.add(entry.path());
      }
    }
    if (edited.isEmpty()) {
      return;
    }
    Path target = setAsidePlace(dir, "report");
    for (String name : edited) {
      Path moved = target.resolve(name);
      Files.createDirectories(moved.getParent());
      Files.move(dir.resolve(name), moved, StandardCopyOption.ATOMIC_MOVE);
    }
    err()
        .println(
            "report: "
                + String.join(", ", edited)
                + (edited.size() == 1 ? " was" : " were")
                + " edited since it was written; the report is drawn again (the edited copy is"
                + " kept in "
                + dir.relativize(target)
                + ")");
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
    Datasets.readPairs(pairs, "data.pairs");
    Datasets.readPools(pools, "data.pools");
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(Stage.COPIED_FROM, stage.arguments());
    Execution copy = startRun(RunDirectory.at(stage.directory()), config, Map.of(), "none");
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

  private static void recordStage(Stage stage, Execution run) throws IOException {
    if (run != null && stage.directory() != null) {
      run.recordOutput(stage.directory().resolve(RunManifest.FILE_NAME));
    }
  }

  private static List<Stage> until(List<Stage> stages, Stage.Step last) {
    return stages.stream().filter(s -> s.step().ordinal() <= last.ordinal()).toList();
  }

  /**
   * The device the stages run on: {@code --device} when given (before or after {@code run}), else
   * the experiment's, else auto.
   */
  private String device(Experiment experiment) {
    boolean given =
        spec.commandLine().getParseResult().hasMatchedOption("--device")
            || spec.root().commandLine().getParseResult().hasMatchedOption("--device");
    return given || experiment.device() == null
        ? root().deviceSpec().toString()
        : experiment.device();
  }

  /** Fails in the first second, not at the first stage that computes, when CUDA is not usable. */
  private static void requireDevice(String device) throws Exception {
    DeviceSpec spec = DeviceSpec.parse(device);
    if (spec.kind() == DeviceSpec.Kind.CUDA) {
      spec.resolve(PyTorchRuntime.cudaSupport(PyTorchRuntime.engine()));
    }
  }

  /** The global options each stage runs with: the device and the verbosity. */
  private List<String> globalOptions(Experiment experiment) {
    List<String> options = new ArrayList<>(List.of("--device", device(experiment)));
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
