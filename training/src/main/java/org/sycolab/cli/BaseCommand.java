package org.sycolab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sycolab.engine.Allocator;
import org.sycolab.engine.BuildInfo;
import org.sycolab.engine.DeviceSpec;
import org.sycolab.run.GitState;
import org.sycolab.run.Run;
import org.sycolab.run.RunDirectory;
import org.sycolab.run.RunSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Common ground of the subcommands: access to the global options, output streams, and starting a
 * run with its manifest. An explicit {@code --device cuda} is checked before any work, so a missing
 * GPU fails in the first second rather than after data has been read.
 */
abstract class BaseCommand implements Callable<Integer> {

  /** System property scripts/sycolab sets to the source checkout, for the manifest's commit. */
  static final String HOME_PROPERTY = "sycolab.home";

  @Spec CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    if (checksDeviceFirst() && root().deviceSpec().kind() == DeviceSpec.Kind.CUDA) {
      root().device();
    }
    return execute();
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

  /** Starts a run in {@code dir}, recording config, seeds, versions, device and commit. */
  protected Run startRun(
      RunDirectory dir, Map<String, Object> config, Map<String, Long> seeds, String device)
      throws IOException {
    Map<String, Object> effective = new LinkedHashMap<>(config);
    effective.put("device_requested", root().deviceSpec().toString());
    RunSpec runSpec =
        new RunSpec(
            spec.name(),
            root().arguments(),
            effective,
            seeds,
            versions(root().build()),
            device,
            GitState.of(sourceCheckout()).orElse(null));
    return Run.start(dir, runSpec, Clock.systemUTC());
  }

  private static Map<String, String> versions(BuildInfo build) {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("sycolab", build.sycolabVersion());
    versions.put("djl", build.djlVersion());
    versions.put("pytorch", build.pytorchVersion());
    versions.put("pytorch_flavor", build.pytorchFlavor());
    versions.put("java", Runtime.version().toString());
    versions.put("allocator", Allocator.current());
    versions.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    return versions;
  }

  private static Path sourceCheckout() {
    String home = System.getProperty(HOME_PROPERTY);
    return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath();
  }
}
