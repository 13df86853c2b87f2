package org.sycolab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sycolab.data.InvalidDatasetException;
import org.sycolab.engine.DeviceSpec;
import org.sycolab.pull.InvalidScoresException;
import org.sycolab.pull.JavaHeap;
import org.sycolab.run.Execution;
import org.sycolab.run.GitState;
import org.sycolab.run.Interruptions;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunSpec;
import org.sycolab.stage.ComposedStageContext;
import org.sycolab.stage.StageContext;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Common ground of the subcommands: access to the global options, output streams, and starting a
 * run with its manifest. A run the command leaves in progress is marked failed when the command
 * fails (an out-of-memory error included, reported in one line), and interrupted on Ctrl-C. An
 * explicit {@code --device cuda} is checked before any work, so a missing GPU fails in the first
 * second rather than after data has been read.
 */
abstract class BaseCommand implements Callable<Integer> {

  /** System property scripts/sycolab sets to the source checkout, for the manifest's commit. */
  static final String HOME_PROPERTY = "sycolab.home";

  /** Environment variable scripts/sycolab passes to the JVM, for the heap size. */
  static final String JAVA_OPTS_ENV = "SYCOLAB_JAVA_OPTS";

  @Spec CommandSpec spec;

  /** Runs this command started, in order; those still running when it fails are marked. */
  private final List<Execution> runs = new ArrayList<>();

  @Override
  public final Integer call() throws Exception {
    if (checksDeviceFirst() && root().deviceSpec().kind() == DeviceSpec.Kind.CUDA) {
      root().device();
    }
    try {
      return execute();
    } catch (OutOfMemoryError e) {
      String line = outOfMemory();
      endRuns(new IOException(line));
      err().println("sycolab " + spec.name() + ": error: " + line);
      if (root().verbosity() == Verbosity.DEBUG) {
        e.printStackTrace(err());
      }
      err().flush();
      return ExitCode.PROBLEMS;
    } catch (Exception | Error e) {
      endRuns(e);
      throw e;
    } finally {
      runs.forEach(Interruptions::forget);
    }
  }

  /**
   * One line for a heap too small for the command's work: the heap it had and the setting to give
   * it twice as much.
   */
  private String outOfMemory() {
    long heap = Runtime.getRuntime().maxMemory();
    return String.format(
        Locale.ROOT,
        "out of memory in %s (heap %s); raise it with %s=-Xmx%s",
        spec.name(),
        JavaHeap.size(heap),
        JAVA_OPTS_ENV,
        JavaHeap.xmx(2 * heap));
  }

  /**
   * Ends the runs this command left in progress: marked failed with {@code cause}. A run whose
   * failure is the input's (a bad option or file, found before any work) and that wrote nothing
   * into a directory it created itself leaves nothing behind: its manifest and directory go.
   */
  private void endRuns(Throwable cause) {
    for (Execution run : runs) {
      if (!run.isRunning()) {
        continue;
      }
      run.fail(cause);
      if (isInputError(cause) && run.manifest().outputs().isEmpty()) {
        run.directory().removeIfOnlyManifest();
      }
    }
  }

  /** Does the command's work and returns its exit status. */
  protected abstract int execute() throws Exception;

  /** Whether an explicit CUDA request is validated before {@link #execute}; doctor reports it. */
  protected boolean checksDeviceFirst() {
    return true;
  }

  /** The root command with the global options. */
  protected SycolabCommand root() {
    return (SycolabCommand) spec.root().userObject();
  }

  /** Standard output, for results. */
  protected PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Standard error, for progress and warnings. */
  protected PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Whether {@code cause} is the input's: a bad option, value or file, found before work. */
  private static boolean isInputError(Throwable cause) {
    return cause instanceof IllegalArgumentException
        || cause instanceof InvalidDatasetException
        || cause instanceof InvalidScoresException;
  }

  /**
   * What a stage called by this command gets: the console at this command's verbosity, the global
   * device and engine, and executions recorded under this command's name and command line.
   */
  protected StageContext context() {
    return new ComposedStageContext(
        new CommandConsole(err(), root().verbosity()),
        root().build(),
        this::startRun,
        root().deviceSpec(),
        root()::device,
        root().engine(),
        spec.name(),
        root().arguments(),
        Map.of());
  }

  /** Starts a run in {@code dir}, recording config, seeds, versions, device and commit. */
  protected Execution startRun(
      RunDirectory dir, Map<String, Object> config, Map<String, Long> seeds, String device)
      throws IOException {
    return startRun(
        spec.name(), root().arguments(), root().deviceSpec(), dir, config, seeds, device);
  }

  private Execution startRun(
      String command,
      List<String> commandLine,
      DeviceSpec requested,
      RunDirectory dir,
      Map<String, Object> config,
      Map<String, Long> seeds,
      String device)
      throws IOException {
    Map<String, Object> effective = new LinkedHashMap<>(config);
    effective.put("device_requested", requested.toString());
    RunSpec runSpec =
        new RunSpec(
            command,
            commandLine,
            effective,
            seeds,
            root().build().versions(),
            device,
            GitState.of(sourceCheckout()).orElse(null));
    Execution run = Execution.start(dir, runSpec, Clock.systemUTC());
    runs.add(run);
    Interruptions.watch(run, command, afterInterruption(dir), err());
    return run;
  }

  /** What to tell the user after Ctrl-C stopped a run in {@code dir}; null for nothing. */
  protected String afterInterruption(RunDirectory dir) {
    return null;
  }

  private static Path sourceCheckout() {
    String home = System.getProperty(HOME_PROPERTY);
    return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath();
  }
}
